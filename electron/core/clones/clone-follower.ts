/**
 * Follows a clone as one task: its order (DescribeInstanceDealDetail) until delivered, then the new instance
 * (DescribeInstances) from initializing ("0：待初始化", creating) through in process ("1：实例在流程中", the
 * data being loaded) to running ("2：实例运行中"), where it ends with the new address. A clone whose answer was
 * lost is reconciled from the instance list (a new instance with the requested name, created after the order
 * left, in the same zone and project): CloneInstances is never sent again. Following always ends: reads that
 * cannot heal, an order the cloud does not show, or no new instance found end as "outcome unknown — check the
 * console (orders)".
 */
import { type CloneDetails, failedDealStates } from '../../../shared/clones';
import { AppError } from '../../../shared/errors';
import {
  CRS_CONSOLE_INSTANCE_LIST_URL,
  type RestoreRecord,
  type TaskMessageCode,
  taskText,
} from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import { failureReason, isPassingReadError, MAX_UNHEALED_READS } from '../tasks/follow-limits';
import { BACKOFF, type FollowerDeps, FollowSchedule, MAX_POLL_MS } from '../tasks/follow-schedule';

/** A new instance counts as this order's only if it was created no earlier than this before the order left. */
export const CLONE_ADOPT_SLACK_MS = 2 * 60_000;
/**
 * Reconciliation passes that found no new instance before the clone is closed as "outcome unknown". An order
 * is listed as an instance only once it is paid and delivering, which can lag the request, so the app keeps
 * looking for several minutes (the passes back off to a minute apart).
 */
export const CLONE_EMPTY_RECONCILE_PASSES = 10;
/** A clone not running this long after its order left is closed as "outcome unknown". */
export const CLONE_FOLLOW_MAX_MS = 6 * 3_600_000;

export class CloneFollower {
  readonly #deps: FollowerDeps;
  readonly #log: Logger;
  readonly #schedule: FollowSchedule;
  readonly #empty = new Map<string, number>();

  constructor(deps: FollowerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('clone-follower');
    this.#schedule = new FollowSchedule({ ...deps, log: this.#log, failure: 'clone step failed' });
  }

  follow(record: RestoreRecord): void {
    const id = record.restoreId;
    this.#schedule.schedule(id, this.#schedule.firstDelay(), (d) => this.#poll(id, d));
  }

  reconcile(record: RestoreRecord): void {
    const id = record.restoreId;
    this.#schedule.schedule(id, this.#schedule.firstDelay(), (d) => this.#reconcileOnce(id, d));
  }

  dispose(): void {
    this.#schedule.dispose();
  }

