// The single state model behind both protocols. Task progress is evaluated lazily from the injected
// clock (tick() runs before every read), so a ManualClock makes twenty-second restores instant in tests.
import type { Clock } from '../clock.js';
import { DEFAULT_TASK_SECONDS } from '../constants.js';
import type { BackupFileStore } from '../files/backup-files.js';
import { InstanceStatus } from './catalog.js';
import type { BackupRecord, InstanceRecord, TaskKind, TaskRecord, TaskStatus } from './types.js';

/** What --redis plugs in: real snapshots and restores behind the bookkeeping. */
export interface DataEngine {
  /** Takes an RDB snapshot of the instance; resolves to the stored file path. */
  snapshot(instance: InstanceRecord, backupId: string): Promise<string>;
  /** Replaces the instance's data with the backup's RDB and restarts it on the same port. */
  restore(instance: InstanceRecord, backup: BackupRecord): Promise<void>;
  /** false when the instance is meant to have a process and it is not running. */
  isAlive(instanceId: string): boolean;
  /** false when a backup's RDB file has vanished from the sandbox's backup storage. */
  snapshotExists(path: string): boolean;
}

/** TaskMessage of a flow whose instance node became unreachable while it ran. */
export const NODE_LOST_MESSAGE = 'The instance node became unreachable while the flow ran.';

export interface PlannedTaskFailure {
  kind: TaskKind | null;
  message: string;
}

export class SandboxState {
  readonly instances = new Map<string, InstanceRecord>();
  readonly tasks = new Map<number, TaskRecord>();
  /** RestoreInstance calls received per instance id (both protocols, accepted or not). */
  readonly restoreCalls = new Map<string, number>();
  /** Requests received per action (after authentication). */
  readonly actionCalls = new Map<string, number>();
  /** Requests refused with RequestLimitExceeded by the sandbox's own limiter, per action. */
  readonly rateLimitedCalls = new Map<string, number>();
  /**
   * Arrival time of every API request (before faults, latency and the limiter), for benchmarks that measure
   * a client's request rate from the server side. Off (null) unless a caller sets it to [].
   */
  requestLog: Array<{ action: string; atMs: number }> | null = null;
  /** Failures queued by the fail-next-task fault, consumed by the next created task(s). */
  readonly plannedFailures: PlannedTaskFailure[] = [];
  engine: DataEngine | null = null;
  /** The object storage behind DescribeBackupUrl (sandbox/files/); null until the sandbox starts it. */
  files: BackupFileStore | null = null;
  /**
   * Generates an instance's backups on first access. fleet:100000 would otherwise build hundreds of
   * thousands of records nobody looks at.
   */
  backupFactory: ((instance: InstanceRecord) => BackupRecord[]) | null = null;
  taskMs: number;

  private readonly backups = new Map<string, BackupRecord[]>();
  private readonly backupIndex = new Map<string, BackupRecord>();
  private readonly activeTasks = new Set<TaskRecord>();
  private revision = 0;
  private nextTaskId = 7_000_001;
  private backupSeq = 5_832_225;

