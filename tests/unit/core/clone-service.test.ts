/**
 * CloneService over a scripted cloud: the price the user saw is the price ordered, the order is journaled
 * before it leaves and after it answers, CloneInstances is sent once whatever happens to its answer (a lost
 * answer is reconciled from the instance list, a restart never orders again), and the clone is followed as
 * one task from ordering to the new instance running.
 */
import { describe, expect, it } from 'vitest';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import type { ClonePrice } from '../../../shared/clones';
import { AppError } from '../../../shared/errors';
import { cloneCloud, clonePlan } from '../../fakes/clone-cloud';
import { cloneService, world } from '../../fakes/services';

const PRICE: ClonePrice = {
  billingMode: 'pay-as-you-go',
  period: 1,
  price: { amount: 30400, unit: 'pent', unitStated: false },
  per: 'hour',
  quotedAt: '2026-12-07T04:00:00.000Z',
};

function setUp(options: Parameters<typeof world>[0] = {}) {
  const w = world(options);
  const cloud = cloneCloud(w);
  const service = cloneService(w);
  const start = (extra: Partial<Parameters<typeof service.start>[0]> = {}) =>
    service.start({ plan: clonePlan(w), password: 'Secret#Pass1', priceShown: PRICE, ...extra });
  return { w, cloud, service, start };
}

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('CloneService price and preflight', () => {
  it('prices the source’s spec; pay-as-you-go is per hour, in pent when the unit is not stated', async () => {
    const { w, service } = setUp();
    const price = await service.price(clonePlan(w));
    expect(price).toMatchObject({ per: 'hour', price: { amount: 30400, unit: 'pent', unitStated: false } });
    expect(price.price.currency).toBeUndefined();
    expect(w.cloud.paramsOf('inquiryPriceCreateInstance')[0]).toMatchObject({
      typeId: 15,
      memSizeMb: 1024,
      goodsNum: 1,
      billingMode: 0,
      zoneId: 100003,
      shardNum: 1,
      replicasNum: 1,
    });
  });

  it('passes for a restorable backup, a zone that sells the spec and a free name', async () => {
    const { w, service } = setUp();
    const pre = await service.preflight({ plan: clonePlan(w), password: 'Secret#Pass1' });
    expect(pre.checks.filter((c) => c.state === 'fail')).toEqual([]);
    expect(pre.passed).toBe(true);
    expect(pre.checks.find((c) => c.id === 'quota')?.state).toBe('unknown');
    expect(pre.confirmationText).toBe('orders-restored');
    expect(pre.price?.price.amount).toBe(30400);
  });

  it('fails when the name is taken in the region (a lost answer could not be reconciled)', async () => {
    const { w, cloud, service } = setUp();
    cloud.instances.push({ ...cloud.source, id: 'crs-other001', name: 'orders-restored' });
    const pre = await service.preflight({ plan: clonePlan(w), password: 'Secret#Pass1' });
    expect(pre.passed).toBe(false);
    expect(pre.checks.find((c) => c.id === 'name-valid')).toMatchObject({ state: 'fail', reason: 'taken' });
  });

  it('fails for a locked backup, a sold-out zone, a weak password and a missing security group', async () => {
    const { w, cloud, service } = setUp();
    cloud.backups[0] = {
      ...(cloud.backups[0] as (typeof cloud.backups)[number]),
      restorable: false,
      notRestorableReason: 'locked',
    };
    (cloud.zones[0] as (typeof cloud.zones)[number]).saleOut = true;
    const pre = await service.preflight({ plan: clonePlan(w, { securityGroupIds: [] }) });
    const failed = Object.fromEntries(
      pre.checks.filter((c) => c.state === 'fail').map((c) => [c.id, c.reason]),
    );
    expect(failed).toEqual({
      'backup-restorable': 'not-restorable',
      'zone-sells-spec': 'zone-sold-out',
      'password-valid': 'missing',
      network: 'no-security-group',
    });
  });

  it('a point in time must lie in the second-level range, outside the missing ranges', async () => {
    const { w, cloud, service } = setUp();
    const now = w.clock.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const plan = (t: number) => clonePlan(w, { point: { kind: 'time', time: iso(t) } });
    let pre = await service.preflight({ plan: plan(now - 60_000), password: 'Secret#Pass1' });
    expect(pre.checks.find((c) => c.id === 'point-in-range')).toMatchObject({
      state: 'fail',
      reason: 'not-enabled',
    });
    cloud.secondLevel.startTime = iso(now - 86_400_000);
    cloud.secondLevel.missing = [{ start: iso(now - 600_000), end: iso(now - 300_000) }];
    pre = await service.preflight({ plan: plan(now - 400_000), password: 'Secret#Pass1' });
    expect(pre.checks.find((c) => c.id === 'point-in-range')).toMatchObject({
      state: 'fail',
      reason: 'not-covered',
    });
    pre = await service.preflight({ plan: plan(now - 2 * 86_400_000), password: 'Secret#Pass1' });
    expect(pre.checks.find((c) => c.id === 'point-in-range')?.state).toBe('fail');
    pre = await service.preflight({ plan: plan(now - 60_000), password: 'Secret#Pass1' });
    expect(pre.checks.find((c) => c.id === 'point-in-range')?.state).toBe('pass');
    expect(pre.passed).toBe(true);
  });

  it('refuses a legacy profile before calling the cloud', async () => {
    const { w, service } = setUp({ generation: 'legacy-v2' });
    await expect(service.price(clonePlan(w))).rejects.toMatchObject({ code: 'NOT_IN_LEGACY_API' });
    expect(w.cloud.calls).toHaveLength(0);
  });
});

