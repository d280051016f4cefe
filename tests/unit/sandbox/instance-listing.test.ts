// DescribeInstances' memoised lists and pre-serialised rows: the answers are those of a fresh computation,
// and any change to the instances (a restore starting and ending, a new instance) is seen at once.
import { describe, expect, it } from 'vitest';
import { warmInstanceRows } from '../../../sandbox/api/instance-listing.js';
import { encodeAnswer, RawJson } from '../../../sandbox/api/raw-json.js';
import { V3_ACTIONS } from '../../../sandbox/api/v3-actions.js';
import { formatInstance } from '../../../sandbox/api/v3-format.js';
import { ManualClock } from '../../../sandbox/clock.js';
import { applySeed } from '../../../sandbox/seeds/index.js';
import { startRestore } from '../../../sandbox/state/flows.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import type { Principal } from '../../../sandbox/state/types.js';

const admin: Principal = { secretId: 'id', allowedActions: null, allowedProjects: null };

function seeded(seed: string) {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, 20);
  applySeed(state, seed);
  return { clock, state, ctx: { state, region: 'ap-guangzhou', principal: admin } };
}

type Ctx = ReturnType<typeof seeded>['ctx'];

/** The page as the client receives it: the answer serialised as the server does, parsed back. */
function page(ctx: Ctx, params: Record<string, unknown>) {
  const result = V3_ACTIONS.DescribeInstances?.run(ctx, params);
  if (!result?.ok) throw new Error(result ? result.message : 'no action');
  return JSON.parse(encodeAnswer(result.data).toString('utf8')) as {
    TotalCount: number;
    InstanceSet: Array<Record<string, unknown>>;
  };
}

/** The unmemoised answer for one region, newest first (the default order), ties by id. */
function reference(ctx: Ctx, offset: number, limit: number) {
  const rows = [...ctx.state.instances.values()]
    .filter((i) => i.region === ctx.region)
    .sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : -1));
  return {
    TotalCount: rows.length,
    InstanceSet: rows.slice(offset, offset + limit).map((i) => JSON.parse(JSON.stringify(formatInstance(i)))),
  };
}

describe('DescribeInstances memo', () => {
  it('answers every page exactly as a fresh filter, sort and format would', () => {
    const { ctx } = seeded('fleet:3000');
    for (const offset of [0, 100, 500]) {
      expect(page(ctx, { Limit: 100, Offset: offset })).toEqual(reference(ctx, offset, 100));
      // Asked twice: the memoised answer is the same.
      expect(page(ctx, { Limit: 100, Offset: offset })).toEqual(reference(ctx, offset, 100));
    }
  });

  it('keeps different filters and orders apart', () => {
    const { ctx } = seeded('fleet:3000');
    const all = page(ctx, { Limit: 1000, Offset: 0 });
    const first = all.InstanceSet[0];
    const byName = page(ctx, { Limit: 1000, Offset: 0, SearchKeys: [String(first?.InstanceName)] });
    expect(
      byName.InstanceSet.every((r) => String(r.InstanceName).includes(String(first?.InstanceName))),
    ).toBe(true);
    const oldestFirst = page(ctx, { Limit: 1000, Offset: 0, OrderType: 0 });
    expect(oldestFirst.TotalCount).toBe(all.TotalCount);
    expect(oldestFirst.InstanceSet[0]).not.toEqual(first);
    expect(page(ctx, { Limit: 1000, Offset: 0, Status: [2] }).InstanceSet.every((r) => r.Status === 2)).toBe(
      true,
    );
  });

  it('sees a restore start and end: the memo is invalidated by every state change', () => {
    const { clock, state, ctx } = seeded('demo');
    const find = () =>
      page(ctx, { Limit: 100, Offset: 0 }).InstanceSet.find((r) => r.InstanceId === 'crs-demo0001');
    const before = find();
    expect(before?.Status).toBe(2);
    const backup = state.backupsOf('crs-demo0001').find((b) => state.backupStatus(b) === 2);
    const started = startRestore(state, {
      instanceId: 'crs-demo0001',
      backupId: backup?.id ?? '',
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok) throw new Error(started.message);
    expect(find()).toMatchObject({ Status: 1, InstanceTitle: '回档中' });
    clock.advance(60_000);
    state.tick();
    expect(find()).toEqual(before);
  });

  it('sees an instance added to the state', () => {
    const { state, ctx } = seeded('fleet:50');
    const total = page(ctx, { Limit: 100, Offset: 0 }).TotalCount;
    const template = [...state.instances.values()].find((i) => i.region === ctx.region);
    if (!template) throw new Error('no instance in the region');
    state.addInstance({ ...template, id: 'crs-added001', createdMs: template.createdMs + 1e9 });
    const after = page(ctx, { Limit: 100, Offset: 0 });
    expect(after.TotalCount).toBe(total + 1);
    expect(after.InstanceSet[0]?.InstanceId).toBe('crs-added001');
  });
});

describe('warming the rows', () => {
  it('answers the same after warming, and stops warming when the state changes', async () => {
    const { state, ctx } = seeded('fleet:300');
    await warmInstanceRows(state);
    expect(page(ctx, { Limit: 100, Offset: 0 })).toEqual(reference(ctx, 0, 100));
    const template = [...state.instances.values()].find((i) => i.region === ctx.region);
    if (!template) throw new Error('no instance in the region');
    const warming = warmInstanceRows(state, 1);
    state.addInstance({ ...template, id: 'crs-added002', name: 'added-while-warming' });
    await warming;
    expect(page(ctx, { Limit: 100, Offset: 0 })).toEqual(reference(ctx, 0, 100));
    expect(page(ctx, { Limit: 100, Offset: 0 }).TotalCount).toBe(reference(ctx, 0, 100).TotalCount);
  });
});

describe('encodeAnswer', () => {
  it('is JSON.stringify in UTF-8, with raw JSON spliced in where it stands', () => {
    const plain = { Response: { TotalCount: 2, Skip: undefined, Set: [{ a: '运行中' }], RequestId: 'r' } };
    expect(encodeAnswer(plain).toString('utf8')).toBe(JSON.stringify(plain));
    const chunks = ['[', '{"a":', '"运行中"}', ']'].map((c) => Buffer.from(c));
    const raw = { Response: { TotalCount: 2, Set: new RawJson(chunks), RequestId: 'r' } };
    expect(encodeAnswer(raw).toString('utf8')).toBe(JSON.stringify(plain));
    // Serialised some other way, a RawJson still means the same JSON.
    expect(JSON.stringify(raw)).toBe(JSON.stringify(plain));
  });
});
