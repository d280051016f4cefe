/**
 * The fleet index against a plain filter-then-sort reference: same rows, same order, whatever the query
 * history (narrowing a kept query, deleting characters, filters), the direction, and however the background
 * slices of the sort were cut.
 */
import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain';
import { instance } from '../../../../tests/unit/renderer/fixtures/sample';
import { type BackgroundRunner, FleetIndex, viewRows } from '../index/fleet-index';
import { SlicedSort } from '../index/sliced-sort';
import {
  emptyQuery,
  type FleetQuery,
  type FleetRow,
  type SortKey,
  sortKeys,
  sortValue,
  toRow,
} from '../rows/fleet-rows';

/** A small deterministic generator, so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

function fleet(count: number, rand: () => number): Instance[] {
  const words = ['orders', 'cache', 'Session', 'pay', '订单', 'feed', ''];
  return Array.from({ length: count }, (_, n) =>
    instance({
      id: `crs-${Math.floor(rand() * 1e8).toString(36)}${n}`,
      name: `${pick(rand, words)}-${pick(rand, words)}-${Math.floor(rand() * 50)}`,
      region: pick(rand, ['ap-guangzhou', 'ap-shanghai', 'ap-beijing']),
      zoneId: rand() < 0.1 ? undefined : pick(rand, [100001, 100002, 200001]),
      status: pick(rand, ['running', 'processing', 'isolated', 'unknown'] as const),
      engine: pick(rand, ['Redis 6.2', 'Redis 4.0', 'CKV 3.2']),
      sizeMb: pick(rand, [256, 1024, 4096]),
      wanIp: `10.0.${Math.floor(rand() * 4)}.${Math.floor(rand() * 255)}`,
      tags: rand() < 0.5 ? [{ key: 'team', value: pick(rand, ['core', 'pay']) }] : [],
      projectId: pick(rand, [0, 1, 2]),
    }),
  );
}

/** The reference: a filter, then a decorated sort with ties broken by id. */
function reference(rows: readonly FleetRow[], key: SortKey, dir: 'asc' | 'desc', q: FleetQuery): string[] {
  const text = q.text.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (!q.region || row.instance.region === q.region) &&
      (!q.status || row.instance.status === q.status) &&
      (!q.engine || row.instance.engine === q.engine) &&
      (!q.tag || row.instance.tags.some((t) => `${t.key}:${t.value}` === q.tag)) &&
      (!text || row.searchKey.includes(text)),
  );
  const sorted = kept
    .map((row) => ({ row, value: sortValue(row, key) }))
    .sort((a, b) =>
      a.value < b.value
        ? -1
        : a.value > b.value
          ? 1
          : a.row.instance.id < b.row.instance.id
            ? -1
            : a.row.instance.id > b.row.instance.id
              ? 1
              : 0,
    )
    .map((d) => d.row.instance.id);
  return dir === 'asc' ? sorted : sorted.reverse();
}

/** Background work driven by the test: each call runs one slice that ends at its `stepsPerSlice`-th clock check. */
function manualRunner(stepsPerSlice: number): {
  run: BackgroundRunner;
  slice(): boolean;
  pending(): boolean;
} {
  let work: ((stop: () => boolean) => boolean) | undefined;
  return {
    run: (w) => {
      work = w;
      return () => {
        work = undefined;
      };
    },
    slice: () => {
      if (!work) return true;
      let left = stepsPerSlice;
      if (work(() => --left <= 0)) work = undefined;
      return work === undefined;
    },
    pending: () => work !== undefined,
  };
}

