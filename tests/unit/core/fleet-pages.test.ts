// Which pages a region's listing asks for: the first page then the rest when the region is new, every page
// at once when its size is known, and one more round whenever an answer's TotalCount shows pages not yet
// asked for (a fleet that grew), so no instance is lost or listed twice; a shrunk fleet costs empty pages.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrsApi, DescribeInstancesParams } from '../../../electron/core/cloud/crs-api';
import { FleetCache } from '../../../electron/core/inventory/fleet-cache';
import { FleetService } from '../../../electron/core/inventory/fleet-service';
import { guessBudget, readRegionPages } from '../../../electron/core/inventory/region-pages';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import type { Instance } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import { fakeInstance } from '../../fakes/fake-backup-api';

const PROFILE = '0b0e5c1e-7d1a-4b8e-9d7e-3f1c2a4b5c6d';
const REGIONS = ['ap-guangzhou', 'ap-shanghai'];
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

const instance = (region: string, n: number): Instance =>
  fakeInstance({ id: `crs-${region.slice(3, 6)}${String(n).padStart(6, '0')}`, name: `orders-${n}`, region });
const many = (region: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, n) => instance(region, from + n));

/** A fake cloud: each region's list, and every request with how many answers had come back before it. */
function fakeCloud(lists: Record<string, Instance[]>) {
  const calls: Array<{ region: string; offset: number; once: boolean; answeredBefore: number }> = [];
  let answered = 0;
  const hooks: { beforeAnswer?: (call: { region: string; offset: number }) => void } = {};
  const failAt = new Set<string>();
  const describeInstances = async ({ region, offset, limit, once }: DescribeInstancesParams) => {
    calls.push({ region, offset, once: once === true, answeredBefore: answered });
    await tick();
    hooks.beforeAnswer?.({ region, offset });
    answered++;
    if (failAt.has(`${region}@${offset}`)) throw new AppError('NETWORK', 'connection reset');
    const list = lists[region] ?? [];
    return { total: list.length, instances: list.slice(offset, offset + limit) };
  };
  return { calls, hooks, failAt, api: { generation: 'v3', describeInstances } as unknown as CrsApi };
}

function fleetOver(api: CrsApi, dir = mkdtempSync(join(tmpdir(), 'crs-fleet-pages-'))) {
  const profile = { id: PROFILE, regions: REGIONS } as unknown as StoredProfile;
  const fleet = new FleetService({
    cache: new FleetCache({ userData: dir, onCorrupt: () => undefined }),
    profile: () => profile,
    api: () => api,
    now: Date.now,
    logger: createMemoryLogger(),
    onPage: () => undefined,
  });
  return { fleet, dir };
}

const ids = (list: readonly Instance[]) => list.map((i) => i.id);
/** Every instance of the fake cloud, region by region in the profile's order. */
const everything = (lists: Record<string, Instance[]>) => REGIONS.flatMap((region) => lists[region] ?? []);
/** The requests of one region sent before any of its answers (or any answer at all) had come back. */
const firstRound = (calls: ReturnType<typeof fakeCloud>['calls'], region: string, from = 0) =>
  calls.filter((c) => c.region === region && c.answeredBefore === from).map((c) => c.offset);

