/**
 * The bar between the grid and the checks panel: drag it (or focus it and press the arrow keys) to
 * give the checks more or less room. The height is remembered on this machine (view-settings.ts).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { t, useLanguage } from '../i18n';
import { CHECKS_HEIGHT, updateView } from './view-settings';

interface PanelSplitterProps {
  height: number;
  onResize(height: number): void;
}

const STEP = 20;

export function PanelSplitter({ height, onResize }: PanelSplitterProps) {
  useLanguage();
  const drag = useRef<{ y: number; height: number; last: number } | null>(null);
  const clamp = (h: number) =>
    Math.round(Math.min(CHECKS_HEIGHT.max, Math.max(CHECKS_HEIGHT.min, h)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { y: event.clientY, height, last: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = clamp(d.height - (event.clientY - d.y));
    onResize(d.last);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d) updateView({ checksHeight: d.last });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowUp' ? STEP : event.key === 'ArrowDown' ? -STEP : 0;
    if (!step) return;
    event.preventDefault();
    const next = clamp(height + step);
    onResize(next);
    updateView({ checksHeight: next });
  };

  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('checks.resize')}
      aria-valuemin={CHECKS_HEIGHT.min}
      aria-valuemax={CHECKS_HEIGHT.max}
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
