/** The fleet slice: cached first, live pages streaming in, stale on failure, and fast derived views. */
import { describe, expect, it, vi } from 'vitest';
import { viewRows } from '../../../renderer/src/fleet-grid';
import { createAppStore } from '../../../renderer/src/store';
import { PAGE_FLUSH_MS } from '../../../renderer/src/store/fleet-slice';
import { selectFacets, selectFleetUsable, selectVisibleRows } from '../../../renderer/src/store/selectors';
import type { Instance } from '../../../shared/domain';
import type { FleetSnapshot } from '../../../shared/ipc-contract';
import { type Envelope, fail, ok } from '../../../shared/result';
import { fakeCore, instance, manyInstances, profile, snapshot } from './fixtures/sample';

const pid = profile().id;

describe('fleet slice', () => {
  it('renders the cached copy first, then replaces it with the live snapshot', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const fake = fakeCore({
      overrides: {
        'fleet:cached': () =>
          ok(
            snapshot([instance({ name: 'old' })], {
              freshness: { source: 'cache', stale: false, fetchedAt: '2026-11-29T00:00:00.000Z' },
            }),
          ),
        'fleet:refresh': async () => {
          await gate;
          return ok(snapshot([instance({ name: 'new' })]));
        },
      },
    });
    const store = createAppStore(fake.api);
    const done = store.getState().loadFleet(pid);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().fleetRows.map((r) => r.instance.name)).toEqual(['old']);
    expect(store.getState().fleetLoading).toBe(true);
    expect(selectFleetUsable(store.getState())).toBe(false);
    release();
    await done;
    expect(store.getState().fleetRows.map((r) => r.instance.name)).toEqual(['new']);
    expect(selectFleetUsable(store.getState())).toBe(true);
  });

  it('appends pages as fleet:page events arrive and tracks per-region progress', async () => {
    const fake = fakeCore({ overrides: { 'fleet:refresh': () => new Promise(() => undefined) } });
    const store = createAppStore(fake.api);
    store.getState().init();
    void store.getState().loadFleet(pid);
    await new Promise((r) => setTimeout(r, 0));
    fake.emit('fleet:page', {
      profileId: pid,
      region: 'ap-guangzhou',
      instances: manyInstances(3),
      progress: { region: 'ap-guangzhou', loaded: 3, total: 5, state: 'loading' },
    });
    fake.emit('fleet:page', {
      profileId: pid,
      region: 'ap-guangzhou',
      instances: manyInstances(5).slice(3),
      progress: { region: 'ap-guangzhou', loaded: 5, total: 5, state: 'done' },
    });
    fake.emit('fleet:page', {
      profileId: 'someone-else',
      region: 'x',
      instances: manyInstances(9),
      progress: { region: 'x', loaded: 9, state: 'done' },
    });
    // The first page shows at once, the next one with the following batch.
    expect(store.getState().fleetRows).toHaveLength(3);
    expect(store.getState().fleetRegions).toEqual([
      { region: 'ap-guangzhou', loaded: 5, total: 5, state: 'done' },
    ]);
    await vi.waitFor(() => expect(store.getState().fleetRows).toHaveLength(5), {
      timeout: PAGE_FLUSH_MS * 3,
    });
  });

  it('over cached rows, pages only move the progress; a failed listing keeps the streamed rows', async () => {
    let answer: (value: Envelope<unknown>) => void = () => undefined;
    const fake = fakeCore({
      overrides: {
        'fleet:cached': () => ok(snapshot([instance({ id: 'crs-cached' })])),
        'fleet:refresh': () => new Promise((resolve) => (answer = resolve)),
      },
    });
    const store = createAppStore(fake.api);
    store.getState().init();
    void store.getState().loadFleet(pid);
    await vi.waitFor(() => expect(store.getState().fleetLoading).toBe(true));
    const page = (instances: ReturnType<typeof manyInstances>, loaded: number) =>
      fake.emit('fleet:page', {
        profileId: pid,
        region: 'ap-guangzhou',
        instances,
        progress: { region: 'ap-guangzhou', loaded, total: 9, state: 'loading' },
      });
    page(manyInstances(3), 3);
    expect(store.getState().fleetRows.map((r) => r.instance.id)).toEqual(['crs-cached']);
    expect(store.getState().fleetRegions[0]?.loaded).toBe(3);
    answer(ok(snapshot(manyInstances(9))));
    await vi.waitFor(() => expect(store.getState().fleetRows).toHaveLength(9));

    // A first listing with nothing cached streams; when it fails, rows not applied yet are kept too.
    const empty = fakeCore({
      overrides: {
        'fleet:refresh': () => new Promise((resolve) => (answer = resolve)),
      },
    });
    const fresh = createAppStore(empty.api);
    fresh.getState().init();
    void fresh.getState().loadFleet(pid);
    await vi.waitFor(() => expect(fresh.getState().fleetLoading).toBe(true));
    const emit = (from: number, to: number) =>
      empty.emit('fleet:page', {
        profileId: pid,
        region: 'ap-guangzhou',
        instances: manyInstances(to).slice(from),
        progress: { region: 'ap-guangzhou', loaded: to, total: 9, state: 'loading' },
      });
    emit(0, 2);
    emit(2, 4);
    expect(fresh.getState().fleetRows).toHaveLength(2);
    answer(fail('NETWORK', 'offline'));
    await vi.waitFor(() => expect(fresh.getState().fleetLoading).toBe(false));
    expect(fresh.getState().fleetRows).toHaveLength(4);
    expect(fresh.getState().freshness).toMatchObject({ stale: true, errorCode: 'NETWORK' });
  });

  it('keeps its rows, and so its index, when a refresh brings an unchanged fleet', async () => {
    // Fresh copies each time, as the bridge delivers them: equal values, never the same objects.
    const fleet = (patch: Partial<Instance> = {}) =>
      snapshot(
        manyInstances(40).map((one, n) => ({ ...one, ...(n === 17 ? patch : {}), tags: [...one.tags] })),
      );
    let next = fleet();
    const fake = fakeCore({
      overrides: { 'fleet:cached': () => ok(fleet()), 'fleet:refresh': () => ok(next) },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadFleet(pid);
    const rows = store.getState().fleetRows;
    const view = selectVisibleRows(store.getState());
    expect(rows).toHaveLength(40);

    await store.getState().refreshFleet();
    expect(store.getState().fleetRows).toBe(rows);
    expect(store.getState().freshness).toEqual(next.freshness);
    expect(selectVisibleRows(store.getState())).toBe(view);

    // One field of one instance changed: new rows.
    next = fleet({ status: 'processing', statusRaw: 4 });
    await store.getState().refreshFleet();
    expect(store.getState().fleetRows).not.toBe(rows);
    expect(store.getState().fleetRows[17]?.instance.status).toBe('processing');
  });

  it('asks the core for page rows only when it has no rows to show', async () => {
    const cached = fakeCore({ overrides: { 'fleet:cached': () => ok(snapshot([instance()])) } });
    await createAppStore(cached.api).getState().loadFleet(pid);
    const empty = fakeCore();
    await createAppStore(empty.api).getState().loadFleet(pid);
    const refreshes = (fake: typeof empty) =>
      fake.calls.filter((c) => c.channel === 'fleet:refresh').map((c) => c.request);
    expect(refreshes(cached)).toEqual([{ profileId: pid, pageRows: false }]);
    expect(refreshes(empty)).toEqual([{ profileId: pid, pageRows: true }]);
  });

  it("names the cached answer's revision to the core, and keeps its rows when the core says unchanged", async () => {
    const requests: unknown[] = [];
    let answer: Envelope<FleetSnapshot> = ok({ ...snapshot([]), unchanged: true, revision: 'r1' });
    const fake = fakeCore({
      overrides: {
        'fleet:cached': () => ok({ ...snapshot(manyInstances(5)), revision: 'r1' }),
        'fleet:refresh': (request) => {
          requests.push(request);
          return answer;
        },
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadFleet(pid);
    const rows = store.getState().fleetRows;
    expect(rows).toHaveLength(5);
    expect(requests).toEqual([{ profileId: pid, pageRows: false, knownRevision: 'r1' }]);
    expect(store.getState().fleetRevision).toBe('r1');

    // A changed fleet comes whole, with a new revision, which the next refresh names.
    answer = ok({ ...snapshot(manyInstances(6)), revision: 'r2' });
    await store.getState().refreshFleet();
    expect(store.getState().fleetRows).toHaveLength(6);
    expect(store.getState().fleetRevision).toBe('r2');
    answer = ok({ ...snapshot([]), unchanged: true, revision: 'r2' });
    await store.getState().refreshFleet();
    expect(requests.at(-1)).toEqual({ profileId: pid, pageRows: false, knownRevision: 'r2' });
    expect(store.getState().fleetRows).toHaveLength(6);
  });

  it('keeps what it has and marks the fleet stale when the refresh fails', async () => {
    const fake = fakeCore({
      overrides: {
        'fleet:cached': () =>
          ok(
            snapshot([instance()], {
              freshness: { source: 'cache', stale: false, fetchedAt: '2026-11-29T00:00:00.000Z' },
            }),
          ),
        'fleet:refresh': () => fail('NETWORK', 'offline'),
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadFleet(pid);
    const s = store.getState();
    expect(s.fleetRows).toHaveLength(1);
    expect(s.freshness).toMatchObject({
      stale: true,
      errorCode: 'NETWORK',
      fetchedAt: '2026-11-29T00:00:00.000Z',
    });
    expect(s.fleetError?.code).toBe('NETWORK');
    expect(selectFleetUsable(s)).toBe(false);
  });

  it('searches name, id and address; filters; sorts both ways', async () => {
    const fake = fakeCore({
      instances: [
        instance({ id: 'crs-b', name: 'Beta', wanIp: '10.1.1.1', status: 'running', sizeMb: 1024 }),
        instance({
          id: 'crs-a',
          name: 'alpha',
          wanIp: '10.2.2.2',
          status: 'isolated',
          region: 'ap-shanghai',
          sizeMb: 512,
        }),
        instance({
          id: 'crs-c',
          name: 'gamma',
          wanIp: '10.3.3.3',
          status: 'running',
          tags: [{ key: 'team', value: 'pay' }],
          sizeMb: 2048,
        }),
      ],
    });
    const store = createAppStore(fake.api);
    await store.getState().loadFleet(pid);
    const names = () => viewRows(selectVisibleRows(store.getState())).map((r) => r.instance.name);
    expect(names()).toEqual(['alpha', 'Beta', 'gamma']);
    store.getState().setFleetSort('name');
    expect(names()).toEqual(['gamma', 'Beta', 'alpha']);
    store.getState().setFleetSort('size');
    expect(names()).toEqual(['alpha', 'Beta', 'gamma']);
    store.getState().setFleetQuery({ text: 'BET' });
    expect(names()).toEqual(['Beta']);
    store.getState().setFleetQuery({ text: 'crs-c' });
    expect(names()).toEqual(['gamma']);
    store.getState().setFleetQuery({ text: '10.2.2.2:6379' });
    expect(names()).toEqual(['alpha']);
    store.getState().setFleetQuery({ text: '', status: 'running', region: 'ap-guangzhou' });
    expect(names()).toEqual(['Beta', 'gamma']);
    store.getState().setFleetQuery({ tag: 'team:pay' });
    expect(names()).toEqual(['gamma']);
    expect(selectFacets(store.getState()).regions).toEqual(['ap-guangzhou', 'ap-shanghai']);
  });

  it('does not re-filter on unrelated state changes, and handles 100,000 rows', async () => {
    const fake = fakeCore({ instances: manyInstances(100_000) });
    const store = createAppStore(fake.api);
    await store.getState().loadFleet(pid);
    store.getState().setFleetQuery({ text: 'svc-13-' });
    const first = selectVisibleRows(store.getState());
    expect(first.length).toBeGreaterThan(1000);
    expect(viewRows(first).every((r) => r.instance.name.startsWith('svc-13-'))).toBe(true);
    store.getState().addToast({ level: 'info', titleKey: 'toast.open' });
    expect(selectVisibleRows(store.getState())).toBe(first);
    store.getState().setFleetSort('status');
    const resorted = selectVisibleRows(store.getState());
    expect(resorted).not.toBe(first);
    expect(resorted).toHaveLength(first.length);
  });

  it('ignores an answer for a profile that is no longer active', async () => {
    let release: () => void = () => undefined;
    const fake = fakeCore({
      overrides: {
        'fleet:refresh': (req) =>
          (req as { profileId: string }).profileId === 'p-old'
            ? new Promise((r) => {
                release = () => r(ok(snapshot([instance({ name: 'stale answer' })])));
              })
            : ok(snapshot([instance({ name: 'current' })])),
      },
    });
    const store = createAppStore(fake.api);
    const first = store.getState().loadFleet('p-old');
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().loadFleet('p-new');
    release();
    await first;
    expect(store.getState().fleetRows.map((r) => r.instance.name)).toEqual(['current']);
  });
});