describe('readRegionPages', () => {
  const reader = (totals: (offset: number, call: number) => number) => {
    const asked: Array<{ offset: number; answeredBefore: number }> = [];
    let answered = 0;
    const read = async (offset: number) => {
      asked.push({ offset, answeredBefore: answered });
      await tick();
      return totals(offset, answered++);
    };
    return { asked, read };
  };

  it('asks for the first page alone when the size is unknown, then for the rest', async () => {
    const { asked, read } = reader(() => 4200);
    const pages = await readRegionPages(1000, undefined, read);
    expect(pages).toEqual({ offsets: [0, 1000, 2000, 3000, 4000], total: 4200 });
    expect(asked.filter((a) => a.answeredBefore === 0).map((a) => a.offset)).toEqual([0]);
  });

  it('asks for every page at once when the size is known', async () => {
    const { asked, read } = reader(() => 4200);
    const pages = await readRegionPages(1000, 4200, read);
    expect(pages.offsets).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(asked.every((a) => a.answeredBefore === 0)).toBe(true);
  });

  it('asks for the pages a grown count shows, in one more round', async () => {
    const { asked, read } = reader(() => 3500);
    const pages = await readRegionPages(1000, 1800, read);
    expect(pages).toEqual({ offsets: [0, 1000, 2000, 3000], total: 3500 });
    expect(asked.filter((a) => a.answeredBefore === 2).map((a) => a.offset)).toEqual([2000, 3000]);
  });

  it('follows the largest count when the region grows while it is read', async () => {
    // The first answer says 2100; every later one says 3200.
    const { read } = reader((_offset, call) => (call === 0 ? 2100 : 3200));
    expect(await readRegionPages(1000, undefined, read)).toEqual({
      offsets: [0, 1000, 2000, 3000],
      total: 3200,
    });
  });

  it('asks an empty region once, and a shrunk one up to its old end', async () => {
    expect((await readRegionPages(1000, 0, reader(() => 0).read)).offsets).toEqual([0]);
    const shrunk = reader(() => 1200);
    expect((await readRegionPages(1000, 3500, shrunk.read)).offsets).toEqual([0, 1000, 2000, 3000]);
  });

  it('sends guessed pages once, asks again for one that failed and exists, and forgets one that does not', async () => {
    const sent: Array<[number, boolean]> = [];
    const failedOnce = new Set<number>();
    // Each guessed page fails the first time; the region now has 2500 instances (it had 3500).
    const read = async (offset: number, ahead: boolean) => {
      sent.push([offset, ahead]);
      await tick();
      if (ahead && !failedOnce.has(offset)) {
        failedOnce.add(offset);
        throw new AppError('NETWORK');
      }
      return 2500;
    };
    expect(await readRegionPages(1000, 3500, read)).toEqual({ offsets: [0, 1000, 2000], total: 2500 });
    expect(sent).toEqual([
      [0, false],
      [1000, true],
      [2000, true],
      [3000, true],
      [1000, false],
      [2000, false],
    ]);
  });

  it('guesses no more pages than allowed, and asks for the rest once the answers show them', async () => {
    const sent: Array<[number, boolean]> = [];
    const read = async (offset: number, ahead: boolean) => {
      sent.push([offset, ahead]);
      await tick();
      return 5000;
    };
    expect((await readRegionPages(1000, 5000, read, 2)).offsets).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(sent).toEqual([
      [0, false],
      [1000, true],
      [2000, true],
      [3000, false],
      [4000, false],
    ]);
  });

  it('shares the guesses out so that every first page and the guesses fit in what the limit lets go', () => {
    // 35 at once, 4 regions: 31 guesses, in the regions' order; an unknown or one-page region guesses none.
    expect(guessBudget([undefined, 5, 40, 1], 35)).toEqual([0, 4, 27, 0]);
    expect(guessBudget([3, 3], 35)).toEqual([2, 2]);
    expect(
      guessBudget(
        Array.from({ length: 40 }, () => 2),
        35,
      ),
    ).toEqual(Array.from({ length: 40 }, () => 0));
  });

  it('fails when a page fails, and refuses a page size that cannot page', async () => {
    const failing = async (offset: number) => {
      if (offset === 2000) throw new AppError('NETWORK');
      return 3000;
    };
    await expect(readRegionPages(1000, 3000, failing)).rejects.toThrow(AppError);
    await expect(readRegionPages(0, 10, async () => 10)).rejects.toThrow(RangeError);
  });
});

