/**
 * Restores, from the dialog's click to the cloud task's end: preflight, an optional safety backup, then
 * RestoreInstance exactly once with a journal entry written before and after it, then the task followed to
 * its end (see task-follower.ts). At start-up every unfinished restore in the journal is resumed; one whose
 * request may have left unanswered is reconciled, never sent again.
 */
import { randomUUID } from 'node:crypto';
import type { AuditOutcome } from '../../../shared/audit';
import { AppError } from '../../../shared/errors';
import type { PreflightResult } from '../../../shared/ipc-contract';
import { type StoredProfile, secretAccounts } from '../../../shared/profiles';
import {
  confirmationText,
  requiresPassword,
  requiresTypedConfirmation,
  restoreRule,
} from '../../../shared/restore-rules';
import { isActive, isCancellable, isTerminal, type RestoreRecord, taskText } from '../../../shared/tasks';
import { type AuditText, said } from '../audit/audit-text';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import { acceptedFields, RecordWriter, resumeRecord, type TaskServiceDeps } from './record-updates';
import { type PreflightTarget, runPreflight } from './restore-preflight';
import { closeCancelled, type SafetyBackupDeps, takeSafetyBackup } from './safety-backup';
import { TaskFollower } from './task-follower';

export interface RestoreRequest extends PreflightTarget {
  profileId: string;
  password?: string;
  rememberPassword: boolean;
  useSavedPassword: boolean;
  safetyBackup: boolean;
  confirmation?: string;
}

/** A restore whose phases run in this process: cancellable until `committed` (its request is about to leave). */
interface Run {
  controller: AbortController;
  committed: boolean;
  done: Promise<void>;
}

export interface RestoreServiceDeps extends TaskServiceDeps {
  secrets: SecretStore;
}

export class RestoreService {
  readonly #deps: RestoreServiceDeps;
  readonly #log: Logger;
  readonly #follower: TaskFollower;
  readonly #writer: RecordWriter;
  readonly #runs = new Map<string, Run>();
  /** What the safety backup phase may do to the record (safety-backup.ts). */
  readonly #phase: SafetyBackupDeps;
  #disposed = false;

