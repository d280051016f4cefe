/**
 * Restores, from the dialog's click to the cloud task's end: preflight, an optional safety backup, then
 * RestoreInstance exactly once with a journal entry written before and after it, then the task followed to
 * its end (see task-follower.ts). At start-up every unfinished restore in the journal is resumed; one whose
 * request may have left unanswered is reconciled, never sent again.
 */
import { randomUUID } from 'node:crypto';
import type { AuditMessageCode, AuditOutcome } from '../../../shared/audit';
import { AppError, describeError, isAppErrorCode } from '../../../shared/errors';
import type { PreflightResult } from '../../../shared/ipc-contract';
import { type StoredProfile, secretAccounts } from '../../../shared/profiles';
import { confirmationText, requiresPassword, requiresTypedConfirmation } from '../../../shared/restore-rules';
import type { Preferences } from '../../../shared/settings';
import { isTerminal, type RestoreRecord, taskText } from '../../../shared/tasks';
import type { AuditLog, AuditRecord } from '../audit/audit-log';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { RestoreJournal } from './restore-journal';
import { type PreflightTarget, runPreflight } from './restore-preflight';
import { TaskFollower, type TimerFns } from './task-follower';

export interface RestoreRequest extends PreflightTarget {
  profileId: string;
  password?: string;
  rememberPassword: boolean;
  useSavedPassword: boolean;
  safetyBackup: boolean;
  confirmation?: string;
}

export interface RestoreServiceDeps extends TimerFns {
  journal: RestoreJournal;
  audit: AuditLog;
  secrets: SecretStore;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  preferences: () => Preferences;
  now: () => number;
  logger: Logger;
  onUpdate: (record: RestoreRecord) => void;
  onFinished: (record: RestoreRecord) => void;
}

export class RestoreService {
  readonly #deps: RestoreServiceDeps;
  readonly #log: Logger;
  readonly #follower: TaskFollower;

