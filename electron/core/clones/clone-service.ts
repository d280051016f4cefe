/**
 * Restore into a new instance, from the dialog's click to the new instance running: price and preflight, then
 * CloneInstances exactly once — a billable order — with a journal entry written before and after it, then the
 * order and the instance followed as one task (clone-follower.ts). Clones share the restore journal, so
 * resume-after-restart covers them the same way: one whose order may have left unanswered is reconciled from
 * the instance list, never ordered again.
 */
import { randomUUID } from 'node:crypto';
import type { AuditOutcome } from '../../../shared/audit';
import {
  billingModeCode,
  type CloneDefaults,
  type ClonePlan,
  type ClonePreflight,
  type ClonePrice,
  type CloneSource,
  type CloneStart,
  type PitrRange,
} from '../../../shared/clones';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import { requiresTypedConfirmation } from '../../../shared/restore-rules';
import { isActive, type RestoreRecord, taskText } from '../../../shared/tasks';
import { type AuditText, said } from '../audit/audit-text';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import { acceptedFields, RecordWriter, resumeRecord, type TaskServiceDeps } from '../tasks/record-updates';
import { cloneDefaults, pitrRange, sourceInstance } from './clone-defaults';
import { CloneFollower } from './clone-follower';
import { runClonePreflight } from './clone-preflight';
import { cloneSpec, quoteClone, samePrice } from './clone-price';

export type CloneServiceDeps = TaskServiceDeps;

export class CloneService {
  readonly #deps: CloneServiceDeps;
  readonly #log: Logger;
  readonly #follower: CloneFollower;
  readonly #writer: RecordWriter;
  /** Orders being started in this process, by profile, region and name: a double click is one order. */
  readonly #starting = new Set<string>();
  readonly #runs = new Map<string, Promise<void>>();