  /** One look at the order or the new instance; the next delay, or undefined once the clone ended. */
  async #poll(id: string, delay: number): Promise<number | undefined> {
    const record = this.#deps.journal.get(id);
    if (!record?.clone || record.phase === 'done') return undefined;
    const next = Math.min(delay * BACKOFF, MAX_POLL_MS);
    if (this.#deps.now() - Date.parse(record.sentAt ?? record.createdAt) > CLONE_FOLLOW_MAX_MS) {
      await this.#deps.finish(
        unknownEnd(record, 'clone-outcome-unknown', 'CLONE_OUTCOME_UNKNOWN', 'TIMEOUT'),
      );
      return undefined;
    }
    const api = this.#deps.api(this.#deps.profile(record.profileId));
    try {
      const ended = await this.#step(api, record);
      this.#schedule.healed(id);
      return ended ? undefined : next;
    } catch (error) {
      if (!isPassingReadError(error) && this.#schedule.countUnhealed(id) >= MAX_UNHEALED_READS) {
        await this.#deps.finish(
          unknownEnd(record, 'clone-outcome-unknown', 'CLONE_OUTCOME_UNKNOWN', failureReason(error)),
        );
        return undefined;
      }
      return isPassingReadError(error) ? MAX_POLL_MS : next;
    }
  }

  /** True when the clone ended. Throws on a read that tells nothing (counted by the caller). */
  async #step(api: CrsApi, record: RestoreRecord): Promise<boolean> {
    let clone = record.clone as CloneDetails;
    if ((clone.dealName || clone.dealId) && clone.dealState !== 'delivered') {
      const deals = await api.describeDeals({
        region: record.region,
        ...(clone.dealName ? { dealName: clone.dealName } : { dealIds: [clone.dealId as string] }),
      });
      const deal = deals.find(
        (d) =>
          (clone.dealName && d.dealName === clone.dealName) || (clone.dealId && d.dealId === clone.dealId),
      );
      if (!deal)
        throw new AppError('CLONE_ORDER_NOT_FOUND', undefined, {
          dealName: clone.dealName,
          dealId: clone.dealId,
        });
      if (deal.state === 'unknown')
        throw new AppError('BAD_RESPONSE', 'The order has a status the app does not know.', {
          statusRaw: deal.status,
        });
      const dealName = clone.dealName ?? deal.dealName ?? clone.dealId ?? '';
      clone = {
        ...clone,
        dealState: deal.state,
        ...(deal.status !== undefined ? { dealStatusRaw: deal.status } : {}),
        ...(clone.newInstanceId || !deal.instanceIds[0] ? {} : { newInstanceId: deal.instanceIds[0] }),
      };
      if (failedDealStates.includes(deal.state)) {
        await this.#deps.finish({
          ...record,
          clone,
          status: 'failed',
          errorCode: 'CLONE_DEAL_FAILED',
          ...taskText('clone-deal-failed', { dealName, dealState: deal.state }),
        });
        return true;
      }
      if (deal.state !== 'delivered') {
        const stage = deal.state === 'delivering' ? 'creating' : 'ordering';
        const text =
          deal.state === 'unpaid'
            ? taskText('clone-unpaid', { dealName })
            : taskText('clone-deal', { dealName, dealState: deal.state });
        await this.#update(record, { ...clone, stage }, 'preparing', text);
        return false;
      }
    }
    const newId = clone.newInstanceId;
    if (!newId)
      throw new AppError('BAD_RESPONSE', 'The delivered order names no instance.', {
        dealName: clone.dealName,
      });
    const { instances } = await api.describeInstances({
      region: record.region,
      limit: 1,
      offset: 0,
      instanceIds: [newId],
    });
    const instance = instances.find((i) => i.id === newId);
    const params = { newInstanceId: newId };
    if (!instance || instance.status === 'initializing') {
      await this.#update(
        record,
        { ...clone, stage: 'creating' },
        'preparing',
        taskText('clone-creating', params),
      );
      return false;
    }
    if (instance.status === 'processing') {
      await this.#update(
        record,
        { ...clone, stage: 'restoring' },
        'running',
        taskText('clone-restoring', params),
      );
      return false;
    }
    if (instance.status === 'running') {
      const address = { vip: instance.wanIp, port: instance.port };
      await this.#deps.finish({
        ...record,
        clone: { ...clone, stage: 'running', address },
        status: 'succeed',
        ...taskText('clone-running', { ...params, address: `${address.vip}:${address.port}` }),
      });
      return true;
    }
    if (instance.status === 'isolated' || instance.status === 'to-be-deleted') {
      await this.#deps.finish({
        ...record,
        clone,
        status: 'failed',
        ...taskText('status-other', { status: instance.status }),
      });
      return true;
    }
    throw new AppError('BAD_RESPONSE', 'The new instance has a status the app does not know.', {
      statusRaw: instance.statusRaw,
    });
  }

  async #update(
    record: RestoreRecord,
    clone: CloneDetails,
    status: RestoreRecord['status'],
    text: ReturnType<typeof taskText>,
  ): Promise<void> {
    const updated = { ...record, clone, status, polls: record.polls + 1, ...text };
    const changed =
      record.status !== status ||
      record.message !== text.message ||
      JSON.stringify(record.clone) !== JSON.stringify(clone);
    if (changed) await this.#deps.save(updated);
    else this.#deps.journal.touch(updated);
  }

  async #reconcileOnce(id: string, delay: number): Promise<number | undefined> {
    const record = this.#deps.journal.get(id);
    if (!record?.clone || record.phase === 'done') return undefined;
    const next = Math.min(delay * BACKOFF, MAX_POLL_MS * 4);
    const api = this.#deps.api(this.#deps.profile(record.profileId));
    try {
      const ended = await this.#reconcileStep(api, record);
      this.#schedule.healed(id);
      if (ended) this.#empty.delete(id);
      return ended ? undefined : next;
    } catch (error) {
      if (!isPassingReadError(error) && this.#schedule.countUnhealed(id) >= MAX_UNHEALED_READS) {
        await this.#deps.finish(
          unknownEnd(record, 'clone-reconcile-unknown', 'CLONE_OUTCOME_UNKNOWN', failureReason(error)),
        );
        return undefined;
      }
      return next;
    }
  }

  /** One look at the instance list for this order's new instance; true when adopted or closed. */
  async #reconcileStep(api: CrsApi, record: RestoreRecord): Promise<boolean> {
    const clone = record.clone as CloneDetails;
    const sent = Date.parse(record.sentAt ?? record.createdAt);
    const taken = new Set(
      this.#deps.journal
        .all()
        .filter((r) => r.restoreId !== record.restoreId)
        .map((r) => r.clone?.newInstanceId)
        .filter(Boolean),
    );
    const { instances } = await api.describeInstances({
      region: record.region,
      limit: 100,
      offset: 0,
      searchKeys: [clone.instanceName],
    });
    const ours = instances.filter(
      (i) =>
        i.name === clone.instanceName &&
        i.id !== record.instanceId &&
        !taken.has(i.id) &&
        (!i.createdAt || Date.parse(i.createdAt) >= sent - CLONE_ADOPT_SLACK_MS) &&
        (i.zoneId === undefined || i.zoneId === clone.zoneId) &&
        (clone.projectId === undefined || i.projectId === clone.projectId),
    );
    if (ours.length > 1) {
      await this.#deps.finish({
        ...unknownEnd(record, 'clone-reconcile-ambiguous', 'CLONE_OUTCOME_UNKNOWN', ''),
        ...taskText('clone-reconcile-ambiguous', {
          count: String(ours.length),
          instanceName: clone.instanceName,
          consoleUrl: CRS_CONSOLE_INSTANCE_LIST_URL,
        }),
      });
      return true;
    }
    const found = ours[0];
    if (found) {
      this.#log.info('reconciled clone', { id: record.restoreId, instanceId: found.id });
      const adopted = await this.#deps.save({
        ...record,
        phase: 'polling',
        status: 'preparing',
        clone: { ...clone, newInstanceId: found.id, stage: 'creating' },
        ...taskText('clone-adopted', { newInstanceId: found.id }),
      });
      this.follow(adopted);
      return true;
    }
    const passes = (this.#empty.get(record.restoreId) ?? 0) + 1;
    this.#empty.set(record.restoreId, passes);
    if (passes < CLONE_EMPTY_RECONCILE_PASSES) return false;
    // Nothing found proves nothing either way: never "refused", never "not ordered".
    await this.#deps.finish(unknownEnd(record, 'clone-reconcile-unknown', 'CLONE_ORDER_NOT_FOUND', ''));
    return true;
  }
}

/** A clone whose end the app could not learn: terminal, with where to look instead. */
function unknownEnd(
  record: RestoreRecord,
  code: Extract<TaskMessageCode, `clone-${string}`>,
  errorCode: 'CLONE_OUTCOME_UNKNOWN' | 'CLONE_ORDER_NOT_FOUND',
  reason: string,
): RestoreRecord {
  return {
    ...record,
    status: 'outcome-unknown',
    errorCode,
    ...taskText(code, {
      dealName: record.clone?.dealName ?? record.clone?.dealId ?? '',
      instanceName: record.clone?.instanceName ?? '',
      reason,
      consoleUrl: CRS_CONSOLE_INSTANCE_LIST_URL,
    }),
  };
}
