/**
 * Follows restore tasks to their end. Polling starts at the preference's interval (2 s by default) and
 * backs off by half each time to 15 s, so a long restore costs at most 4 DescribeTaskInfo calls a minute
 * after its first minute, well inside the published limit even with many restores at once (the shared
 * limiter paces bursts). Reconciliation finds the task of a restore whose answer was lost, by listing the
 * instance's tasks; it never sends RestoreInstance again.
 */
import type { RestoreTaskStatus } from '../../../shared/domain';
import { AppError, describeError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import type { Preferences } from '../../../shared/settings';
import { cloudText, type RestoreRecord, type RestoreStatus, taskText } from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import type { RestoreJournal } from './restore-journal';

export const MAX_POLL_MS = 15_000;
const BACKOFF = 1.5;
/** A task the cloud lists for the instance counts as ours if it started at most this long before we sent. */
const ADOPT_SLACK_MS = 2 * 60_000;

export interface TimerFns {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface TaskFollowerDeps extends TimerFns {
  journal: RestoreJournal;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  preferences: () => Preferences;
  now: () => number;
  logger: Logger;
  save: (record: RestoreRecord) => Promise<RestoreRecord>;
  finish: (record: RestoreRecord) => Promise<RestoreRecord>;
}

export class TaskFollower {
  readonly #deps: TaskFollowerDeps;
  readonly #log: Logger;
  readonly #timers = new Map<string, unknown>();
  #disposed = false;

  constructor(deps: TaskFollowerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('follower');
  }

  follow(record: RestoreRecord): void {
    this.#schedule(record.restoreId, this.#firstDelay(), (delay) => this.#poll(record.restoreId, delay));
  }

  reconcile(record: RestoreRecord): void {
    this.#schedule(record.restoreId, this.#firstDelay(), (delay) =>
      this.#reconcileOnce(record.restoreId, delay),
    );
  }

  /** Waits for a task (the safety backup) with the same backoff; resolves to its terminal status. */
  async waitForTask(api: CrsApi, region: string, taskId: string): Promise<RestoreTaskStatus> {
    let delay = this.#firstDelay();
    for (;;) {
      await new Promise<void>((resolve) => this.#deps.setTimer(resolve, delay));
      if (this.#disposed) throw new AppError('CANCELLED');
      try {
        const task = await api.describeTask({ region, taskId });
        if (task.status === 'succeed' || task.status === 'failed' || task.status === 'error')
          return task.status;
      } catch (error) {
        if (!(error instanceof AppError) || !['NETWORK', 'TIMEOUT', 'RATE_LIMITED'].includes(error.code))
          throw error;
      }
      delay = Math.min(delay * BACKOFF, MAX_POLL_MS);
    }
  }

  dispose(): void {
    this.#disposed = true;
    for (const handle of this.#timers.values()) this.#deps.clearTimer(handle);
    this.#timers.clear();
  }

  #firstDelay(): number {
    return this.#deps.preferences().pollIntervalSeconds * 1000;
  }

  #schedule(restoreId: string, delay: number, step: (delay: number) => Promise<number | undefined>): void {
    if (this.#disposed) return;
    const previous = this.#timers.get(restoreId);
    if (previous !== undefined) this.#deps.clearTimer(previous);
    const handle = this.#deps.setTimer(() => {
      this.#timers.delete(restoreId);
      step(delay).then(
        (next) => {
          if (next !== undefined) this.#schedule(restoreId, next, step);
        },
        (error: unknown) => {
          this.#log.error('follow step failed', {
            restoreId,
            error: error instanceof Error ? error.name : 'unknown',
          });
          this.#schedule(restoreId, MAX_POLL_MS, step);
        },
      );
    }, delay);
    this.#timers.set(restoreId, handle);
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
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      const text = taskText('poll-error', { code });
      if (record.message !== text.message)
        await this.#deps.save({ ...record, polls: record.polls + 1, ...text });
      return MAX_POLL_MS;
    }
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
      const since = Date.parse(record.createdAt) - ADOPT_SLACK_MS;
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
        .filter((t) => !taken.has(t.taskId) && (!t.startTime || Date.parse(t.startTime) >= since))
        .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''))[0];
      if (ours && !ours.taskId) {
        // The legacy task list names no task id: follow the task through the list itself.
        if (ours.status === 'succeed' || ours.status === 'failed' || ours.status === 'error') {
          await this.#deps.finish({
            ...record,
            status: ours.status,
            ...taskText('adopted-ended', { status: ours.status }),
          });
          return undefined;
        }
        if (record.status !== ours.status) {
          await this.#deps.save({
            ...record,
            status: ours.status,
            ...taskText('adopted'),
          });
        }
        return next;
      }
      if (ours?.taskId) {
        this.#log.info('reconciled restore', { restoreId, taskId: ours.taskId });
        const adopted = { ...record, phase: 'polling' as const, status: ours.status, taskId: ours.taskId };
        if (ours.status === 'succeed' || ours.status === 'failed' || ours.status === 'error') {
          await this.#deps.finish({ ...adopted, ...taskText('adopted-ended', { status: ours.status }) });
        } else {
          this.follow(await this.#deps.save({ ...adopted, ...taskText('adopted') }));
        }
        return undefined;
      }
      const { instances } = await api.describeInstances({
        region: record.region,
        limit: 10,
        offset: 0,
        instanceIds: [record.instanceId],
      });
      if (instances[0]?.status === 'processing') return next;
      await this.#deps.finish({
        ...record,
        status: 'refused',
        errorCode: 'RESTORE_NOT_STARTED',
        ...taskText('error', { text: describeError('RESTORE_NOT_STARTED').message }),
      });
      return undefined;
    } catch {
      return next;
    }
  }
}

function statusText(status: RestoreStatus) {
  if (status === 'preparing' || status === 'running' || status === 'succeed')
    return taskText(`status-${status}`);
  return taskText('status-other', { status });
}