  constructor(deps: RestoreServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('restore');
    this.#follower = new TaskFollower({
      ...deps,
      save: (r) => this.#save(r),
      finish: (r) => this.#finish(r),
    });
  }

  list(): RestoreRecord[] {
    return this.#deps.journal.all();
  }

  async preflight(target: PreflightTarget & { profileId: string }): Promise<PreflightResult> {
    const profile = this.#deps.profile(target.profileId);
    const api = this.#deps.api(profile);
    const active = this.list().find(
      (r) => r.profileId === profile.id && r.instanceId === target.instanceId && !isTerminal(r.status),
    );
    const outcome = await runPreflight(api, target, active, this.#deps.now());
    const accounts = await this.#deps.secrets.accounts();
    return {
      ...outcome,
      requiresPassword: outcome.instance ? requiresPassword(outcome.instance, profile.generation) : true,
      requiresTypedConfirmation: requiresTypedConfirmation(
        profile.environment,
        this.#deps.preferences().typedConfirmation,
      ),
      hasSavedPassword: accounts.includes(secretAccounts.instancePassword(profile.id, target.instanceId)),
    };
  }

  async start(request: RestoreRequest): Promise<RestoreRecord> {
    const profile = this.#deps.profile(request.profileId);
    const api = this.#deps.api(profile);
    const pre = await this.preflight(request);
    const base = this.#newRecord(profile, request, pre);
    if (!pre.passed || !pre.instance) {
      await this.#audit(base, 'refused', said('preflight-failed', 'Preflight failed; nothing was sent.'));
      throw new AppError('PREFLIGHT_FAILED', undefined, { checks: pre.checks.filter((c) => !c.ok) });
    }
    if (pre.requiresTypedConfirmation && request.confirmation?.trim() !== confirmationText(pre.instance)) {
      throw new AppError('CONFIRMATION_MISMATCH');
    }
    const passwordAccount = secretAccounts.instancePassword(profile.id, request.instanceId);
    const password =
      request.password ||
      (request.useSavedPassword ? await this.#deps.secrets.get(passwordAccount) : undefined);
    if (pre.requiresPassword && !password) throw new AppError('PASSWORD_REQUIRED');

    let record = await this.#save(base);
    await this.#audit(record, 'requested', said('restore-requested', 'Restore requested; preflight passed.'));
    if (request.safetyBackup) record = await this.#safetyBackup(api, record);

    // Durable before the request leaves: if the app dies now, start-up reconciles instead of resending.
    record = await this.#save({
      ...record,
      phase: 'sending',
      sentAt: new Date(this.#deps.now()).toISOString(),
      ...taskText('sending'),
    });
    let taskId: string;
    try {
      ({ taskId } = await api.restoreInstance({
        region: record.region,
        instanceId: record.instanceId,
        backupId: record.backupId,
        ...(pre.requiresPassword && password ? { password } : {}),
      }));
    } catch (error) {
      return this.#sendFailed(record, error);
    }
    if (request.rememberPassword && request.password)
      await this.#deps.secrets.set(passwordAccount, request.password);
    record = await this.#save({
      ...record,
      phase: 'polling',
      status: 'preparing',
      taskId,
      ...taskText('accepted'),
    });
    await this.#audit(
      record,
      'started',
      said('restore-started', `Restore task ${taskId} started.`, { taskId }),
    );
    this.#follower.follow(record);
    return record;
  }

  /** Removes an instance password the user chose to keep; true when one existed. */
  forgetPassword(profileId: string, instanceId: string): Promise<boolean> {
    return this.#deps.secrets.delete(secretAccounts.instancePassword(profileId, instanceId));
  }

  /** Resumes every unfinished restore found in the journal; called once at start-up. */
  async resume(): Promise<{ resumed: number; skipped: number }> {
    const { records, skipped } = await this.#deps.journal.load();
    let resumed = 0;
    // Every record not marked done is unfinished business, even one whose status already ended: the app may
    // have died between learning the outcome and recording it as done (audit, notification).
    for (const record of records.filter((r) => r.phase !== 'done')) {
      resumed++;
      if (isTerminal(record.status)) await this.#finish(record);
      else if (record.phase === 'polling' && record.taskId) this.#follower.follow(record);
      else if (record.phase === 'sending' || record.phase === 'reconciling') {
        this.#follower.reconcile(
          await this.#save({
            ...record,
            phase: 'reconciling',
            status: 'unknown',
            ...taskText('reconciling'),
          }),
        );
      } else {
        // Stopped before the request was sent: nothing happened to the instance.
        await this.#finish({
          ...record,
          status: 'refused',
          errorCode: 'CANCELLED',
          ...taskText('stopped-before-send'),
        });
      }
    }
    this.#log.info('resumed restores', { resumed, skipped });
    return { resumed, skipped };
  }

  dispose(): void {
    this.#follower.dispose();
  }

  async #safetyBackup(api: CrsApi, record: RestoreRecord): Promise<RestoreRecord> {
    let current = await this.#save({
      ...record,
      phase: 'safety-backup',
      ...taskText('safety-backup'),
      safetyBackup: { status: 'starting' },
    });
    try {
      const started = await api.manualBackup({
        region: record.region,
        instanceId: record.instanceId,
        remark: `Safety backup before restore ${record.restoreId.slice(0, 8)}`,
      });
      current = await this.#save({ ...current, safetyBackup: { ...started, status: 'running' } });
      const status = await this.#follower.waitForTask(api, record.region, started.taskId);
      current = await this.#save({ ...current, safetyBackup: { ...started, status } });
      await this.#audit(
        current,
        status === 'succeed' ? 'succeed' : 'failed',
        said('safety-backup-ended', `Safety backup task ${started.taskId}: ${status}.`, {
          taskId: started.taskId,
          status,
        }),
        'safety-backup',
      );
      if (status !== 'succeed')
        throw new AppError('SAFETY_BACKUP_FAILED', undefined, { taskId: started.taskId, status });
      return current;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      if (code === 'TASK_OUTCOME_UNKNOWN' && current.safetyBackup) {
        // The backup task could not be read: say so for the backup; the restore itself was never sent.
        current = await this.#save({
          ...current,
          safetyBackup: { ...current.safetyBackup, status: 'outcome-unknown' },
        });
        await this.#audit(
          current,
          'outcome-unknown',
          said(
            'safety-backup-unknown',
            `Safety backup task ${current.safetyBackup?.taskId ?? ''}: outcome unknown — check the console.`,
            { taskId: current.safetyBackup?.taskId ?? '' },
          ),
          'safety-backup',
        );
      }
      await this.#finish({
        ...current,
        status: 'refused',
        errorCode: 'SAFETY_BACKUP_FAILED',
        ...taskText('error', { text: `${describeError('SAFETY_BACKUP_FAILED').message} (${code})` }),
      });
      throw error instanceof AppError && error.code === 'SAFETY_BACKUP_FAILED'
        ? error
        : new AppError('SAFETY_BACKUP_FAILED', undefined, { cause: code });
    }
  }

  async #sendFailed(record: RestoreRecord, error: unknown): Promise<RestoreRecord> {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (code === 'RESTORE_OUTCOME_UNKNOWN') {
      const unknown = await this.#save({
        ...record,
        phase: 'reconciling',
        status: 'unknown',
        errorCode: code,
        ...taskText('reconciling'),
      });
      await this.#audit(
        unknown,
        'unknown',
        said('restore-unanswered', 'RestoreInstance sent but unanswered; reconciling.'),
      );
      this.#follower.reconcile(unknown);
      return unknown;
    }
    const message = isAppErrorCode(code) ? describeError(code).message : 'The restore request failed.';
    await this.#finish({
      ...record,
      status: 'refused',
      errorCode: code,
      ...taskText('error', { text: message }),
    });
    throw error instanceof AppError ? error : new AppError('INTERNAL');
  }

  #newRecord(profile: StoredProfile, request: RestoreRequest, pre: PreflightResult): RestoreRecord {
    const at = new Date(this.#deps.now()).toISOString();
    return {
      restoreId: randomUUID(),
      profileId: profile.id,
      profileName: profile.name,
      region: request.region,
      instanceId: request.instanceId,
      instanceName: pre.instance?.name ?? '',
      ...(pre.instance ? { engine: pre.instance.engine } : {}),
      backupId: request.backupId,
      ...(pre.backup?.startTime ? { backupStartTime: pre.backup.startTime } : {}),
      phase: 'accepted',
      status: 'pending',
      ...taskText('preflight-passed'),
      createdAt: at,
      updatedAt: at,
      polls: 0,
    };
  }

  async #save(record: RestoreRecord): Promise<RestoreRecord> {
    const saved = await this.#deps.journal.write({
      ...record,
      updatedAt: new Date(this.#deps.now()).toISOString(),
    });
    this.#deps.onUpdate(saved);
    return saved;
  }

  async #finish(record: RestoreRecord): Promise<RestoreRecord> {
    const ended = await this.#save({
      ...record,
      phase: 'done',
      endedAt: new Date(this.#deps.now()).toISOString(),
    });
    const outcome: AuditOutcome =
      ended.status === 'unknown' || ended.status === 'pending'
        ? 'unknown'
        : ended.status === 'preparing' || ended.status === 'running'
          ? 'started'
          : ended.status;
    await this.#audit(ended, outcome, taskSaid(ended));
    this.#deps.onFinished(ended);
    return ended;
  }

  async #audit(
    record: RestoreRecord,
    outcome: AuditOutcome,
    text: AuditText,
    action: 'restore' | 'safety-backup' = 'restore',
  ) {
    // A safety backup's entry names the backup it made (when the cloud said which), never the source backup.
    const backupId = action === 'safety-backup' ? record.safetyBackup?.backupId : record.backupId;
    await this.#deps.audit.record({
      action,
      outcome,
      profileId: record.profileId,
      profileName: record.profileName,
      region: record.region,
      instanceId: record.instanceId,
      instanceName: record.instanceName,
      ...(backupId ? { backupId } : {}),
      ...(action === 'restore' && record.backupStartTime ? { backupStartTime: record.backupStartTime } : {}),
      ...(record.taskId ? { taskId: record.taskId } : {}),
      restoreId: record.restoreId,
      ...text,
    });
  }
}

type AuditText = Pick<AuditRecord, 'message' | 'messageCode' | 'messageParams'>;

/** An audit message as a code the window translates, with its English text for exports and old readers. */
function said(code: AuditMessageCode, message: string, params?: Record<string, string>): AuditText {
  return { message, messageCode: code, ...(params ? { messageParams: params } : {}) };
}

/** A restore's end in the audit: its task message, coded when the message is the app's own. */
function taskSaid(record: RestoreRecord): AuditText {
  if (!record.messageCode) return { message: record.message };
  const params = { ...record.messageParams, ...(record.errorCode ? { errorCode: record.errorCode } : {}) };
  return {
    message: record.message,
    messageCode: `task.${record.messageCode}`,
    ...(Object.keys(params).length > 0 ? { messageParams: params } : {}),
  };
}