describe('FleetService listing with a known fleet', () => {
  it('lists a new fleet in two rounds and refreshes it in one, every instance once', async () => {
    const lists = { 'ap-guangzhou': many('ap-guangzhou', 4200), 'ap-shanghai': many('ap-shanghai', 1500) };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    const first = await fleet.refresh(PROFILE);
    expect(ids(first.instances)).toEqual(ids(everything(lists)));
    expect(firstRound(cloud.calls, 'ap-guangzhou')).toEqual([0]);
    const before = cloud.calls.length;
    cloud.calls.length = 0;
    const second = await fleet.refresh(PROFILE);
    expect(ids(second.instances)).toEqual(ids(first.instances));
    const answeredBefore = cloud.calls[0]?.answeredBefore ?? -1;
    expect(firstRound(cloud.calls, 'ap-guangzhou', answeredBefore)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(firstRound(cloud.calls, 'ap-shanghai', answeredBefore)).toEqual([0, 1000]);
    expect(cloud.calls).toHaveLength(before);
    await fleet.flush();
  });

  it('asks for the guessed pages once and for the first page with retries', async () => {
    const lists = { 'ap-guangzhou': many('ap-guangzhou', 3100), 'ap-shanghai': many('ap-shanghai', 5) };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    await fleet.refresh(PROFILE);
    cloud.calls.length = 0;
    await fleet.refresh(PROFILE);
    expect(cloud.calls.map((c) => [c.region, c.offset, c.once])).toEqual([
      ['ap-guangzhou', 0, false],
      ['ap-guangzhou', 1000, true],
      ['ap-guangzhou', 2000, true],
      ['ap-guangzhou', 3000, true],
      ['ap-shanghai', 0, false],
    ]);
    await fleet.flush();
  });

  it('asks at once for no more pages than the limit lets go, first pages included', async () => {
    const lists = { 'ap-guangzhou': many('ap-guangzhou', 40_000), 'ap-shanghai': many('ap-shanghai', 2500) };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    await fleet.refresh(PROFILE);
    cloud.calls.length = 0;
    const snapshot = await fleet.refresh(PROFILE);
    expect(ids(snapshot.instances)).toEqual(ids(everything(lists)));
    const first = cloud.calls.filter((c) => c.answeredBefore === cloud.calls[0]?.answeredBefore);
    expect(first).toHaveLength(35);
    expect(first.filter((c) => c.offset === 0).map((c) => c.region)).toEqual(REGIONS);
    await fleet.flush();
  });

  it('lists a fleet that grew or shrank since it was last listed, every instance once', async () => {
    const lists: Record<string, Instance[]> = {
      'ap-guangzhou': many('ap-guangzhou', 1800),
      'ap-shanghai': many('ap-shanghai', 3500),
    };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    await fleet.refresh(PROFILE);
    lists['ap-guangzhou'] = many('ap-guangzhou', 3600);
    lists['ap-shanghai'] = many('ap-shanghai', 1200);
    const snapshot = await fleet.refresh(PROFILE);
    expect(ids(snapshot.instances)).toEqual(ids(everything(lists)));
    expect(snapshot.regions.map((r) => [r.state, r.loaded])).toEqual([
      ['done', 3600],
      ['done', 1200],
    ]);
    await fleet.flush();
  });

  it('lists the instances added while the pages were being read', async () => {
    const lists: Record<string, Instance[]> = {
      'ap-guangzhou': many('ap-guangzhou', 2500),
      'ap-shanghai': many('ap-shanghai', 10),
    };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    await fleet.refresh(PROFILE);
    // Right after the first answer of the next refresh, 1500 instances are added at the end of the list.
    let added = false;
    cloud.hooks.beforeAnswer = () => {
      if (added) return;
      added = true;
      lists['ap-guangzhou'] = [...(lists['ap-guangzhou'] ?? []), ...many('ap-guangzhou', 1500, 2500)];
    };
    const snapshot = await fleet.refresh(PROFILE);
    expect(ids(snapshot.instances)).toEqual(ids(everything(lists)));
    expect(new Set(ids(snapshot.instances)).size).toBe(4010);
    await fleet.flush();
  });

  it('takes the sizes from the cache the window read first', async () => {
    const lists = { 'ap-guangzhou': many('ap-guangzhou', 3100), 'ap-shanghai': many('ap-shanghai', 5) };
    const earlier = fleetOver(fakeCloud(lists).api);
    await earlier.fleet.refresh(PROFILE);
    await earlier.fleet.flush();
    // A new core over the same user data: it knows the sizes once it has read the cache, not before.
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api, earlier.dir);
    await fleet.cached(PROFILE);
    const snapshot = await fleet.refresh(PROFILE);
    expect(ids(snapshot.instances)).toEqual(ids(everything(lists)));
    expect(firstRound(cloud.calls, 'ap-guangzhou')).toEqual([0, 1000, 2000, 3000]);
    await fleet.flush();
  });

  it('marks a region whose page fails as failed, keeps its cached copy, and lists the others', async () => {
    const lists = { 'ap-guangzhou': many('ap-guangzhou', 2500), 'ap-shanghai': many('ap-shanghai', 1200) };
    const cloud = fakeCloud(lists);
    const { fleet } = fleetOver(cloud.api);
    const first = await fleet.refresh(PROFILE);
    cloud.failAt.add('ap-guangzhou@2000');
    const snapshot = await fleet.refresh(PROFILE);
    expect(snapshot.regions.map((r) => r.state)).toEqual(['failed', 'done']);
    expect(snapshot.freshness.stale).toBe(true);
    expect(ids(snapshot.instances)).toEqual(ids(first.instances));
    await fleet.flush();
  });
});
