/**
 * A running restore's own steps in its task row: the safety backup's progress, the "waiting for the cloud"
 * state of a request that left without an answer yet, Cancel while nothing has been sent, and after a
 * refusal the cloud's code and the way to try again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAwaitingCloud, isCancellable, type RestoreRecord } from '../../../../shared/tasks';
import { formatDuration } from '../../lib/format';
import { useApp } from '../../store';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';

const safetyStatuses = new Set([
  'starting',
  'running',
  'succeed',
  'failed',
  'error',
  'outcome-unknown',
  'cancelled',
]);

export function SafetyProgress({ record: r, now }: { record: RestoreRecord; now: number }) {
  const { t } = useTranslation();
  const backup = r.safetyBackup;
  if (!backup) return null;
  const status = safetyStatuses.has(backup.status)
    ? t(`restoreFlow.safetyStatus.${backup.status}`)
    : backup.status;
  const started = backup.startedAt ? Date.parse(backup.startedAt) : undefined;
  const end = backup.endedAt ? Date.parse(backup.endedAt) : now;
  const parts = [
    t('restoreFlow.safetyProgress', { status }),
    ...(backup.taskId ? [t('restoreFlow.safetyTask', { taskId: backup.taskId })] : []),
    ...(backup.backupId ? [t('restoreFlow.safetyId', { id: backup.backupId })] : []),
    ...(started !== undefined && Number.isFinite(started) ? [formatDuration(end - started)] : []),
  ];
  return (
    <div className="muted small" data-testid="safety-progress">
      {parts.join(' · ')}
    </div>
  );
}

export function AwaitingCloud({ record, now }: { record: RestoreRecord; now: number }) {
  const { t } = useTranslation();
  if (!isAwaitingCloud(record, now)) return null;
  return (
    <div className="banner banner-warn small" role="status" data-testid="awaiting-cloud">
      {t('restoreFlow.awaitingCloud')}
    </div>
  );
}

const reasonKeys = {
  'too-late': 'restoreFlow.cancelTooLate',
  ended: 'restoreFlow.cancelEnded',
  'not-found': 'restoreFlow.cancelNotFound',
} as const;

export function CancelRestore({ record }: { record: RestoreRecord }) {
  const { t } = useTranslation();
  const cancel = useApp((s) => s.cancelRestore);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [error, setError] = useState<UiError>();
  if (!isCancellable(record) && !refusal && !error) return null;
  const press = async () => {
    setBusy(true);
    setError(undefined);
    const answer = await cancel(record.restoreId);
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (!answer.value.cancelled) setRefusal(t(reasonKeys[answer.value.reason ?? 'too-late']));
  };
  return (
    <div className="small">
      {isCancellable(record) && (
        <>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void press()}
            data-testid="cancel-restore"
          >
            {busy ? t('restoreFlow.cancelling') : t('restoreFlow.cancel')}
          </button>{' '}
          <span className="muted">{t('restoreFlow.cancelHint')}</span>
        </>
      )}
      {refusal && (
        <p className="field-error" role="status">
          {refusal}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}

/**
 * A restore refused before anything was restored (the cloud's refusal, a failed safety backup, a cancel):
 * the cloud's own code and request id to quote, and the dialog again on the same backup, preflight and all.
 */
export function Refusal({ record: r }: { record: RestoreRecord }) {
  const { t } = useTranslation();
  const openRestore = useApp((s) => s.openRestore);
  if (r.phase !== 'done' || r.status !== 'refused') return null;
  const cloud = r.errorDetails;
  return (
    <div className="small" data-testid="task-refusal">
      {cloud?.cloudCode && (
        <div className="muted mono">
          {t('restoreFlow.cloudCode', { code: cloud.cloudCode })}
          {cloud.requestId ? ` · ${t('restoreFlow.requestId', { id: cloud.requestId })}` : ''}
        </div>
      )}
      <button
        type="button"
        className="btn btn-small"
        data-testid="restore-again"
        onClick={() =>
          void openRestore(
            {
              profileId: r.profileId,
              region: r.region,
              instanceId: r.instanceId,
              backupId: r.backupId,
            },
            // The same way again: a refused clone reopens on the new-instance path.
            r.kind === 'clone' ? 'clone' : 'overwrite',
          )
        }
      >
        {t('restoreFlow.again')}
      </button>
    </div>
  );
}
