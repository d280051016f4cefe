/**
 * The backup:* channels through the real core and its guard, against the sandbox: a download answers its id
 * at once and ends as an event; the cache lists it and clears it; bad requests are refused; and neither the
 * events nor the log ever carry a signed link.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKUPS } from '../../../sandbox/index';
import type { DownloadProgress } from '../../../shared/downloads';
import type { ProfileView } from '../../../shared/profiles';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;
let profile: ProfileView;

beforeAll(async () => {
  h = await startHarness();
  profile = await h.value('sandbox:start', {});
});
afterAll(async () => {
  await h.close();
});

const ended = (downloadId: string) => (e: { channel: string; payload: unknown }) =>
  e.channel === 'backup:download-progress' &&
  (e.payload as DownloadProgress).downloadId === downloadId &&
  ['done', 'failed', 'cancelled'].includes((e.payload as DownloadProgress).state);

describe('backup download channels', () => {
  const target = () => ({
    profileId: profile.id,
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backupId: DEMO_BACKUPS.ordersManual,
  });

  it('downloads a backup into the private cache and tells its progress by events', async () => {
    const started = await h.value('backup:download', target());
    expect(started).toMatchObject({ cached: false, downloadId: expect.stringMatching(/^dl-/) });
    const last = (await h.waitFor(ended(started.downloadId))) as DownloadProgress;
    expect(last).toMatchObject({ state: 'done', encryption: 'no' });
    const list = await h.value('backup:downloads', {});
    expect(list.entries).toEqual([
      expect.objectContaining({ ...target(), state: 'complete', bytes: last.bytes }),
    ]);
    expect(list.capBytes).toBe(5e9);
    expect(await h.value('backup:download', target())).toMatchObject({ cached: true });
    expect((await stat(join(h.userData, 'backup-cache'))).mode & 0o777).toBe(0o700);
    // Signed links never leave main: not in an event, not in the log.
    const pushed = JSON.stringify(h.events.filter((e) => e.channel === 'backup:download-progress'));
    expect(pushed).not.toMatch(/q-sign|https?:\/\//);
    expect(h.logs.join('\n')).not.toMatch(/q-sign|q-signature/);
  });

  it('follows the size cap setting and clears the cache on request', async () => {
    await h.value('settings:update', { backupCacheGb: 1 });
    expect((await h.value('backup:downloads', {})).capBytes).toBe(1e9);
    const cleared = await h.value('backup:cache-clear', {});
    expect(cleared).toMatchObject({ removedBackups: 1, keptInUse: 0 });
    expect((await h.value('backup:downloads', {})).entries).toEqual([]);
  });

  it('refuses malformed requests and unknown profiles, and knows no stranger download', async () => {
    expect(await h.call('backup:download', { ...target(), backupId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await h.call('backup:download', { ...target(), profileId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
    expect(await h.value('backup:download-cancel', { downloadId: 'dl-unknown' })).toEqual({
      cancelled: false,
    });
    expect(await h.call('settings:update', { backupCacheGb: 0 })).toMatchObject({ ok: false });
  });
});
