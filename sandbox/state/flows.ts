// RestoreInstance and ManualBackupInstance as domain operations, shared by API 3.0 and legacy v2. The
// checks run in a fixed order so each refusal can be produced by exactly one seeded state.
import { InstanceStatus } from './catalog.js';
import type { SandboxState } from './store.js';
import type { BackupRecord, FlowRefusal, InstanceRecord, Principal, TaskRecord } from './types.js';

export type FlowResult =
  | { ok: true; task: TaskRecord }
  | { ok: false; refusal: FlowRefusal; message: string };

const refuse = (refusal: FlowRefusal, message: string): FlowResult => ({ ok: false, refusal, message });

export interface RestoreRequest {
  instanceId: string;
  backupId: string;
  /** undefined = not sent. Ignored for NoAuth instances. */
  password: string | undefined;
  /** The request's region; an instance elsewhere is "not found", as on the real service. */
  region: string;
  principal: Principal;
}

/** Instance-level checks shared by both flows. */
function checkInstance(
  state: SandboxState,
  instanceId: string,
  region: string,
  principal: Principal,
): { instance: InstanceRecord } | { error: FlowResult } {
  const instance = state.instances.get(instanceId);
  if (!instance || instance.region !== region) {
    return { error: refuse('InstanceNotExists', `Instance ${instanceId} does not exist in ${region}.`) };
  }
  if (principal.allowedProjects && !principal.allowedProjects.includes(instance.projectId)) {
    return {
      error: refuse(
        'PermissionDenied',
        `Key ${principal.secretId} may not operate on project ${instance.projectId}.`,
      ),
    };
  }
  if (instance.lockTaskId !== null) {
    return { error: refuse('InstanceLocked', `Instance is locked by task ${instance.lockTaskId}.`) };
  }
  if (instance.status === InstanceStatus.InProcess || instance.status === InstanceStatus.Isolated) {
    return {
      error: refuse('InstanceStatusAbnormal', `Instance status ${instance.status} does not allow this flow.`),
    };
  }
  if (instance.status !== InstanceStatus.Running) {
    return {
      error: refuse('InstanceStateError', `Instance state ${instance.status} does not allow this flow.`),
    };
  }
  return { instance };
}

function nodeReachable(state: SandboxState, instance: InstanceRecord): boolean {
  return instance.healthy && (state.engine === null || state.engine.isAlive(instance.id));
}

export function startRestore(state: SandboxState, req: RestoreRequest): FlowResult {
  state.tick();
  state.countRestoreCall(req.instanceId);
  if (!/^crs-[a-z0-9]{8}$/.test(req.instanceId) || req.backupId.trim() === '') {
    return refuse('InvalidParameter', 'InstanceId or BackupId is malformed.');
  }
  const checked = checkInstance(state, req.instanceId, req.region, req.principal);
  if ('error' in checked) return checked.error;
  const { instance } = checked;
  if (instance.password !== null && req.password !== instance.password) {
    return refuse('PasswordError', 'Password verification failed.');
  }
  const backup = state.findBackup(req.backupId, instance.id);
  if (!backup || backup.instanceId !== instance.id) {
    return refuse('BackupNotExists', `No backup ${req.backupId} for instance ${instance.id}.`);
  }
  const backupStatus = state.backupStatus(backup);
  // With --redis a backup without a real snapshot cannot be restored either.
  if (backupStatus < 0 || (state.engine && !backup.rdbPath)) {
    return refuse('BackupStatusAbnormal', 'Backup is expired or deleted.');
  }
  // The record says the file exists but storage lost it: an internal inconsistency, not the user's fault.
  if (state.engine && backup.rdbPath && !state.engine.snapshotExists(backup.rdbPath)) {
    return refuse('InternalError', `Backup file for ${backup.id} is missing from backup storage.`);
  }
  if (backup.lock) {
    return refuse('BackupLocked', `Backup is locked by another flow (${backup.lock.reason}).`);
  }
  if (backup.instanceType !== instance.type) {
    return refuse(
      'BackupSpecError',
      `Backup of Type ${backup.instanceType} cannot restore Type ${instance.type}.`,
    );
  }
  if (!nodeReachable(state, instance)) {
    return refuse('SystemError', 'The instance node is unreachable.');
  }
  const task = state.createTask('restore', instance, backup);
  const engine = state.engine;
  // A task doomed by the fail-next-task fault must leave the data alone, like a flow failing early.
  if (engine && task.plannedFailure === null) state.attachWork(task, engine.restore(instance, backup));
  return { ok: true, task };
}

export interface ManualBackupRequest {
  instanceId: string;
  remark: string;
  /** 0 = the default retention (7 days); at most MAX_STORAGE_DAYS. */
  storageDays: number;
  region: string;
  principal: Principal;
}

const DAY_MS = 24 * 3600 * 1000;

export function startManualBackup(
  state: SandboxState,
  req: ManualBackupRequest,
): FlowResult & { backup?: BackupRecord } {
  state.tick();
  const checked = checkInstance(state, req.instanceId, req.region, req.principal);
  if ('error' in checked) return checked.error;
  const { instance } = checked;
  if (!nodeReachable(state, instance)) return refuse('SystemError', 'The instance node is unreachable.');
  const now = state.now();
  const backup: BackupRecord = {
    id: state.newBackupId(instance.appid, now),
    instanceId: instance.id,
    startMs: now,
    endMs: now,
    expireMs: now + (req.storageDays > 0 ? req.storageDays : 7) * DAY_MS,
    origin: 'manual',
    remark: req.remark,
    sizeBytes: Math.max(1, instance.sizeUsedMb) * 1024 * 1024,
    instanceType: instance.type,
    deleted: false,
    lock: null,
    exported: false,
    rdbPath: null,
  };
  state.addBackup(backup);
  const task = state.createTask('backup', instance, backup);
  const engine = state.engine;
  if (engine && task.plannedFailure === null) {
    state.attachWork(
      task,
      engine.snapshot(instance, backup.id).then((path) => {
        backup.rdbPath = path;
      }),
    );
  }
  return { ok: true, task, backup };
}