  constructor(
    readonly clock: Clock,
    taskSeconds: number = DEFAULT_TASK_SECONDS,
  ) {
    this.taskMs = Math.max(0, taskSeconds * 1000);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Bumped by every change to an instance record, so what is derived from the records (DescribeInstances'
   * memoised lists and rows) can tell it is out of date. Code that edits a record calls instancesChanged.
   */
  get instancesRevision(): number {
    return this.revision;
  }

  instancesChanged(): void {
    this.revision += 1;
  }

  addInstance(instance: InstanceRecord): void {
    this.instances.set(instance.id, instance);
    this.instancesChanged();
  }

  addBackup(backup: BackupRecord): void {
    const list = this.backupsOf(backup.instanceId);
    list.push(backup);
    this.backupIndex.set(backup.id, backup);
  }

  /** All backup records of an instance (deleted ones included), materialising lazy ones. */
  backupsOf(instanceId: string): BackupRecord[] {
    let list = this.backups.get(instanceId);
    if (!list) {
      list = [];
      this.backups.set(instanceId, list);
      const instance = this.instances.get(instanceId);
      if (instance && this.backupFactory) {
        for (const backup of this.backupFactory(instance)) {
          list.push(backup);
          this.backupIndex.set(backup.id, backup);
        }
      }
    }
    return list;
  }

  /** Looks a backup up after making sure the given instance's backups exist. */
  findBackup(backupId: string, instanceId: string): BackupRecord | undefined {
    this.backupsOf(instanceId);
    return this.backupIndex.get(backupId);
  }

  newBackupId(appid: number, startMs: number): string {
    this.backupSeq += 1;
    // Same shape as the official example `165706342-5832225-1641692389`.
    return `${appid}-${this.backupSeq}-${Math.floor(startMs / 1000)}`;
  }

  /**
   * RedisBackupSet.Status (SDK 4.1.313 redis_models.d.ts): 1 locked by another flow, 2 normal, -1 expired,
   * 3 being exported, 4 exported successfully; -2 (deleted) is the DescribeInstanceBackups filter's code
   * (reference §3.2), the only way a deleted backup is listed. A flow that holds the backup wins over an
   * earlier export; expiry and deletion win over everything.
   */
  backupStatus(backup: BackupRecord): number {
    if (backup.deleted) return -2;
    if (backup.expireMs <= this.now()) return -1;
    if (backup.lock) return backup.lock.reason === 'export' ? 3 : 1;
    if (backup.exported) return 4;
    return 2;
  }

  /** RedisBackupSet.Locked: 1 while any flow (restore, backup, export) holds the backup. */
  backupLocked(backup: BackupRecord): 0 | 1 {
    return backup.lock && !backup.deleted ? 1 : 0;
  }

  taskStatus(task: TaskRecord): TaskStatus {
    if (task.outcome) return task.outcome.status;
    // A short "preparing" phase first, as the real flow queues before it runs.
    const prepareMs = Math.min(2000, task.durationMs * 0.1);
    return this.now() < task.startMs + prepareMs ? 'preparing' : 'running';
  }

  /**
   * Share of the task's planned duration that has elapsed, 0..1, as DescribeTaskList's Progress reports
   * it (the SDK example shows 1 for a finished task). An unfinished task stays below 1 even when its real
   * work (--redis) overruns the planned duration.
   */
  taskProgress(task: TaskRecord): number {
    const until = task.outcome?.atMs ?? this.now();
    const share = task.durationMs > 0 ? (until - task.startMs) / task.durationMs : 1;
    if (task.outcome?.status === 'succeed') return 1;
    const capped = task.outcome ? Math.min(1, share) : Math.min(0.99, share);
    return Math.max(0, Math.round(capped * 100) / 100);
  }

  createTask(
    kind: 'restore' | 'backup',
    instance: InstanceRecord,
    backup: BackupRecord,
    durationMs?: number,
  ): TaskRecord {
    const failureIndex = this.plannedFailures.findIndex((f) => f.kind === null || f.kind === kind);
    const planned = failureIndex >= 0 ? this.plannedFailures.splice(failureIndex, 1)[0] : undefined;
    const task: TaskRecord = {
      id: this.nextTaskId++,
      kind,
      instanceId: instance.id,
      backupId: backup.id,
      startMs: this.now(),
      durationMs: durationMs ?? this.taskMs,
      plannedFailure: planned?.message ?? null,
      work: { state: 'none' },
      outcome: null,
    };
    this.tasks.set(task.id, task);
    this.activeTasks.add(task);
    instance.lockTaskId = task.id;
    backup.lock = { reason: kind, taskId: task.id };
    if (kind === 'restore') instance.status = InstanceStatus.InProcess;
    this.instancesChanged();
    return task;
  }

  /**
   * Adds a task that did not come through the API: one started "from the console" or by the platform
   * (nightly backups, upgrades). An unfinished one runs like any other; `outcome` makes it history. Only
   * restores and backups lock the instance and their backup; an upgrade holds the instance "in process".
   */
  seedTask(spec: {
    kind: TaskKind;
    instance: InstanceRecord;
    backupId: string;
    startMs: number;
    durationMs: number;
    outcome?: { status: 'succeed' | 'failed' | 'error'; message: string };
  }): TaskRecord {
    const locks = spec.kind === 'restore' || spec.kind === 'backup';
    const task: TaskRecord = {
      id: this.nextTaskId++,
      kind: spec.kind,
      instanceId: spec.instance.id,
      backupId: spec.backupId,
      startMs: spec.startMs,
      durationMs: spec.durationMs,
      plannedFailure: null,
      work: { state: 'none' },
      outcome: spec.outcome ? { ...spec.outcome, atMs: spec.startMs + spec.durationMs } : null,
    };
    this.tasks.set(task.id, task);
    if (task.outcome) return task;
    this.activeTasks.add(task);
    if (locks) {
      spec.instance.lockTaskId = task.id;
      const backup = this.backupIndex.get(spec.backupId);
      if (backup) backup.lock = { reason: spec.kind === 'restore' ? 'restore' : 'backup', taskId: task.id };
    }
    // As with API-started flows: a restore shows the instance "in process", a backup leaves it running.
    if (spec.kind === 'restore' || spec.kind === 'upgrade') spec.instance.status = InstanceStatus.InProcess;
    this.instancesChanged();
    return task;
  }

  /** Runs real work for a task; the task will not succeed before the promise settles. */
  attachWork(task: TaskRecord, work: Promise<void>): void {
    task.work = { state: 'pending' };
    work.then(
      () => {
        task.work = { state: 'done' };
        this.tick();
      },
      (error: unknown) => {
        task.work = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
        this.tick();
      },
    );
  }

  /** Finishes every task whose time is up. Cheap: only active tasks are visited. */
  tick(): void {
    const now = this.now();
    for (const task of this.activeTasks) {
      if (now < task.startMs + task.durationMs) continue;
      const instance = this.instances.get(task.instanceId);
      if (task.plannedFailure !== null) this.finish(task, 'failed', task.plannedFailure);
      // The node went away under a running flow: the flow breaks rather than fails ("error 执行出错").
      else if (instance && !instance.healthy) this.finish(task, 'error', NODE_LOST_MESSAGE);
      else if (task.work.state === 'failed') this.finish(task, 'failed', task.work.message);
      else if (task.work.state !== 'pending') this.finish(task, 'succeed', '');
    }
  }

  private finish(task: TaskRecord, status: 'succeed' | 'failed' | 'error', message: string): void {
    this.activeTasks.delete(task);
    task.outcome = { status, message, atMs: this.now() };
    const instance = this.instances.get(task.instanceId);
    if (instance && instance.lockTaskId === task.id) {
      instance.lockTaskId = null;
      if (task.kind === 'restore') instance.status = InstanceStatus.Running;
      this.instancesChanged();
    }
    if (instance && task.kind === 'upgrade') {
      instance.status = InstanceStatus.Running;
      instance.title = null;
      this.instancesChanged();
    }
    const backup = this.backupIndex.get(task.backupId);
    if (backup?.lock?.taskId === task.id) backup.lock = null;
    if (backup && task.kind === 'backup') {
      if (status === 'succeed') backup.endMs = this.now();
      // A failed backup leaves no usable file behind: Tencent lists it as gone.
      else backup.deleted = true;
    }
  }

  countRestoreCall(instanceId: string): void {
    this.restoreCalls.set(instanceId, (this.restoreCalls.get(instanceId) ?? 0) + 1);
  }

  logRequest(action: string): void {
    this.requestLog?.push({ action, atMs: this.now() });
  }

  countRateLimited(action: string): void {
    this.rateLimitedCalls.set(action, (this.rateLimitedCalls.get(action) ?? 0) + 1);
  }

  countAction(action: string): void {
    this.actionCalls.set(action, (this.actionCalls.get(action) ?? 0) + 1);
  }
}
