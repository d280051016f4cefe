/**
 * Sandbox faults across the journeys (listing, restoring, following): latency spikes, connection resets
 * and drops, HTTP 5xx, malformed JSON, RequestLimitExceeded, SignatureExpire from a skewed clock, and a
 * RestoreInstance that starts the task but never answers. Whatever happens: no restore is ever sent twice,
 * no task the cloud ran is lost, and every failure carries a clear message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../sandbox/index';
import type { Notice } from '../../shared/ipc-contract';
import {
  allEnded,
  cloudRestores,
  isClearMessage,
  ORDERS,
  restoreOrders,
  startDemoCore,
} from './support/journeys';
import { recordFigures, sized } from './support/scale';

const ROUNDS = sized(1, 3);
const figures: Record<string, number> = {};
const bump = (name: string) => {
  figures[name] = (figures[name] ?? 0) + 1;
};

afterAll(() => recordFigures('faults', figures));

const spec = (kind: FaultSpec['kind'], action: string, round: number): FaultSpec => ({
  kind,
  action,
  count: round + 1,
  ...(kind === 'latency' ? { ms: 1500 } : {}),
  ...(kind === 'http5xx' ? { status: 500 + ((round * 3) % 5) } : {}),
});

/** Runs the cases side by side: each has its own core and sandbox, and most of the time is waiting. */
const inParallel = <T>(items: readonly T[], run: (item: T) => Promise<void>) => Promise.all(items.map(run));

const rounds = Array.from({ length: ROUNDS }, (_, i) => i);

describe('sandbox faults across the journeys', () => {
  it('fleet listing survives every fault: all instances, or the region marked stale with a message', async () => {
    const kinds = ['latency', 'reset', 'drop', 'http5xx', 'malformedJson', 'rateLimit'] as const;
    await inParallel(
      rounds.flatMap((r) => kinds.map((k) => [k, r] as const)),
      async ([kind, round]) => {
        const { h, profile } = await startDemoCore();
        try {
          h.sandbox.faults.add(spec(kind, 'DescribeInstances', round));
          const fleet = await h.value('fleet:refresh', { profileId: profile.id });
          const failed = fleet.regions.filter((r) => r.state !== 'done');
          for (const region of failed)
            expect(isClearMessage(region.errorMessage), region.errorMessage).toBe(true);
          if (failed.length === 0) expect(fleet.instances.length).toBe(h.sandbox.state.instances.size);
          else expect(fleet.freshness.stale).toBe(true);
          bump(`fleet ${kind}`);
        } finally {
          await h.close();
        }
      },
    );
  });

  it('a fault on RestoreInstance never sends it twice, loses no task, and explains the outcome', async () => {
    const kinds = ['latency', 'reset', 'drop', 'http5xx', 'malformedJson', 'rateLimit', 'hang'] as const;
    await inParallel(
      rounds.flatMap((r) => kinds.map((k) => [k, r] as const)),
      async ([kind, round]) => {
        const { h, profile, backup } = await startDemoCore();
        try {
          h.sandbox.faults.add({ ...spec(kind, 'RestoreInstance', round), count: 1 });
          const started = await h.call('restore:start', restoreOrders(profile.id, backup.id));
          if (!started.ok) expect(isClearMessage(started.error.message), started.error.message).toBe(true);
          const records = await allEnded(h, ORDERS.instanceId);
          const ran = cloudRestores(h, ORDERS.instanceId);
          expect(h.sandbox.state.restoreCalls.get(ORDERS.instanceId) ?? 0).toBeLessThanOrEqual(1);
          expect(ran.length).toBeLessThanOrEqual(1);
          expect(records).toHaveLength(1);
          const [record] = records;
          expect(isClearMessage(record?.message), record?.message).toBe(true);
          if (ran[0]) {
            // The cloud ran it: the app must have found it and followed it to its end.
            expect(record).toMatchObject({ status: 'succeed', taskId: String(ran[0].id) });
          } else if (kind === 'rateLimit') {
            // The cloud answered with a refusal: nothing started, and the app may say so.
            expect(record?.status).toBe('refused');
          } else {
            // No answer and no task found: whether it started is unknown, and the app says exactly that.
            expect(record).toMatchObject({ status: 'outcome-unknown', errorCode: 'RESTORE_TASK_NOT_FOUND' });
          }
          bump(`restore ${kind} → ${record?.status}`);
        } finally {
          await h.close();
        }
      },
    );
  });

  it('faults while following a task never lose it: the restore is followed to success', async () => {
    const kinds = ['latency', 'reset', 'drop', 'http5xx', 'malformedJson', 'rateLimit'] as const;
    await inParallel(
      rounds.flatMap((r) => kinds.map((k) => [k, r] as const)),
      async ([kind, round]) => {
        const { h, profile, backup } = await startDemoCore();
        try {
          h.sandbox.faults.add({ ...spec(kind, 'DescribeTaskInfo', round), count: 1 + round });
          await h.value('restore:start', restoreOrders(profile.id, backup.id));
          const [record] = await allEnded(h, ORDERS.instanceId);
          expect(record).toMatchObject({ status: 'succeed' });
          expect(h.sandbox.state.restoreCalls.get(ORDERS.instanceId)).toBe(1);
          bump(`follow ${kind}`);
        } finally {
          await h.close();
        }
      },
    );
  });

  it('a computer clock 10 minutes off gets SignatureExpire once, corrects itself and says so', async () => {
    await inParallel(rounds, async (round) => {
      const skewMs = (round % 2 === 0 ? 1 : -1) * 10 * 60_000;
      // The sandbox's clock is moved instead of ours: to the signer it is the same skew.
      const { h, profile, backup } = await startDemoCore({ clock: { now: () => Date.now() + skewMs } });
      try {
        await h.value('restore:start', restoreOrders(profile.id, backup.id));
        const [record] = await allEnded(h, ORDERS.instanceId);
        expect(record?.status).toBe('succeed');
        expect(h.sandbox.state.restoreCalls.get(ORDERS.instanceId)).toBe(1);
        const notices = h.events.filter((e) => e.channel === 'app:notice').map((e) => e.payload as Notice);
        const skew = notices.filter((n) => n.code === 'SIGNATURE_EXPIRED');
        expect(skew.length).toBeGreaterThanOrEqual(1);
        expect(isClearMessage(skew[0]?.message)).toBe(true);
        bump('signatureExpire');
      } finally {
        await h.close();
      }
    });
  });
});
