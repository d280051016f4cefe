/**
 * CloneInstances is a billable order: whatever happens to its answer, the sandbox's own ledger never holds a
 * second order. A lost answer after the order was placed (the sandbox's "hang" and "malformedJson" faults let
 * the order through and spoil the answer) is reconciled from the instance list and followed to the new
 * instance running; a request that never arrived ("drop") ends "outcome unknown — check the console"; and an
 * app that dies with the request in flight reconciles at its next start, never ordering again.
 */
import { describe, expect, it } from 'vitest';
import type { ClonePlan } from '../../shared/clones';
import type { RestoreRecord } from '../../shared/tasks';
import type { Harness } from '../support/core-harness';
import { isClearMessage, ORDERS, startDemoCore } from './support/journeys';

/** A clone of the demo's orders-cache from its backup, as the dialog would send it. */
async function clonePlan(h: Harness, profileId: string, backupId: string): Promise<ClonePlan> {
  const d = await h.value('clone:defaults', {
    profileId,
    region: ORDERS.region,
    instanceId: ORDERS.instanceId,
  });
  return {
    profileId,
    region: ORDERS.region,
    sourceInstanceId: ORDERS.instanceId,
    point: { kind: 'backup', backupId },
    zoneId: d.plan.zoneId as number,
    billingMode: 'pay-as-you-go',
    period: 1,
    ...(d.plan.vpcId ? { vpcId: d.plan.vpcId, subnetId: d.plan.subnetId } : {}),
    securityGroupIds: d.plan.securityGroupIds,
    instanceName: 'orders-cache-copy',
    noAuth: false,
    projectId: d.plan.projectId,
    tags: [],
  };
}

async function startClone(h: Harness, plan: ClonePlan): Promise<RestoreRecord> {
  const priceShown = await h.value('clone:price', plan);
  return h.value('clone:start', {
    plan,
    password: 'Orders#2024x',
    priceShown,
    confirmation: plan.instanceName,
  });
}

/** Resolves once every clone record has ended (phase done). */
async function clonesEnded(h: Harness, ms: number): Promise<RestoreRecord[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const records = (await h.value('tasks:list', {})).filter((r) => r.kind === 'clone');
    if (records.length > 0 && records.every((r) => r.phase === 'done')) return records;
    if (Date.now() > deadline) throw new Error(`clones still open: ${JSON.stringify(records)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const orders = (h: Harness) => ({
  deals: h.sandbox.state.clones.deals.size,
  calls: h.sandbox.state.clones.cloneCalls,
});

describe('a lost CloneInstances answer never produces a second order', () => {
  it.each(['hang', 'malformedJson'] as const)(
    '%s: the order went through, the answer was lost; the app finds the new instance and follows it',
    async (kind) => {
      const { h, profile, backup } = await startDemoCore();
      try {
        h.sandbox.faults.add({ kind, action: 'CloneInstances', count: 1 });
        await startClone(h, await clonePlan(h, profile.id, backup.id));
        const [record] = await clonesEnded(h, 90_000);
        expect(orders(h)).toEqual({ deals: 1, calls: 1 });
        expect(record).toMatchObject({ status: 'succeed', clone: { stage: 'running' } });
        const newId = record?.clone?.newInstanceId as string;
        expect(h.sandbox.state.instances.get(newId)?.name).toBe('orders-cache-copy');
        const unanswered = (await h.value('audit:list', {})).entries.filter((e) => e.outcome === 'unknown');
        expect(unanswered).toHaveLength(1);
      } finally {
        await h.close();
      }
    },
    120_000,
  );

  it('drop: the request never arrived; no order, and the clone ends "outcome unknown — check the console"', async () => {
    const { h, profile, backup } = await startDemoCore();
    try {
      h.sandbox.faults.add({ kind: 'drop', action: 'CloneInstances', count: 1 });
      await startClone(h, await clonePlan(h, profile.id, backup.id));
      const [record] = await clonesEnded(h, 240_000);
      expect(orders(h).deals).toBe(0);
      expect(record).toMatchObject({ status: 'outcome-unknown' });
      expect(isClearMessage(record?.message)).toBe(true);
      expect(record?.message).toMatch(/check the console \(orders\)/);
    } finally {
      await h.close();
    }
  }, 300_000);

  it('an app that dies with the order in flight reconciles at its next start, never ordering again', async () => {
    const { h, profile, backup } = await startDemoCore();
    let next: Harness | undefined;
    try {
      h.sandbox.faults.add({ kind: 'hang', action: 'CloneInstances', count: 1 });
      const started = await startClone(h, await clonePlan(h, profile.id, backup.id));
      await h.waitFor(
        (e) =>
          e.channel === 'task:updated' &&
          (e.payload as RestoreRecord).restoreId === started.restoreId &&
          (e.payload as RestoreRecord).phase === 'sending',
      );
      next = await h.restart();
      const [record] = await clonesEnded(next, 90_000);
      expect(orders(next)).toEqual({ deals: 1, calls: 1 });
      expect(record).toMatchObject({ restoreId: started.restoreId, status: 'succeed' });
    } finally {
      await (next ?? h).close();
    }
  }, 120_000);
});