  constructor(deps: RestoreServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('restore');
    this.#writer = new RecordWriter({ ...deps, audit: (r, outcome, text) => this.#audit(r, outcome, text) });
    this.#follower = new TaskFollower({
      ...deps,
      save: (r) => this.#writer.save(r),
      finish: (r) => this.#writer.finish(r),
    });
    this.#phase = {
      save: (r) => this.#writer.save(r),
      finish: (r) => this.#writer.finish(r),
      audit: (r, outcome, message, action) => this.#audit(r, outcome, message, action),
      waitForTask: (api, region, taskId, signal) => this.#follower.waitForTask(api, region, taskId, signal),
      now: deps.now,
      disposed: () => this.#disposed,
      log: this.#log,
    };
  }

  list(): RestoreRecord[] {
    return this.#deps.journal.all();
  }

  async preflight(target: PreflightTarget & { profileId: string }): Promise<PreflightResult> {
    const profile = this.#deps.profile(target.profileId);
    const api = this.#deps.api(profile);
    // A clone of this instance (kind 'clone', instanceId its source) reads a backup, not the instance, and
    // is not a restore of it: it does not hold the instance. The cloud's own lock is checked separately.
    const active = this.list().find(
      (r) =>
        r.profileId === profile.id &&
        r.instanceId === target.instanceId &&
        r.kind !== 'clone' &&
        !isTerminal(r.status),
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

  /**
   * Checks the request and journals the restore, then answers at once with its record: the safety backup and
   * RestoreInstance run as phases of that record, reported through `onUpdate`, so the window never waits on
   * the cloud. A refusal before the journal (preflight, confirmation, password) is thrown to the caller.
   */
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

    const record = await this.#writer.save(base);
    await this.#audit(record, 'requested', said('restore-requested', 'Restore requested; preflight passed.'));
    const run: Run = { controller: new AbortController(), committed: false, done: Promise.resolve() };
    this.#runs.set(record.restoreId, run);
    const send = {
      ...(pre.requiresPassword && password ? { password } : {}),
      remember: request.rememberPassword && request.password ? passwordAccount : undefined,
    };
    run.done = this.#run(api, record, request.safetyBackup, send, run)
      .catch((error: unknown) =>
        this.#log.error('restore run failed', {
          restoreId: record.restoreId,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      )
      .finally(() => this.#runs.delete(record.restoreId));
    return record;
  }

  /**
   * Cancels a restore whose request has not left: while preflight or the safety backup runs. Once
   * RestoreInstance is on its way the answer is "too late"; the cloud's backup task is never cancelled
   * (ManualBackupInstance has no cancel action), its backup is kept.
   */
  cancel(restoreId: string): { cancelled: boolean; reason?: 'too-late' | 'ended' | 'not-found' } {
    const record = this.#deps.journal.get(restoreId);
    if (!record) return { cancelled: false, reason: 'not-found' };
    if (!isActive(record)) return { cancelled: false, reason: 'ended' };
    const run = this.#runs.get(restoreId);
    // No run in this process means the record was resumed after a restart: its request had already left.
    if (!run || run.committed || !isCancellable(record)) return { cancelled: false, reason: 'too-late' };
    run.controller.abort();
    return { cancelled: true };
  }

  /** Resolves once the restore's background phases (safety backup, sending) have settled; for tests. */
  async settled(restoreId: string): Promise<void> {
    await this.#runs.get(restoreId)?.done;
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
    // Clones share the journal; CloneService resumes them (electron/core/clones/clone-service.ts).
    for (const record of records.filter((r) => r.phase !== 'done' && r.kind !== 'clone')) {
      resumed++;
      await resumeRecord(record, {
        writer: this.#writer,
        follow: (r) => this.#follower.follow(r),
        reconcile: (r) => this.#follower.reconcile(r),
        canFollow: (r) => Boolean(r.taskId),
        texts: { reconciling: 'reconciling', stoppedBeforeSend: 'stopped-before-send' },
      });
    }
    this.#log.info('resumed restores', { resumed, skipped });
    return { resumed, skipped };
  }

  dispose(): void {
    this.#disposed = true;
    this.#follower.dispose();
  }

  /** The phases after the journal: the safety backup, then RestoreInstance exactly once, then following. */
  async #run(
    api: CrsApi,
    accepted: RestoreRecord,
    safetyBackup: boolean,
    send: { password?: string; remember: string | undefined },
    run: Run,
  ): Promise<void> {
    let record: RestoreRecord | undefined = accepted;
    if (safetyBackup) record = await takeSafetyBackup(this.#phase, api, accepted, run.controller.signal);
    if (!record) return;
    if (run.controller.signal.aborted) {
      await closeCancelled(this.#phase, record);
      return;
    }
    // Checked and set in one step: from here a cancel answers "too late".
    run.committed = true;
    // Durable before the request leaves: if the app dies now, start-up reconciles instead of resending.
    record = await this.#writer.save({
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
        ...(send.password ? { password: send.password } : {}),
      }));
    } catch (error) {
      await this.#sendFailed(record, error);
      return;
    }
    if (send.remember && send.password) await this.#deps.secrets.set(send.remember, send.password);
    record = await this.#writer.save({
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
  }

  #sendFailed(record: RestoreRecord, error: unknown): Promise<void> {
    return this.#writer.sendFailed(record, error, {
      unknownCode: 'RESTORE_OUTCOME_UNKNOWN',
      reconciling: 'reconciling',
      unanswered: said('restore-unanswered', 'RestoreInstance sent but unanswered; reconciling.'),
      refused: 'The restore request failed.',
      reconcile: (r) => this.#follower.reconcile(r),
    });
  }

  #newRecord(profile: StoredProfile, request: RestoreRequest, pre: PreflightResult): RestoreRecord {
    const at = new Date(this.#deps.now()).toISOString();
    const rule = restoreRule(pre.instance);
    return {
      restoreId: randomUUID(),
      profileId: profile.id,
      profileName: profile.name,
      region: request.region,
      instanceId: request.instanceId,
      instanceName: pre.instance?.name ?? '',
      ...(pre.instance ? { engine: pre.instance.engine } : {}),
      restoreRule: { semantics: rule.semantics, basis: rule.basis },
      backupId: request.backupId,
      ...(pre.backup?.startTime ? { backupStartTime: pre.backup.startTime } : {}),
      ...acceptedFields(at),
    };
  }

  async #audit(
    record: RestoreRecord,
    outcome: AuditOutcome,
    text: AuditText,
    action: 'restore' | 'safety-backup' = 'restore',
  ) {
    // A safety backup's entry names the backup it made (when known), never the source backup.
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
