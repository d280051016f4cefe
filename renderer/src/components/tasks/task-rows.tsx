/**
 * A table of restore records: live status, elapsed time, message, the running restore's own steps (safety
 * backup, waiting for the cloud, cancel) and, once it ended, the way back. Shared by Tasks and the instance view.
 */
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../shared/profiles';
import type { RestoreRecord } from '../../../../shared/tasks';
import { CRS_CONSOLE_INSTANCE_LIST_URL, isTerminal } from '../../../../shared/tasks';
import { type TccliCall, tccliCallFor } from '../../../../shared/tccli';
import { formatDateTime, formatDuration } from '../../lib/format';
import { taskMessage } from '../../lib/task-message';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { instanceHref } from '../../store/tasks-slice';
import { StatusChip, taskTone } from '../common/status-chip';
import { TccliCommand } from '../common/tccli-command';
import { CloneProgress } from './clone-progress';
import { AwaitingCloud, CancelRestore, Refusal, SafetyProgress } from './task-progress';
import { useNow } from './use-now';
import { WayBack } from './way-back';

/** How to read this task's status with tccli (the profile's generation decides whether tccli can). */
function taskInfoCall(r: RestoreRecord, profile: ProfileView | undefined): TccliCall {
  // Without the profile (deleted since), the record's name and region still say how to ask.
  return tccliCallFor(
    { generation: profile?.generation ?? 'v3', name: r.profileName, endpoint: profile?.endpoint },
    r.region,
    'DescribeTaskInfo',
    { TaskId: r.taskId },
  );
}

export function TaskRows({ tasks, showInstance = true }: { tasks: RestoreRecord[]; showInstance?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow(tasks.some((r) => !isTerminal(r.status)));
  const lang = i18n.language;
  const zone = useTimeZone();
  const profiles = useApp((s) => s.profiles);
  return (
    <table className="table tasks-table" data-testid="tasks-table">
      <thead>
        <tr>
          {showInstance && <th scope="col">{t('tasks.instance')}</th>}
          <th scope="col">{t('tasks.status')}</th>
          <th scope="col">{t('tasks.backup')}</th>
          <th scope="col">{t('tasks.started')}</th>
          <th scope="col" className="num">
            {t('tasks.elapsed')}
          </th>
          <th scope="col">{t('tasks.message')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((r) => {
          const end = r.endedAt ? new Date(r.endedAt).getTime() : now;
          const name = r.instanceName || r.instanceId;
          return (
            <tr key={r.restoreId} data-restore-id={r.restoreId}>
              {showInstance && (
                <td>
                  <a href={instanceHref(r)} aria-label={t('tasks.open', { name })}>
                    {name}
                  </a>
                  <div className="muted small">
                    {r.profileName} · {r.region}
                  </div>
                </td>
              )}
              <td>
                <StatusChip tone={taskTone(r.status)}>{t(`taskStatus.${r.status}`)}</StatusChip>
                <div className="muted small">
                  {t(`phase.${r.phase}`)}
                  {r.taskId ? ` · ${t('tasks.taskId', { id: r.taskId })}` : ''}
                </div>
              </td>
              <td>
                {r.clone?.point.kind === 'time' ? (
                  <>
                    {formatDateTime(r.clone.point.time, zone, true)}
                    <div className="muted small">{t('cloneTask.pointInTime')}</div>
                  </>
                ) : (
                  <>
                    {/* A clone's record may know its backup by id only. */}
                    {(r.kind !== 'clone' || r.backupStartTime) && formatDateTime(r.backupStartTime, zone)}
                    <div className="mono muted small">{r.backupId}</div>
                  </>
                )}
                {r.kind === 'clone' && <div className="small">{t('cloneTask.intoNew')}</div>}
              </td>
              <td>{formatDateTime(r.createdAt, zone)}</td>
              <td className="num mono">{formatDuration(end - new Date(r.createdAt).getTime())}</td>
              <td className="cell-message">
                {taskMessage(r, t, lang)}
                {r.status === 'outcome-unknown' && (
                  <div className="small">
                    <a href={CRS_CONSOLE_INSTANCE_LIST_URL} target="_blank" rel="noreferrer noopener">
                      {t('tasks.console')}
                    </a>
                  </div>
                )}
                <SafetyProgress record={r} now={now} />
                <AwaitingCloud record={r} now={now} />
                <CancelRestore record={r} />
                <Refusal record={r} />
                <CloneProgress record={r} />
                {/* A clone left its source untouched: there is nothing to go back from. */}
                {r.kind !== 'clone' && <WayBack record={r} />}
                {r.taskId && (
                  <TccliCommand
                    call={taskInfoCall(
                      r,
                      profiles.find((p) => p.id === r.profileId),
                    )}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
