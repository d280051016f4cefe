/**
 * Restore into a new instance end to end over IPC against the sandbox: the form pre-filled from the source,
 * the price, the preflight, the order followed as one task to the new instance running (from a backup and
 * from a point in time), and the audit of it. One order per clone, counted in the sandbox's own ledger.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClonePlan } from '../../../shared/clones';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;

afterEach(async () => {
  await h?.close();
});

const SOURCE = { region: 'ap-guangzhou', instanceId: 'crs-demo0001' };

async function setUp() {
  h = await startHarness();
  const profile = await h.value('sandbox:start', {});
  const defaults = await h.value('clone:defaults', { profileId: profile.id, ...SOURCE });
  const { backups } = await h.value('backups:list', { profileId: profile.id, ...SOURCE, span: 7 });
  const backup = backups.find((b) => b.restorable);
  if (!backup || defaults.plan.zoneId === undefined) throw new Error('demo seed without a backup or zone');
  const plan = (extra: Partial<ClonePlan> = {}): ClonePlan => ({
    profileId: profile.id,
    region: SOURCE.region,
    sourceInstanceId: SOURCE.instanceId,
    point: { kind: 'backup', backupId: backup.id },
    zoneId: defaults.plan.zoneId as number,
    billingMode: defaults.plan.billingMode,
    period: defaults.plan.period,
    ...(defaults.plan.vpcId ? { vpcId: defaults.plan.vpcId } : {}),
    ...(defaults.plan.subnetId ? { subnetId: defaults.plan.subnetId } : {}),
    securityGroupIds: defaults.plan.securityGroupIds,
    instanceName: 'orders-cache-restored',
    noAuth: defaults.plan.noAuth,
    projectId: defaults.plan.projectId,
    tags: defaults.plan.tags,
    ...extra,
  });
  return { profile, defaults, backup, plan };
}

async function cloneToEnd(plan: ClonePlan): Promise<RestoreRecord> {
  const priceShown = await h.value('clone:price', plan);
  const started = await h.value('clone:start', {
    plan,
    password: 'Orders#2024x',
    priceShown,
    confirmation: plan.instanceName,
  });
  return (await h.waitFor(
    (e) => e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === started.restoreId,
    60_000,
  )) as RestoreRecord;
}

describe('restore into a new instance (sandbox)', () => {
  it('pre-fills the form from the source: zone, network, security groups, spec; pay-as-you-go', async () => {
    const { defaults } = await setUp();
    expect(defaults.unread).toEqual([]);
    expect(defaults.plan).toMatchObject({ billingMode: 'pay-as-you-go', period: 1 });
    expect(defaults.plan.securityGroupIds.length).toBeGreaterThan(0);
    expect(defaults.spec.memSizeMb).toBeGreaterThan(0);
    expect(defaults.spec.secondLevelBackup).toBe(true);
  });

  it('clones from a backup: one order, followed to the new instance running at its address', async () => {
    const { plan } = await setUp();
    const pre = await h.value('clone:preflight', { plan: plan(), password: 'Orders#2024x' });
    expect(pre.checks.filter((c) => c.state === 'fail')).toEqual([]);
    const ended = await cloneToEnd(plan());
    expect(ended).toMatchObject({ kind: 'clone', status: 'succeed', clone: { stage: 'running' } });
    const newId = ended.clone?.newInstanceId as string;
    const created = h.sandbox.state.instances.get(newId);
    expect(created?.name).toBe('orders-cache-restored');
    expect(ended.clone?.address?.port).toBe(created?.port);
    expect(h.sandbox.state.clones.deals.size).toBe(1);
    const stages = h.events
      .filter(
        (e) => e.channel === 'task:updated' && (e.payload as RestoreRecord).restoreId === ended.restoreId,
      )
      .map((e) => (e.payload as RestoreRecord).clone?.stage);
    expect(stages).toContain('ordering');
    const { entries } = await h.value('audit:list', { instanceId: newId });
    expect(entries.map((e) => e.outcome).sort()).toEqual(['started', 'succeed']);
    expect(entries.every((e) => e.dealName && e.action === 'clone')).toBe(true);
  });

  it('clones to a point in time inside the second-level range, refused inside a gap', async () => {
    const { profile, plan } = await setUp();
    const range = await h.value('clone:pitr-range', { profileId: profile.id, ...SOURCE });
    expect(range.enabled).toBe(true);
    expect(range.missing.length).toBeGreaterThan(0);
    const gap = range.missing[range.missing.length - 1] as { start: string; end: string };
    const inGap = new Date((Date.parse(gap.start) + Date.parse(gap.end)) / 2).toISOString();
    const refused = await h.value('clone:preflight', {
      plan: plan({ point: { kind: 'time', time: inGap } }),
      password: 'Orders#2024x',
    });
    expect(refused.checks.find((c) => c.id === 'point-in-range')).toMatchObject({ state: 'fail' });
    const time = new Date(Date.parse(gap.end) + 60_000).toISOString();
    const ended = await cloneToEnd(plan({ point: { kind: 'time', time }, instanceName: 'orders-pitr' }));
    expect(ended).toMatchObject({ status: 'succeed', clone: { point: { kind: 'time', time } } });
    expect(ended.backupId).not.toBe('');
  });
});