  constructor(deps: CloneServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('clone');
    this.#writer = new RecordWriter({ ...deps, audit: (r, outcome, text) => this.#audit(r, outcome, text) });
    this.#follower = new CloneFollower({
      ...deps,
      save: (r) => this.#writer.save(r),
      finish: (r) => this.#writer.finish(r),
    });
  }

  defaults(source: CloneSource): Promise<CloneDefaults> {
    return cloneDefaults(this.#api(source.profileId), source);
  }

  pitrRange(source: CloneSource): Promise<PitrRange> {
    return pitrRange(this.#api(source.profileId), source, this.#deps.now());
  }

  async price(plan: ClonePlan): Promise<ClonePrice> {
    const api = this.#api(plan.profileId);
    return quoteClone(api, plan, await this.#spec(api, plan), this.#deps.now());
  }

  async preflight(request: { plan: ClonePlan; password?: string | undefined }): Promise<ClonePreflight> {
    const { plan } = request;
    const profile = this.#profile(plan.profileId);
    const api = this.#deps.api(profile);
    const spec = await this.#spec(api, plan).catch(() => undefined);
    const outcome = await runClonePreflight(api, plan, spec, request.password, this.#deps.now());
    // An order this app is placing under the same name would make a lost answer impossible to reconcile.
    const pending = this.list().find(
      (r) =>
        r.kind === 'clone' &&
        isActive(r) &&
        r.profileId === profile.id &&
        r.region === plan.region &&
        r.clone?.instanceName === plan.instanceName,
    );
    const checks = pending
      ? outcome.checks.map((c) =>
          c.id === 'name-valid'
            ? {
                ...c,
                state: 'fail' as const,
                reason: 'pending',
                detail: 'A clone with this name is under way.',
              }
            : c,
        )
      : outcome.checks;
    const pointBackupId =
      plan.point.kind === 'time'
        ? await this.#backupAt(api, plan, plan.point.time).catch(() => undefined)
        : undefined;
    let price: ClonePrice | undefined;
    if (spec) price = await quoteClone(api, plan, spec, this.#deps.now()).catch(() => undefined);
    return {
      checks,
      passed: outcome.passed && !pending,
      ...(price ? { price } : {}),
      requiresTypedConfirmation: requiresTypedConfirmation(
        profile.environment,
        this.#deps.preferences().typedConfirmation,
      ),
      confirmationText: plan.instanceName,
      ...(pointBackupId ? { pointBackupId } : {}),
    };
  }

  list(): RestoreRecord[] {
    return this.#deps.journal.all();
  }

  /**
   * Checks, prices and journals the clone, then answers with its record at once; CloneInstances follows as a
   * phase of that record. A refusal before the journal (preflight, confirmation, a changed price) is thrown.
   */
  async start(request: CloneStart): Promise<RestoreRecord> {
    const { plan } = request;
    const key = `${plan.profileId}\u0000${plan.region}\u0000${plan.instanceName}`;
    // Checked and set before any await: a second click while the first is checked cannot order twice.
    if (this.#starting.has(key)) throw new AppError('CLONE_IN_PROGRESS');
    this.#starting.add(key);
    try {
      return await this.#start(request);
    } finally {
      this.#starting.delete(key);
    }
  }

  async #start(request: CloneStart): Promise<RestoreRecord> {
    const { plan } = request;
    const profile = this.#profile(plan.profileId);
    const api = this.#deps.api(profile);
    const pre = await this.preflight(request);
    const source = await sourceInstance(api, {
      region: plan.region,
      instanceId: plan.sourceInstanceId,
    }).catch(() => undefined);
    const base = this.#newRecord(profile, request, source?.name ?? '', source?.engine);
    if (!pre.passed) {
      await this.#audit(base, 'refused', said('preflight-failed', 'Preflight failed; nothing was sent.'));
      throw new AppError('PREFLIGHT_FAILED', undefined, {
        checks: pre.checks.filter((c) => c.state === 'fail'),
      });
    }
    if (pre.requiresTypedConfirmation && request.confirmation?.trim() !== pre.confirmationText) {
      throw new AppError('CONFIRMATION_MISMATCH');
    }
    // The price the cloud states now (asked by this preflight) must be the one the user saw.
    const price = pre.price ?? (await quoteClone(api, plan, await this.#spec(api, plan), this.#deps.now()));
    if (!samePrice(price, request.priceShown)) {
      throw new AppError('CLONE_PRICE_CHANGED', undefined, { price });
    }
    // BackupId is required by the request model even with CloneTime: a point in time is sent with the
    // backup DescribeSecondLevelBackupInfo names for that second.
    const backupId =
      plan.point.kind === 'backup' ? plan.point.backupId : await this.#backupAt(api, plan, plan.point.time);
    const record = await this.#writer.save({
      ...base,
      backupId,
      clone: { ...(base.clone as NonNullable<RestoreRecord['clone']>), priceShown: price },
    });
    await this.#audit(
      record,
      'requested',
      said('clone-requested', 'Clone requested; preflight passed, price shown.'),
    );
    const run = this.#run(api, record, plan, request.password)
      .catch((error: unknown) =>
        this.#log.error('clone run failed', {
          id: record.restoreId,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      )
      .finally(() => this.#runs.delete(record.restoreId));
    this.#runs.set(record.restoreId, run);
    return record;
  }

  /** Resolves once the clone's sending phase has settled; for tests. */
  async settled(id: string): Promise<void> {
    await this.#runs.get(id);
  }

  /** Resumes every unfinished clone in the journal (loaded by the restore service's resume first). */
  async resume(): Promise<{ resumed: number }> {
    let resumed = 0;
    for (const record of this.list().filter((r) => r.kind === 'clone' && r.phase !== 'done')) {
      resumed++;
      // An order that may have left is looked for, never placed again.
      await resumeRecord(record, {
        writer: this.#writer,
        follow: (r) => this.#follower.follow(r),
        reconcile: (r) => this.#follower.reconcile(r),
        canFollow: () => true,
        texts: { reconciling: 'clone-reconciling', stoppedBeforeSend: 'clone-stopped-before-send' },
      });
    }
    this.#log.info('resumed clones', { resumed });
    return { resumed };
  }

  dispose(): void {
    this.#follower.dispose();
  }

  /** CloneInstances exactly once, journaled before it leaves and after it answers. */
  async #run(
    api: CrsApi,
    accepted: RestoreRecord,
    plan: ClonePlan,
    password: string | undefined,
  ): Promise<void> {
    // Durable before the request leaves: if the app dies now, start-up reconciles instead of ordering again.
    let record = await this.#writer.save({
      ...accepted,
      phase: 'sending',
      sentAt: new Date(this.#deps.now()).toISOString(),
      ...taskText('clone-sending'),
    });
    let order: Awaited<ReturnType<CrsApi['cloneInstances']>>;
    try {
      order = await api.cloneInstances({
        region: plan.region,
        instanceId: plan.sourceInstanceId,
        backupId: record.backupId,
        ...(plan.point.kind === 'time' ? { cloneTime: plan.point.time } : {}),
        goodsNum: 1,
        zoneId: plan.zoneId,
        billingMode: billingModeCode[plan.billingMode],
        period: plan.period,
        securityGroupIds: plan.securityGroupIds,
        noAuth: plan.noAuth,
        ...(plan.vpcId ? { vpcId: plan.vpcId } : {}),
        ...(plan.subnetId ? { subnetId: plan.subnetId } : {}),
        instanceName: plan.instanceName,
        ...(!plan.noAuth && password ? { password } : {}),
        ...(plan.autoRenew !== undefined ? { autoRenew: plan.autoRenew } : {}),
        ...(plan.port !== undefined ? { vPort: plan.port } : {}),
        ...(plan.nodeSet ? { nodeSet: plan.nodeSet } : {}),
        ...(plan.projectId !== undefined ? { projectId: plan.projectId } : {}),
        ...(plan.tags.length > 0 ? { tags: plan.tags } : {}),
        ...(plan.templateId ? { templateId: plan.templateId } : {}),
        ...(plan.alarmPolicyIds?.length ? { alarmPolicyIds: plan.alarmPolicyIds } : {}),
      });
    } catch (error) {
      await this.#sendFailed(record, error);
      return;
    }
    const newInstanceId = order.instanceIds[0];
    const clone = {
      ...(record.clone as NonNullable<RestoreRecord['clone']>),
      ...(order.dealId ? { dealId: order.dealId } : {}),
      ...(order.dealName ? { dealName: order.dealName } : {}),
      ...(newInstanceId ? { newInstanceId } : {}),
    };
    record = await this.#writer.save({
      ...record,
      phase: 'polling',
      status: 'preparing',
      clone,
      ...taskText('clone-ordered', {
        dealName: order.dealName ?? order.dealId ?? '',
        newInstanceId: newInstanceId ?? '',
      }),
    });
    await this.#audit(
      record,
      'started',
      said(
        'clone-ordered',
        `Order ${order.dealName ?? order.dealId ?? ''} placed; new instance ${newInstanceId ?? ''}.`,
        {
          dealName: order.dealName ?? order.dealId ?? '',
          newInstanceId: newInstanceId ?? '',
        },
      ),
    );
    this.#follower.follow(record);
  }

  #sendFailed(record: RestoreRecord, error: unknown): Promise<void> {
    return this.#writer.sendFailed(record, error, {
      unknownCode: 'CLONE_OUTCOME_UNKNOWN',
      reconciling: 'clone-reconciling',
      unanswered: said('clone-unanswered', 'CloneInstances sent but unanswered; reconciling.'),
      refused: 'The order was refused.',
      reconcile: (r) => this.#follower.reconcile(r),
    });
  }

  async #backupAt(api: CrsApi, plan: ClonePlan, time: string): Promise<string> {
    const info = await api.describeSecondLevelBackupInfo({
      region: plan.region,
      instanceId: plan.sourceInstanceId,
      time,
    });
    if (!info.backupId) throw new AppError('PITR_TIME_UNAVAILABLE', undefined, { time });
    return info.backupId;
  }

  #profile(id: string): StoredProfile {
    const profile = this.#deps.profile(id);
    // tccli and the clone actions exist in API 3.0 only; refused before any call.
    if (profile.generation !== 'v3')
      throw new AppError('NOT_IN_LEGACY_API', undefined, { action: 'CloneInstances' });
    return profile;
  }

  #api(profileId: string): CrsApi {
    return this.#deps.api(this.#profile(profileId));
  }

  async #spec(api: CrsApi, plan: Pick<ClonePlan, 'region' | 'sourceInstanceId'>) {
    const target = { region: plan.region, instanceId: plan.sourceInstanceId };
    const [instance, spec] = await Promise.all([
      sourceInstance(api, target),
      api.describeInstanceSpec(target),
    ]);
    const inherited = cloneSpec(instance, spec);
    if (!inherited)
      throw new AppError('BAD_RESPONSE', 'The source’s shards, replicas or memory are not listed.', target);
    return inherited;
  }

  #newRecord(
    profile: StoredProfile,
    request: CloneStart,
    sourceName: string,
    engine?: string,
  ): RestoreRecord {
    const { plan } = request;
    const at = new Date(this.#deps.now()).toISOString();
    return {
      restoreId: randomUUID(),
      kind: 'clone',
      profileId: profile.id,
      profileName: profile.name,
      region: plan.region,
      instanceId: plan.sourceInstanceId,
      instanceName: sourceName,
      ...(engine ? { engine } : {}),
      backupId: plan.point.kind === 'backup' ? plan.point.backupId : '',
      clone: {
        stage: 'ordering',
        point: plan.point,
        instanceName: plan.instanceName,
        zoneId: plan.zoneId,
        billingMode: plan.billingMode,
        period: plan.period,
        ...(plan.vpcId ? { vpcId: plan.vpcId } : {}),
        ...(plan.subnetId ? { subnetId: plan.subnetId } : {}),
        securityGroupIds: plan.securityGroupIds,
        ...(plan.projectId !== undefined ? { projectId: plan.projectId } : {}),
      },
      ...acceptedFields(at),
    };
  }

  async #audit(record: RestoreRecord, outcome: AuditOutcome, text: AuditText): Promise<void> {
    const c = record.clone;
    const price = c?.priceShown?.price;
    await this.#deps.audit.record({
      action: 'clone',
      outcome,
      profileId: record.profileId,
      profileName: record.profileName,
      region: record.region,
      instanceId: record.instanceId,
      instanceName: record.instanceName,
      ...(record.backupId ? { backupId: record.backupId } : {}),
      restoreId: record.restoreId,
      ...(price ? { priceShown: price.amount, priceUnit: price.unit } : {}),
      ...(price?.currency ? { currency: price.currency } : {}),
      ...(c ? { billingMode: c.billingMode } : {}),
      ...(c?.dealId ? { dealId: c.dealId } : {}),
      ...(c?.dealName ? { dealName: c.dealName } : {}),
      ...(c?.newInstanceId ? { newInstanceId: c.newInstanceId } : {}),
      ...text,
    });
  }
}
