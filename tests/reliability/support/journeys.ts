/** The journeys the fault and crash suites drive: a demo-sandbox core with a profile, a restore, its end. */

import type { SandboxOptions } from '../../../sandbox/index';
import type { Backup } from '../../../shared/domain';
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

/** crs-demo0001 "orders-cache" in ap-guangzhou, password Orders#2024 (sandbox/README.md). */
export const ORDERS = {
  region: 'ap-guangzhou',
  instanceId: 'crs-demo0001',
  name: 'orders-cache',
  password: 'Orders#2024',
};

export interface DemoCore {
  h: Harness;
  profile: ProfileView;
  backup: Backup;
}

export async function startDemoCore(sandbox: SandboxOptions = {}): Promise<DemoCore> {
  const h = await startHarness({ sandbox: { taskSeconds: 2, ...sandbox }, pollSeconds: 1 });
  const created = await h.value('sandbox:start', {});
  // The shortest timeout the schema allows, so an unanswered request is given up on quickly.
  const profile = await h.value('profiles:update', { id: created.id, requestTimeoutSeconds: 3 });
  const { backups } = await h.value('backups:list', {
    profileId: profile.id,
    region: ORDERS.region,
    instanceId: ORDERS.instanceId,
    span: 7,
  });
  const backup = backups.find((b) => b.restorable);
  if (!backup) throw new Error('no restorable demo backup');
  return { h, profile, backup };
}

export const restoreOrders = (profileId: string, backupId: string) => ({
  profileId,
  region: ORDERS.region,
  instanceId: ORDERS.instanceId,
  backupId,
  password: ORDERS.password,
  confirmation: ORDERS.name,
});

/** Resolves once every restore record of the instance has ended (phase done). */
export async function allEnded(h: Harness, instanceId: string, ms = 60_000): Promise<RestoreRecord[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const records = (await h.value('tasks:list', {})).filter((r) => r.instanceId === instanceId);
    if (records.every((r) => r.phase === 'done')) return records;
    if (Date.now() > deadline) throw new Error(`restores still open: ${JSON.stringify(records)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The sandbox's restore tasks of an instance: what the cloud actually ran. */
export const cloudRestores = (h: Harness, instanceId: string) =>
  [...h.sandbox.state.tasks.values()].filter((t) => t.kind === 'restore' && t.instanceId === instanceId);

/** A message a DBA can act on: a sentence, not a code, a stack or a stringified object. */
export const isClearMessage = (message: string | undefined) =>
  typeof message === 'string' && message.length >= 20 && !/undefined|\[object|at .+\(.+:\d+/.test(message);
