/** The instance page's live reads during a restore: backups refreshed without blanking, one instance read. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/store';
import { backupKey } from '../../../renderer/src/store/backups-slice';
import { liveKey } from '../../../renderer/src/store/live-slice';
import { type Envelope, fail, ok } from '../../../shared/result';
import { backup, fakeCore, instance, profile } from './fixtures/sample';

const target = { profileId: profile().id, region: 'ap-guangzhou', instanceId: 'crs-abcd1234' };

describe('live reads during a restore', () => {
  it('refreshes the backups in place: the rows stay while asking, and a failure keeps them', async () => {
    let answer: () => Envelope<unknown> = () =>
      ok({
        backups: [backup()],
        beginTime: '2026-11-23T08:00:00.000Z',
        endTime: '2026-11-30T08:01:00.000Z',
        statusCoverage: 'all',
        freshness: { source: 'live', stale: false },
      });
    const store = createAppStore(fakeCore({ overrides: { 'backups:list': () => answer() } }).api);
    await store.getState().loadBackups(target, 7);
    const key = backupKey(target);
    const safety = backup({ id: 'safety-1', kind: 'manual', remark: 'Safety backup before restore x' });
    answer = () =>
      ok({
        backups: [safety, backup()],
        beginTime: '2026-11-23T08:00:00.000Z',
        endTime: '2026-11-30T08:02:00.000Z',
        statusCoverage: 'all',
        freshness: { source: 'live', stale: false },
      });
    const pending = store.getState().refreshBackups(target);
    expect(store.getState().backups[key]).toMatchObject({ status: 'ready', backups: [{}] });
    await pending;
    expect(store.getState().backups[key]?.backups.map((b) => b.id)).toEqual(['safety-1', backup().id]);
    answer = () => fail('NETWORK', 'down');
    await store.getState().refreshBackups(target);
    expect(store.getState().backups[key]).toMatchObject({ status: 'ready', error: { code: 'NETWORK' } });
    expect(store.getState().backups[key]?.backups).toHaveLength(2);
  });

  it('reads one instance, and keeps the last copy with the error when a read fails', async () => {
    let answer: () => Envelope<unknown> = () =>
      ok({ instance: instance({ status: 'processing' }), fetchedAt: '2026-12-07T03:00:00.000Z' });
    const store = createAppStore(fakeCore({ overrides: { 'fleet:instance': () => answer() } }).api);
    await store.getState().refreshInstance(target);
    const key = liveKey(target);
    expect(store.getState().liveInstances[key]).toMatchObject({ instance: { status: 'processing' } });
    answer = () => fail('NETWORK', 'down');
    await store.getState().refreshInstance(target);
    expect(store.getState().liveInstances[key]).toMatchObject({
      instance: { status: 'processing' },
      error: { code: 'NETWORK' },
    });
  });
});
