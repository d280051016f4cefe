// What GET /__sandbox/state reports: the clock, instance counts by status, call counters, tasks.
import type { SandboxState } from './store.js';

/** A JSON-friendly summary of the state, for the admin endpoint. */
export function stateSummary(state: SandboxState): Record<string, unknown> {
  state.tick();
  const byStatus: Record<string, number> = {};
  for (const instance of state.instances.values()) {
    byStatus[instance.status] = (byStatus[instance.status] ?? 0) + 1;
  }
  return {
    now: state.now(),
    instances: { total: state.instances.size, byStatus },
    restoreCalls: Object.fromEntries(state.restoreCalls),
    actionCalls: Object.fromEntries(state.actionCalls),
    rateLimitedCalls: Object.fromEntries(state.rateLimitedCalls),
    plannedTaskFailures: state.plannedFailures.length,
    // Restore into a new instance: what a "never a second order" test counts, and the account.
    cloneCalls: state.clones.cloneCalls,
    ordersPlaced: state.clones.ordersPlaced,
    deals: [...state.clones.deals.values()].map((d) => ({
      dealId: d.dealId,
      dealName: d.dealName,
      instanceIds: d.instanceIds,
      sourceInstanceId: d.sourceInstanceId,
      backupId: d.backupId,
    })),
    account: {
      balancePent: state.clones.account.balancePent,
      currency: state.clones.account.currency,
      amountUnit: state.clones.account.amountUnit,
      defaultQuota: state.clones.account.defaultQuota,
      quotaByRegion: Object.fromEntries(state.clones.account.quotaByRegion),
    },
    tasks: [...state.tasks.values()].map((t) => ({
      taskId: t.id,
      kind: t.kind,
      instanceId: t.instanceId,
      backupId: t.backupId,
      status: state.taskStatus(t),
      message: t.outcome?.message ?? '',
    })),
  };
}