describe('fleet index', () => {
  it('matches the reference for random query histories, sorts and slice sizes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = random(seed);
      const rows = fleet(400 + seed * 37, rand).map(toRow);
      const idle = manualRunner(1 + Math.floor(rand() * 5));
      const index = new FleetIndex(rows, idle.run);
      index.prepare();
      let query: FleetQuery = emptyQuery;
      for (let step = 0; step < 60; step++) {
        if (rand() < 0.5) idle.slice();
        const roll = rand();
        if (roll < 0.4) query = { ...query, text: query.text + pick(rand, [...'orders-cache订单 1zQ']) };
        else if (roll < 0.6) query = { ...query, text: query.text.slice(0, -1) };
        else if (roll < 0.7)
          query = { ...query, region: pick(rand, ['', 'ap-guangzhou', 'ap-beijing', 'eu-nowhere']) };
        else if (roll < 0.8) query = { ...query, status: pick(rand, ['', 'running', 'isolated']) };
        else if (roll < 0.9)
          query = { ...query, tag: pick(rand, ['', 'team:pay', 'team:core', 'team:none']) };
        else query = { ...query, engine: pick(rand, ['', 'Redis 6.2']) };
        const key = pick(rand, sortKeys);
        const dir = rand() < 0.5 ? 'asc' : 'desc';
        const got = viewRows(index.view(key, dir, query)).map((r) => r.instance.id);
        expect(got, `seed ${seed}, step ${step}, ${key} ${dir} ${JSON.stringify(query)}`).toEqual(
          reference(rows, key, dir, query),
        );
      }
    }
  });

  it('sorts every column in background slices, and stops when its rows are replaced', () => {
    const rows = fleet(300, random(9)).map(toRow);
    const idle = manualRunner(1);
    const index = new FleetIndex(rows, idle.run);
    index.prepare();
    let slices = 0;
    while (!idle.slice()) slices++;
    // 300 rows × 10 columns of key building and merging (≈ 30,000 steps) in slices of one clock check
    // (512 steps) each.
    expect(slices).toBeGreaterThan(40);
    for (const key of sortKeys) {
      expect(viewRows(index.view(key, 'asc', emptyQuery)).map((r) => r.instance.id)).toEqual(
        reference(rows, key, 'asc', emptyQuery),
      );
    }
    // The last slices read a few views to warm the JIT, keeping their matches: the queries they ran (the
    // first row's key, one to four characters, and its region) and the ones that narrow them still give
    // the reference's rows.
    const firstKey = rows[0]?.searchKey ?? '';
    const warmed = [1, 2, 3, 4, 6].map((n) => ({ ...emptyQuery, text: firstKey.slice(0, n) }));
    warmed.push({ ...emptyQuery, region: rows[0]?.instance.region ?? '' });
    for (const query of warmed)
      for (const dir of ['asc', 'desc'] as const)
        expect(viewRows(index.view('name', dir, query)).map((r) => r.instance.id)).toEqual(
          reference(rows, 'name', dir, query),
        );
    const other = new FleetIndex(rows, idle.run);
    other.prepare();
    expect(idle.pending()).toBe(true);
    other.dispose();
    expect(idle.pending()).toBe(false);
  });

  it('orders few matches by rank and many by a pass over the order, both ways alike', () => {
    const rows = fleet(2000, random(21)).map(toRow);
    const index = new FleetIndex(rows, manualRunner(1).run);
    const few = { ...emptyQuery, text: rows[7]?.instance.id.slice(0, 7) ?? '' }; // fewer than one row in 16
    const many = { ...emptyQuery, text: 'orders' };
    for (const key of sortKeys) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const query of [few, many]) {
          expect(viewRows(index.view(key, dir, query)).map((r) => r.instance.id)).toEqual(
            reference(rows, key, dir, query),
          );
        }
      }
    }
    // Positions asked for out of order (End, then Home) give the same rows as walking them in order.
    for (const dir of ['asc', 'desc'] as const) {
      const view = index.view('size', dir, many);
      const expected = reference(rows, 'size', dir, many);
      const positions = [view.length - 1, 0, 5, view.length - 2, 3];
      expect(positions.map((i) => view.at(i)?.instance.id)).toEqual(positions.map((i) => expected[i]));
    }
    const counts = [few, many].map((q) => index.view('name', 'asc', q).length);
    expect(counts[0]).toBeGreaterThan(0);
    expect((counts[0] as number) * 16).toBeLessThan(rows.length);
    expect((counts[1] as number) * 16).toBeGreaterThan(rows.length);
  });

  it('answers out-of-range positions with nothing', () => {
    const rows = fleet(5, random(3)).map(toRow);
    const view = new FleetIndex(rows, manualRunner(1).run).view('name', 'desc', { ...emptyQuery, text: '-' });
    expect(view.at(-1)).toBeUndefined();
    expect(view.at(view.length)).toBeUndefined();
  });
});

describe('sliced sort', () => {
  it('gives the same order stepped one element at a time as finished at once', () => {
    const rand = random(11);
    const keys = Array.from({ length: 1000 }, () => Math.floor(rand() * 20));
    const id = (i: number) => `id-${String(i).padStart(4, '0')}`;
    const stepped = new SlicedSort(keys.length, (i) => keys[i] as number, id);
    let calls = 0;
    while (!stepped.step(() => true)) calls++;
    // ≈ 11,000 steps, the clock asked every 512.
    expect(calls).toBeGreaterThan(15);
    const half = new SlicedSort(keys.length, (i) => keys[i] as number, id);
    for (let i = 0; i < 10; i++) half.step(() => true);
    const expected = [...keys.keys()].sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
    expect([...stepped.result()]).toEqual(expected);
    expect([...half.result()]).toEqual(expected);
    expect([...new SlicedSort(1, () => 0, id).result()]).toEqual([0]);
    expect([...new SlicedSort(0, () => 0, id).result()]).toEqual([]);
  });
});
