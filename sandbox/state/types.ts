import type { InstanceStatusCode } from './catalog.js';
import type { SecondLevelBackup } from './second-level.js';

export interface InstanceTag {
  key: string;
  value: string;
}

export interface InstanceRecord {
  id: string;
  name: string;
  appid: number;
  projectId: number;
  projectName: string;
  region: string;
  zoneId: number;
  vpcId: number;
  subnetId: number;
  uniqVpcId: string;
  uniqSubnetId: string;
  /** Status when no task holds the instance; a running restore shows 1 on top of this. */
  status: InstanceStatusCode;
  /** Overrides the status text (e.g. "升级中" for an in-process instance). */
  title: string | null;
  subStatus: number;
  type: number;
  sizeMb: number;
  sizeUsedMb: number;
  shardNum: number;
  replicasNum: number;
  /** null means a password-free (NoAuth) instance. */
  password: string | null;
  tags: InstanceTag[];
  createdMs: number;
  deadlineMs: number;
  billingMode: 0 | 1;
  autoRenewFlag: 0 | 1;
  wanIp: string;
  port: number;
  /** Task that currently holds the instance lock, if any. */
  lockTaskId: number | null;
  /**
   * false: the control plane cannot reach the instance's node, so flows fail to start
   * (FailedOperation.SystemError). Also set when a --redis process dies.
   */
  healthy: boolean;
  /** Point-in-time (second-level) backup, when switched on (BackupMode SecondLevelBackup). */
  secondLevel?: SecondLevelBackup;
}

export type BackupLockReason = 'restore' | 'backup' | 'export';

/**
 * Who took the backup, as RedisBackupSet.BackupType reports it ("0" user manual, "1" nightly automatic,
 * "2" taken by a spec change — SDK 4.1.313 redis_models.d.ts).
 */
export type BackupOrigin = 'manual' | 'automatic' | 'specChange';

export interface BackupRecord {
  id: string;
  instanceId: string;
  startMs: number;
  endMs: number;
  expireMs: number;
  origin: BackupOrigin;
  remark: string;
  sizeBytes: number;
  /** Instance Type when the backup was taken: restoring onto a different Type is a spec error. */
  instanceType: number;
  deleted: boolean;
  /** A flow holding the backup; an export shows Status 3 (being exported), the others Status 1. */
  lock: { reason: BackupLockReason; taskId: number | null } | null;
  /** An export finished: Status 4 (exported successfully) while no flow holds the backup. */
  exported: boolean;
  /** Real RDB file (only with --redis). */
  rdbPath: string | null;
}

/**
 * restore and backup are the flows the sandbox runs on request; autoBackup (the nightly backup) and
 * upgrade (a version upgrade holding an instance "in process") exist as seeded history and state; clone
 * builds a new instance from a backup (CloneInstances, state/clone-flow.ts).
 */
export type TaskKind = 'restore' | 'backup' | 'autoBackup' | 'upgrade' | 'clone';
export type TaskStatus = 'preparing' | 'running' | 'succeed' | 'failed' | 'error';

export interface TaskRecord {
  id: number;
  kind: TaskKind;
  instanceId: string;
  backupId: string;
  startMs: number;
  durationMs: number;
  /** Set by the fail-next-task fault at creation: the task runs its course, then fails with this text. */
  plannedFailure: string | null;
  /** Real work (--redis): the task cannot succeed before it is done. */
  work: { state: 'none' | 'pending' | 'done' } | { state: 'failed'; message: string };
  outcome: { status: 'succeed' | 'failed' | 'error'; message: string; atMs: number } | null;
}

/** Domain reasons a restore (or manual backup) is refused; each protocol maps them to its own codes. */
export type FlowRefusal =
  | 'InvalidParameter'
  | 'InstanceNotExists'
  | 'PermissionDenied'
  | 'InstanceLocked'
  | 'InstanceStatusAbnormal'
  | 'InstanceStateError'
  | 'PasswordError'
  | 'BackupNotExists'
  | 'BackupStatusAbnormal'
  | 'BackupLocked'
  | 'BackupSpecError'
  | 'SystemError'
  | 'InternalError';

export interface Principal {
  secretId: string;
  /** null = every action. */
  allowedActions: readonly string[] | null;
  /** null = every project. */
  allowedProjects: readonly number[] | null;
}
