/**
 * Follows restore tasks to their end. Polling starts at the preference's interval (2 s by default) and
 * backs off by half each time to 15 s, so a long restore costs at most 4 DescribeTaskInfo calls a minute
 * after its first minute, well inside the published limit even with many restores at once (the shared
 * limiter paces bursts). Reconciliation finds the task of a restore whose answer was lost, by listing the
 * instance's tasks; it never sends RestoreInstance again. Following always ends: a task that cannot be read,
 * or that no list shows, ends as "outcome unknown — check the console" (see follow-limits.ts).
 */
import type { RestoreTaskStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  CRS_CONSOLE_INSTANCE_LIST_URL,
  cloudText,
  type RestoreRecord,
  type RestoreStatus,
  taskText,
} from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import {
  failureReason,
  isPassingReadError,
  MAX_BUSY_RECONCILE_PASSES,
  MAX_EMPTY_RECONCILE_PASSES,
  MAX_UNHEALED_READS,
} from './follow-limits';
import { BACKOFF, type FollowerDeps, FollowSchedule, MAX_POLL_MS } from './follow-schedule';

/**
 * A task the cloud lists for the instance counts as ours only if it started within this much of the moment
 * the request left (either side, for clock skew and the cloud's queueing). Without the upper bound, a restore
 * someone started later from the console would be taken for ours, and its outcome reported as ours.
 */
const ADOPT_SLACK_MS = 2 * 60_000;

export class TaskFollower {
  readonly #deps: FollowerDeps;
  readonly #log: Logger;
  readonly #schedule: FollowSchedule;
  /** Per restore: reconciliation passes that found no restore task, with the instance idle or in process. */
  readonly #emptyPasses = new Map<string, { empty: number; busy: number }>();

  constructor(deps: FollowerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('follower');
    this.#schedule = new FollowSchedule({ ...deps, log: this.#log, failure: 'follow step failed' });
  }

  follow(record: RestoreRecord): void {
    const id = record.restoreId;
    this.#schedule.schedule(id, this.#schedule.firstDelay(), (delay) => this.#poll(id, delay));
  }

  reconcile(record: RestoreRecord): void {
    const id = record.restoreId;
    this.#schedule.schedule(id, this.#schedule.firstDelay(), (delay) => this.#reconcileOnce(id, delay));
  }

