/**
 * "Tổng hợp từ các đơn vị…": the communes' returned files into the table on screen. Reading runs
 * on the host as a job (a progress bar, a cancel that stops it); then every unit of the table is
 * shown — received (from which file, what changes), missing, in conflict — with the rows that
 * match no unit, the files set aside and the errors in the files, before anything is written.
 * The person accepts all received units or unit by unit — and, for a unit that sent two files
 * that disagree, picks the file to take; each file's figures are then written as one undoable
 * step.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallOutput, CollectView, JobStatus } from '../../shared/api';
import { call, messageOf } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { t, useLanguage } from '../i18n';
import { followJob } from '../transfer/use-job';
import { CollectStatus } from './CollectStatus';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; job: JobStatus }
  | { kind: 'plan'; jobId: string; view: CollectView }
  | { kind: 'failed'; message: string };

interface CollectDialogProps {
  table: { id: number; name: string };
  onClose(): void;
  onApplied(result: CallOutput<'collect.apply'>): void;
}

export function CollectDialog({ table, onClose, onApplied }: CollectDialogProps) {
  useLanguage();
  const [paths, setPaths] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  // Per unit whose files disagree, the file the person takes (its index among the unit's files).
  const [picks, setPicks] = useState<ReadonlyMap<number, number>>(new Map());
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  const jobId = useRef<string | null>(null);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const read = async () => {
    setError(null);
    try {
      const list = paths
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const first = await call('collect.start', { tableId: table.id, paths: list });
      jobId.current = first.jobId;
      setStep({ kind: 'reading', job: first });
      const last = await followJob(
        first,
        (job) => setStep({ kind: 'reading', job }),
        () => live.current && jobId.current === first.jobId,
        (id) => call('collect.status', { jobId: id }),
      );
      if (!last) return;
      if (last.state !== 'done') {
        setStep({ kind: 'failed', message: last.error ?? '' });
        return;
      }
      const view = await call('collect.plan', { jobId: first.jobId });
      setChosen(
        new Set(
          view.units.filter((u) => u.acceptable && u.status === 'received').map((u) => u.rowIndex),
        ),
      );
      setStep({ kind: 'plan', jobId: first.jobId, view });
    } catch (e) {
      setStep({ kind: 'choose' });
      setError(messageOf(e));
    }
  };

  const cancel = async () => {
    const id = jobId.current;
    jobId.current = null;
    if (!id) return onClose();
    const status = await call('collect.cancel', { jobId: id }).catch(() => null);
    // The reading may have ended just before Hủy reached the host: its result is dropped all
    // the same (nothing is written without the plan), so the answer is the same sentence.
    setStep({
      kind: 'failed',
      message: status?.state === 'failed' && status.error ? status.error : t('collect.cancelled'),
    });
  };

  const apply = async (plan: { jobId: string }) => {
    setApplying(true);
    setError(null);
    try {
      const choices = [...picks].map(([rowIndex, file]) => ({ rowIndex, file }));
      onApplied(await call('collect.apply', { jobId: plan.jobId, units: [...chosen], choices }));
    } catch (e) {
      setError(messageOf(e));
      setApplying(false);
    }
  };

  if (step.kind === 'reading') {
    const percent = Math.round(step.job.fraction * 100);
    return (
      <Modal
        title={t('collect.title')}
        onClose={() => void cancel()}
        closeLabel={t('collect.cancel')}
        testId="collect-dialog"
      >
        <p className="import-file">{t('collect.reading')}</p>
        <progress
          className="import-progress"
          max={100}
          value={percent}
          aria-label={t('collect.progress')}
          data-testid="collect-progress"
        />
        <p className="field-hint" aria-live="polite">
          {step.job.message} · {percent}%
        </p>
      </Modal>
    );
  }

  if (step.kind === 'failed') {
    return (
      <Modal
        title={t('collect.title')}
        onClose={onClose}
        testId="collect-dialog"
        extraActions={
          <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
            {t('collect.another')}
          </button>
        }
      >
        <p className="import-refused" role="alert" data-testid="collect-refused">
          {step.message}
        </p>
      </Modal>
    );
  }

  if (step.kind === 'plan') {
    return (
      <Modal
        title={t('collect.title')}
        size="wide"
        submitLabel={applying ? t('collect.applying') : t('collect.apply', { count: chosen.size })}
        submitDisabled={applying || chosen.size === 0}
        onClose={onClose}
        onSubmit={() => void apply(step)}
        testId="collect-dialog"
      >
        {error && (
          <p className="import-refused" role="alert">
            {error}
          </p>
        )}
        <CollectStatus
          view={step.view}
          chosen={chosen}
          onChoose={setChosen}
          picks={picks}
          onPick={(rowIndex, file) => {
            setPicks(new Map(picks).set(rowIndex, file));
            setChosen(new Set(chosen).add(rowIndex));
          }}
        />
      </Modal>
    );
  }

  return (
    <Modal
      title={t('collect.title')}
      submitLabel={t('collect.read')}
      submitDisabled={paths.trim() === ''}
      onClose={onClose}
      onSubmit={() => void read()}
      testId="collect-dialog"
    >
      {error && (
        <p className="import-refused" role="alert" data-testid="collect-refused">
          {error}
        </p>
      )}
      <label className="field-label" htmlFor="collect-paths">
        {t('collect.paths')}
      </label>
      <textarea
        id="collect-paths"
        className="text-field collect-paths"
        rows={3}
        spellCheck={false}
        value={paths}
        autoFocus
        onChange={(event) => setPaths(event.target.value)}
      />
      <p className="field-hint">{t('collect.pathsHint')}</p>
    </Modal>
  );
}
