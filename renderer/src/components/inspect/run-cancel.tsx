/**
 * The Cancel button and the "cancelled" line of a find or compare run (use-inspect-run.ts), one for both
 * panels so they say and do the same.
 */
import { useTranslation } from 'react-i18next';
import type { useInspectRun } from './use-inspect-run';

type Run = ReturnType<typeof useInspectRun>;

/** Shown while the run is busy; says "Cancelling…" once pressed. */
export function CancelRunButton({ run, label, testId }: { run: Run; label: string; testId: string }) {
  const { t } = useTranslation();
  if (!run.busy) return null;
  return (
    <button ref={run.cancelButton} type="button" className="btn" onClick={run.cancel} data-testid={testId}>
      {run.phase === 'cancelling' ? t('inspect.cancelling') : label}
    </button>
  );
}

/** The status line after a cancelled run: nothing read is shown in its place. */
export function RunCancelled({ run, text, testId }: { run: Run; text: string; testId: string }) {
  if (run.phase !== 'cancelled') return null;
  return (
    <p role="status" data-testid={testId}>
      {text}
    </p>
  );
}