  /**
   * Waits for a task (the safety backup) with the same backoff; resolves to its terminal status. A task that
   * cannot be read after the bound throws TASK_OUTCOME_UNKNOWN: the caller must not act as if it ended well.
   */
  async waitForTask(
    api: CrsApi,
    region: string,
    taskId: string,
    signal?: AbortSignal,
  ): Promise<RestoreTaskStatus> {
    let delay = this.#schedule.firstDelay();
    let unhealed = 0;
    for (;;) {
      await this.#sleep(delay, signal);
      if (this.#schedule.disposed || signal?.aborted) throw new AppError('CANCELLED');
      try {
        const task = await api.describeTask({ region, taskId });
        unhealed = 0;
        if (task.status === 'succeed' || task.status === 'failed' || task.status === 'error')
          return task.status;
      } catch (error) {
        if (!isPassingReadError(error) && ++unhealed >= MAX_UNHEALED_READS) {
          throw new AppError('TASK_OUTCOME_UNKNOWN', undefined, { taskId, cause: failureReason(error) });
        }
      }
      delay = Math.min(delay * BACKOFF, MAX_POLL_MS);
    }
  }

  /** Waits `ms`, or less when the signal aborts (a cancelled restore stops waiting for its backup at once). */
  #sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const handle = this.#deps.setTimer(done, ms);
      function done() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      const onAbort = () => {
        this.#deps.clearTimer(handle);
        done();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  dispose(): void {
    this.#schedule.dispose();
  }

  /** One poll; returns the next delay, or undefined when the task has ended. */
  async #poll(restoreId: string, delay: number): Promise<number | undefined> {
    const record = this.#deps.journal.get(restoreId);
    if (!record?.taskId) return undefined;
    const api = this.#deps.api(this.#deps.profile(record.profileId));
    const next = Math.min(delay * BACKOFF, MAX_POLL_MS);
    let task: Awaited<ReturnType<CrsApi['describeTask']>>;
    try {
      task = await api.describeTask({ region: record.region, taskId: record.taskId });
    } catch (error) {
      const passing = isPassingReadError(error);
      if (!passing && this.#schedule.countUnhealed(restoreId) >= MAX_UNHEALED_READS) {
        await this.#deps.finish(outcomeUnknown(record, 'outcome-unknown', 'TASK_OUTCOME_UNKNOWN', error));
        return undefined;
      }
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      const text = taskText('poll-error', { code });
      if (record.message !== text.message)
        await this.#deps.save({ ...record, polls: record.polls + 1, ...text });
      return passing ? MAX_POLL_MS : next;
    }
    this.#schedule.healed(restoreId);
    const status: RestoreStatus = task.status;
    const text = task.message ? cloudText(task.message) : statusText(status);
    const updated = { ...record, polls: record.polls + 1, status, ...text };
    if (status === 'succeed' || status === 'failed' || status === 'error') {
      await this.#deps.finish(updated);
      return undefined;
    }
    if (status !== record.status || text.message !== record.message) await this.#deps.save(updated);
    else this.#deps.journal.touch(updated);
    return next;
  }

  async #reconcileOnce(restoreId: string, delay: number): Promise<number | undefined> {
    const record = this.#deps.journal.get(restoreId);
    if (!record) return undefined;
    if (record.taskId) {
      this.follow(record);
      return undefined;
    }
    const api = this.#deps.api(this.#deps.profile(record.profileId));
    const next = Math.min(delay * BACKOFF, MAX_POLL_MS * 4);
    try {
      const ended = await this.#reconcileStep(api, record);
      if (ended) this.#emptyPasses.delete(restoreId);
      this.#schedule.healed(restoreId);
      return ended ? undefined : next;
    } catch (error) {
      if (!isPassingReadError(error) && this.#schedule.countUnhealed(restoreId) >= MAX_UNHEALED_READS) {
        await this.#deps.finish(
          outcomeUnknown(record, 'reconcile-unreadable', 'RESTORE_OUTCOME_UNKNOWN', error),
        );
        return undefined;
      }
      return next;
    }
  }

  /** One look at the instance's tasks; true when the restore was adopted or closed. */
  async #reconcileStep(api: CrsApi, record: RestoreRecord): Promise<boolean> {
    const sent = Date.parse(record.sentAt ?? record.createdAt);
    const since = sent - ADOPT_SLACK_MS;
    // Records written before sentAt existed only know createdAt, which a safety backup may precede by
    // minutes: they keep the open-ended window rather than miss their own task.
    const until = record.sentAt ? sent + ADOPT_SLACK_MS : Number.POSITIVE_INFINITY;
    const taken = new Set(
      this.#deps.journal
        .all()
        .map((r) => r.taskId)
        .filter(Boolean),
    );
    const tasks = await api.listRestoreTasks({
      region: record.region,
      instanceId: record.instanceId,
      since: new Date(since).toISOString(),
    });
    const ours = tasks
      .filter(
        (t) =>
          !taken.has(t.taskId) &&
          (!t.startTime || (Date.parse(t.startTime) >= since && Date.parse(t.startTime) <= until)),
      )
      .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''))[0];
    if (ours && !ours.taskId) {
      // The legacy task list names no task id: follow the task through the list itself. A status outside
      // the documented set is a read that cannot heal: counted, then "outcome unknown", never a guess.
      if (ours.unknownStatus !== undefined) {
        throw new AppError('BAD_RESPONSE', 'The task list shows a status the app does not know.', {
          statusRaw: ours.unknownStatus,
        });
      }
      if (ours.status === 'succeed' || ours.status === 'failed' || ours.status === 'error') {
        await this.#deps.finish({
          ...record,
          status: ours.status,
          ...taskText('adopted-ended', { status: ours.status }),
        });
        return true;
      }
      if (record.status !== ours.status)
        await this.#deps.save({ ...record, status: ours.status, ...taskText('adopted') });
      return false;
    }
    if (ours?.taskId) {
      this.#log.info('reconciled restore', { restoreId: record.restoreId, taskId: ours.taskId });
      const adopted = { ...record, phase: 'polling' as const, status: ours.status, taskId: ours.taskId };
      if (ours.status === 'succeed' || ours.status === 'failed' || ours.status === 'error') {
        await this.#deps.finish({ ...adopted, ...taskText('adopted-ended', { status: ours.status }) });
      } else {
        this.follow(await this.#deps.save({ ...adopted, ...taskText('adopted') }));
      }
      return true;
    }
    const { instances } = await api.describeInstances({
      region: record.region,
      limit: 10,
      offset: 0,
      instanceIds: [record.instanceId],
    });
    // An instance in process may be running our restore before its task shows: keep looking, within a bound.
    const busy = instances[0]?.status === 'processing';
    const seen = this.#emptyPasses.get(record.restoreId) ?? { empty: 0, busy: 0 };
    const passes = busy ? { ...seen, busy: seen.busy + 1 } : { ...seen, empty: seen.empty + 1 };
    this.#emptyPasses.set(record.restoreId, passes);
    if (passes.empty < MAX_EMPTY_RECONCILE_PASSES && passes.busy < MAX_BUSY_RECONCILE_PASSES) return false;
    // No task was found, but a lost answer proves nothing either way: never "refused", never "not started".
    await this.#deps.finish(outcomeUnknown(record, 'reconcile-unknown', 'RESTORE_TASK_NOT_FOUND'));
    return true;
  }
}

/** The record of a restore whose end the app could not learn: terminal, with where to look instead. */
function outcomeUnknown(
  record: RestoreRecord,
  messageCode: 'outcome-unknown' | 'reconcile-unknown' | 'reconcile-unreadable',
  errorCode: 'TASK_OUTCOME_UNKNOWN' | 'RESTORE_TASK_NOT_FOUND' | 'RESTORE_OUTCOME_UNKNOWN',
  error?: unknown,
): RestoreRecord {
  return {
    ...record,
    status: 'outcome-unknown',
    errorCode,
    ...taskText(messageCode, {
      taskId: record.taskId ?? '',
      instanceId: record.instanceId,
      region: record.region,
      reason: error === undefined ? '' : failureReason(error),
      consoleUrl: CRS_CONSOLE_INSTANCE_LIST_URL,
    }),
  };
}

function statusText(status: RestoreStatus) {
  if (status === 'preparing' || status === 'running' || status === 'succeed')
    return taskText(`status-${status}`);
  return taskText('status-other', { status });
}