describe('CloneService start', () => {
  it('journals the order before it leaves, sends it once, and follows it to the running instance', async () => {
    const { w, cloud, service, start } = setUp();
    // The journal file as a fresh process would read it, at the moment the order leaves.
    let journaledBeforeSend: string | undefined;
    w.cloud.tap('cloneInstances', async () => {
      const { records } = await new RestoreJournal({ userData: w.userData, logger: w.logger }).load();
      journaledBeforeSend = records.find((r) => r.kind === 'clone')?.phase;
    });
    const record = await start();
    expect(record).toMatchObject({
      kind: 'clone',
      phase: 'accepted',
      status: 'pending',
      clone: { stage: 'ordering' },
    });
    await service.settled(record.restoreId);
    expect(journaledBeforeSend).toBe('sending');
    expect(w.cloud.count('cloneInstances')).toBe(1);
    expect(w.updates.at(-1)).toMatchObject({
      phase: 'polling',
      clone: { dealName: '20261207000001', newInstanceId: 'crs-new00001' },
    });
    await w.clock.until(() => w.updates.at(-1)?.messageCode === 'clone-deal');
    expect(w.updates.at(-1)?.clone).toMatchObject({ stage: 'ordering', dealState: 'paid' });
    cloud.progress('20261207000001', 'delivering');
    await w.clock.until(() => w.updates.at(-1)?.clone?.stage === 'creating');
    expect(w.updates.at(-1)).toMatchObject({ status: 'preparing', clone: { stage: 'creating' } });
    cloud.progress('20261207000001', 'delivered', 'processing');
    await w.clock.until(() => w.updates.at(-1)?.clone?.stage === 'restoring');
    expect(w.updates.at(-1)).toMatchObject({ status: 'running', clone: { stage: 'restoring' } });
    cloud.progress('20261207000001', 'delivered', 'running');
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished).toHaveLength(1);
    expect(w.finished[0]).toMatchObject({
      status: 'succeed',
      phase: 'done',
      messageCode: 'clone-running',
      clone: { stage: 'running', address: { vip: '10.0.9.1', port: 6379 } },
    });
    expect(w.cloud.count('cloneInstances')).toBe(1);
    service.dispose();
  });

  it('audits the request with the price shown, the order and the new instance, and the outcome', async () => {
    const { w, cloud, service, start } = setUp();
    const record = await start();
    await service.settled(record.restoreId);
    cloud.progress('20261207000001', 'delivered', 'running');
    await w.clock.until(() => w.finished.length > 0);
    const { entries } = await w.audit.list();
    const ours = entries.filter((e) => e.restoreId === record.restoreId).reverse();
    expect(ours.map((e) => [e.action, e.outcome, e.messageCode])).toEqual([
      ['clone', 'requested', 'clone-requested'],
      ['clone', 'started', 'clone-ordered'],
      ['clone', 'succeed', 'task.clone-running'],
    ]);
    expect(ours[0]).toMatchObject({ priceShown: 30400, priceUnit: 'pent', billingMode: 'pay-as-you-go' });
    expect(ours[2]).toMatchObject({
      dealName: '20261207000001',
      dealId: '9001',
      newInstanceId: 'crs-new00001',
    });
    const csv = await w.audit.export('csv');
    expect(csv.content.split('\n')[0]).toContain(
      'priceShown,priceUnit,currency,billingMode,dealId,dealName,newInstanceId',
    );
    service.dispose();
  });

  it('a lost answer is reconciled from the instance list: the order is adopted, never placed again', async () => {
    const { w, cloud, service, start } = setUp();
    cloud.loseAnswer = true;
    const record = await start();
    await service.settled(record.restoreId);
    expect(w.updates.at(-1)).toMatchObject({
      phase: 'reconciling',
      status: 'unknown',
      messageCode: 'clone-reconciling',
    });
    await w.clock.until(() => w.updates.at(-1)?.messageCode === 'clone-adopted');
    expect(w.updates.at(-1)).toMatchObject({
      phase: 'polling',
      clone: { newInstanceId: 'crs-new00001' },
      messageCode: 'clone-adopted',
    });
    cloud.progress('20261207000001', 'delivered', 'running');
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished.at(-1)).toMatchObject({ status: 'succeed' });
    expect(w.cloud.count('cloneInstances')).toBe(1);
    expect(cloud.orders).toHaveLength(1);
    service.dispose();
  });

  it('a lost answer with no order found ends "outcome unknown — check the console", still one request', async () => {
    const { w, cloud, service, start } = setUp();
    cloud.dropRequest = true;
    const record = await start();
    await service.settled(record.restoreId);
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished.at(-1)).toMatchObject({
      status: 'outcome-unknown',
      errorCode: 'CLONE_ORDER_NOT_FOUND',
      messageCode: 'clone-reconcile-unknown',
    });
    expect(w.cloud.count('cloneInstances')).toBe(1);
    service.dispose();
  });

  it('after a crash while sending, start-up reconciles and never orders again', async () => {
    const first = setUp();
    first.cloud.loseAnswer = true;
    const record = await first.start();
    await first.service.settled(record.restoreId);
    first.service.dispose();
    // Rewind the record to "sending", as if the app died with the request in flight.
    await first.w.journal.write({
      ...(first.w.journal.get(record.restoreId) as typeof record),
      phase: 'sending',
      status: 'pending',
    });
    const w = world({ userData: first.w.userData, start: first.w.clock.now() });
    const cloud = cloneCloud(w);
    cloud.instances.push(...first.cloud.instances.slice(1));
    const service = cloneService(w);
    await w.journal.load();
    expect(await service.resume()).toEqual({ resumed: 1 });
    await w.clock.until(() => w.updates.at(-1)?.phase === 'polling');
    expect(w.cloud.count('cloneInstances')).toBe(0);
    expect(w.updates.at(-1)).toMatchObject({ phase: 'polling', clone: { newInstanceId: 'crs-new00001' } });
    service.dispose();
  });

  it('two starts at once place one order', async () => {
    const { w, service, start } = setUp();
    const results = await Promise.allSettled([start(), start()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(codeOf(refused.reason)).toBe('CLONE_IN_PROGRESS');
    const ok = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ restoreId: string }>;
    await service.settled(ok.value.restoreId);
    // And a third, once the first is under way, fails its preflight on the name.
    await expect(start()).rejects.toMatchObject({ code: 'PREFLIGHT_FAILED' });
    expect(w.cloud.count('cloneInstances')).toBe(1);
    service.dispose();
  });

  it('a point in time is ordered with CloneTime and the backup the cloud names for that second', async () => {
    const { w, cloud, service } = setUp();
    const time = new Date(w.clock.now() - 60_000).toISOString();
    cloud.secondLevel.startTime = new Date(w.clock.now() - 86_400_000).toISOString();
    const record = await service.start({
      plan: clonePlan(w, { point: { kind: 'time', time } }),
      password: 'Secret#Pass1',
      priceShown: PRICE,
    });
    await service.settled(record.restoreId);
    expect(w.cloud.paramsOf('cloneInstances')).toEqual([
      expect.objectContaining({ backupId: 'b-1', cloneTime: time }),
    ]);
    expect(w.updates.at(-1)).toMatchObject({ backupId: 'b-1', clone: { point: { kind: 'time', time } } });
    const pre = await service.preflight({
      plan: clonePlan(w, { point: { kind: 'time', time }, instanceName: 'x2' }),
    });
    expect(pre.pointBackupId).toBe('b-1');
    service.dispose();
  });

  it('refuses when the price changed since it was shown; nothing is ordered', async () => {
    const { w, cloud, start } = setUp();
    cloud.price = 31000;
    await expect(start()).rejects.toMatchObject({ code: 'CLONE_PRICE_CHANGED' });
    expect(w.cloud.count('cloneInstances')).toBe(0);
    expect(w.journal.all()).toHaveLength(0);
  });

  it('asks production profiles to type the new instance’s name', async () => {
    const { w, start } = setUp({ environment: 'production' });
    await expect(start({ confirmation: 'orders' })).rejects.toMatchObject({ code: 'CONFIRMATION_MISMATCH' });
    expect(w.cloud.count('cloneInstances')).toBe(0);
    await expect(start({ confirmation: 'orders-restored' })).resolves.toMatchObject({ kind: 'clone' });
  });

  it('an order that ends without delivery fails with the order’s state', async () => {
    const { w, cloud, service, start } = setUp();
    const record = await start();
    await service.settled(record.restoreId);
    cloud.progress('20261207000001', 'refunded');
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished.at(-1)).toMatchObject({
      status: 'failed',
      errorCode: 'CLONE_DEAL_FAILED',
      messageParams: { dealState: 'refunded' },
    });
    service.dispose();
  });

  it('an unpaid order says so and waits; an order status outside the documented set ends "outcome unknown"', async () => {
    const { w, cloud, service, start } = setUp();
    const record = await start();
    await service.settled(record.restoreId);
    cloud.progress('20261207000001', 'unpaid');
    await w.clock.until(() => w.updates.at(-1)?.messageCode === 'clone-unpaid');
    expect(w.updates.at(-1)).toMatchObject({
      status: 'preparing',
      clone: { stage: 'ordering', dealState: 'unpaid' },
    });
    const order = cloud.orders[0] as (typeof cloud.orders)[number];
    w.cloud.script('describeDeals', async () => [
      { dealId: order.dealId, dealName: order.dealName, status: 42, state: 'unknown', instanceIds: [] },
    ]);
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished[0]).toMatchObject({
      status: 'outcome-unknown',
      errorCode: 'CLONE_OUTCOME_UNKNOWN',
      messageCode: 'clone-outcome-unknown',
    });
    expect(w.cloud.count('cloneInstances')).toBe(1);
    service.dispose();
  });

  it('a cloud refusal ends the clone as refused with the cloud’s words; nothing to reconcile', async () => {
    const { w, service, start } = setUp();
    w.cloud.failNext(
      'cloneInstances',
      new AppError('PAY_FAILED', undefined, { cloudCode: 'FailedOperation.PayFailed', requestId: 'r-1' }),
    );
    const record = await start();
    await service.settled(record.restoreId);
    expect(w.finished.at(-1)).toMatchObject({
      status: 'refused',
      errorCode: 'PAY_FAILED',
      errorDetails: { cloudCode: 'FailedOperation.PayFailed', requestId: 'r-1' },
    });
    await w.clock.runAll(600_000);
    expect(w.cloud.count('cloneInstances')).toBe(1);
  });
});
