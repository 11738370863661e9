/**
 * Ctrl+S in a program that writes every change the moment it is made. Excel users press it out
 * of habit and, when nothing happened, wondered whether their figures were kept: the answer is a
 * sentence — everything is saved, and when (once the writes still under way are done). The
 * status bar says once, in the first session someone edits, that Biểu saves by itself.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentInfo } from '../../shared/api';
import { t } from '../i18n';
import { formatTime } from './format-time';
import { updateView, viewSettings } from './view-settings';

interface SaveState {
  info: DocumentInfo | null;
  pendingWrites: number;
  lastWriteFailed: boolean;
}

export interface SaveAnswer {
  /** Ctrl+S: say how things stand (after the writes under way). */
  ask(): void;
  /** Whether the status bar explains autosave this session. */
  explainAutosave: boolean;
}

export function useSaveAnswer(state: SaveState, onNotice: (message: string) => void): SaveAnswer {
  const { info, pendingWrites, lastWriteFailed } = state;
  const [explainAutosave] = useState(() => !viewSettings().autosaveExplained);
  // Ctrl+S presses, and the last one answered: an answer waits for the writes under way.
  const [asked, setAsked] = useState(0);
  const answered = useRef(0);
  // When this document was opened, and when its last change reached the disk.
  const opened = useRef<{ path: string | undefined; at: Date }>({
    path: undefined,
    at: new Date(),
  });
  const savedAt = useRef<Date | null>(null);
  const path = info?.path;
  useEffect(() => {
    if (opened.current.path === path) return;
    opened.current = { path, at: new Date() };
    savedAt.current = null;
  }, [path]);

  const writing = useRef(pendingWrites);
  useEffect(() => {
    const wasWriting = writing.current > 0;
    writing.current = pendingWrites;
    if (!wasWriting || pendingWrites > 0 || lastWriteFailed) return;
    savedAt.current = new Date();
    if (!viewSettings().autosaveExplained) updateView({ autosaveExplained: true });
  }, [pendingWrites, lastWriteFailed]);

  useEffect(() => {
    if (asked === answered.current || pendingWrites > 0) return;
    answered.current = asked;
    if (!info) return;
    if (info.readOnly) onNotice(t('notice.saveReadOnly'));
    else if (lastWriteFailed) onNotice(t('status.saveFailed'));
    else if (savedAt.current) onNotice(t('notice.allSaved', { time: formatTime(savedAt.current) }));
    else onNotice(t('notice.nothingToSave', { time: formatTime(opened.current.at) }));
  }, [asked, pendingWrites, lastWriteFailed, info, onNotice]);

  return { ask: () => setAsked((n) => n + 1), explainAutosave };
}
