/**
 * The cache's rules: least recently used backups go first when a download needs room, a backup in use is
 * never evicted nor deleted, a backup bigger than the cap is refused before it is fetched, and an index
 * that cannot be read loses only the cache — never anything outside its folder.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupCache } from '../../../../electron/core/downloads/backup-cache';
import { CACHE_FOLDER, safeFileName, safeSegment } from '../../../../electron/core/downloads/cache-index';
import { rdbLike } from './fake-storage';
import { downloadHarness, until } from './harness';

async function filled(cap: number) {
  const h = await downloadHarness({ capBytes: cap });
  for (const id of ['a', 'b', 'c']) {
    h.addBackup(id, [rdbLike(1000)]);
    expect((await h.download(id)).state).toBe('done');
    h.clock.t += 60_000;
  }
  return h;
}

/** A second cache over the same folder, as the app builds one at its next start. */
const reopened = (h: Awaited<ReturnType<typeof downloadHarness>>) =>
  new BackupCache({ userData: h.userData, capBytes: () => 1e6, now: () => 0, logger: h.logger });

const cached = async (h: Awaited<ReturnType<typeof downloadHarness>>) =>
  (await h.service.list()).entries.map((e) => e.backupId).sort();

describe('BackupCache', () => {
  it('evicts the least recently used backups first, only as many as needed', async () => {
    const h = await filled(3500);
    // Reading `a` makes it the most recent: `b` is now the oldest.
    await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'a');
    h.addBackup('d', [rdbLike(1000)]);
    expect((await h.download('d')).state).toBe('done');
    expect(await cached(h)).toEqual(['a', 'c', 'd']);
    expect((await h.service.list()).usedBytes).toBe(3000);
  });

  it('never evicts a backup in use: the next oldest goes instead', async () => {
    const h = await filled(3500);
    const release = h.service.pin(h.ref('a'));
    h.addBackup('d', [rdbLike(1000)]);
    expect((await h.download('d')).state).toBe('done');
    expect(await cached(h)).toEqual(['a', 'c', 'd']);
    release();
  });

  it('refuses a backup bigger than the cap before fetching a byte, and evicts nothing for it', async () => {
    const h = await filled(3500);
    h.addBackup('big', [rdbLike(4000)]);
    const requests = h.storage.requests.length;
    expect(await h.download('big')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_CACHE_FULL' });
    expect(h.storage.requests.length).toBe(requests);
    expect(await cached(h)).toEqual(['a', 'b', 'c']);
  });

  it('says the cache is full when everything else is in use', async () => {
    const h = await filled(3500);
    const releases = ['a', 'b', 'c'].map((id) => h.cache.pin(h.ref(id)));
    h.addBackup('d', [rdbLike(1000)]);
    expect(await h.download('d')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_CACHE_FULL' });
    expect(await cached(h)).toEqual(['a', 'b', 'c']);
    for (const release of releases) release();
  });

  it('counts what running downloads will still write: two at once cannot overrun the cap', async () => {
    // `a` holds after its first 4096 bytes; 3904 more will come, so 4000 for `b` would overrun 10000.
    const h = await downloadHarness({ capBytes: 10_000 });
    h.addBackup('a', [rdbLike(8000)]);
    h.addBackup('b', [rdbLike(4000)]);
    let release: () => void = () => undefined;
    h.storage.faults.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = await h.service.start(h.ref('a'));
    await until(() =>
      h.events.some((e) => e.backupId === 'a' && e.state === 'downloading' && e.bytes === 4096),
    );
    expect(await h.download('b')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_CACHE_FULL' });
    release();
    expect(await h.service.whenDone(first.downloadId)).toMatchObject({ state: 'done' });
    // Once `a` ended its reservation is gone; `b` then fits by evicting `a`, the least recently used.
    expect((await h.download('b')).state).toBe('done');
    expect(await cached(h)).toEqual(['b']);
  });

  it('a cancelled download stops counting what it would still have written', async () => {
    const h = await downloadHarness({ capBytes: 10_000 });
    h.addBackup('a', [rdbLike(8000)]);
    h.addBackup('b', [rdbLike(4000)]);
    h.storage.faults.hold = new Promise(() => undefined);
    const first = await h.service.start(h.ref('a'));
    await until(() =>
      h.events.some((e) => e.backupId === 'a' && e.state === 'downloading' && e.bytes === 4096),
    );
    h.service.cancel(first.downloadId);
    expect(await h.service.whenDone(first.downloadId)).toMatchObject({ state: 'cancelled' });
    // 4096 bytes of `a` kept for a resume, plus 4000 of `b`: both fit, nothing is evicted.
    expect((await h.download('b')).state).toBe('done');
    expect(await cached(h)).toEqual(['a', 'b']);
  });

  it('a lowered cap evicts at once, never the backup being downloaded, counting what it will still write', async () => {
    const h = await downloadHarness({ capBytes: 1e6 });
    for (const id of ['b', 'c']) {
      h.addBackup(id, [rdbLike(1000)]);
      expect((await h.download(id)).state).toBe('done');
      h.clock.t += 60_000;
    }
    h.addBackup('a', [rdbLike(8000)]);
    let release: () => void = () => undefined;
    h.storage.faults.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = await h.service.start(h.ref('a'));
    await until(() =>
      h.events.some((e) => e.backupId === 'a' && e.state === 'downloading' && e.bytes === 4096),
    );
    // 2000 cached + 4096 written + 3904 still to come = 10000: one backup must go, the oldest (`b`).
    h.state.cap = 9000;
    expect(await h.cache.fitCap()).toEqual({ evictedBackups: 1, freedBytes: 1000, overBytes: 0 });
    expect(await cached(h)).toEqual(['a', 'c']);
    // A cap below the running download alone: `c` goes, `a` stays and the cache says by how much it is over.
    h.state.cap = 5000;
    expect(await h.cache.fitCap()).toEqual({ evictedBackups: 1, freedBytes: 1000, overBytes: 3000 });
    release();
    expect(await h.service.whenDone(running.downloadId)).toMatchObject({ state: 'done' });
    expect(await cached(h)).toEqual(['a']);
    // Done and no longer in use, it goes at the next lowering.
    expect(await h.cache.fitCap()).toEqual({ evictedBackups: 1, freedBytes: 8000, overBytes: 0 });
  });

  it('"Delete downloaded backups" removes all but those in use, and says so', async () => {
    const h = await filled(1e6);
    const release = h.cache.pin(h.ref('b'));
    expect(await h.service.clear()).toEqual({ removedBackups: 2, freedBytes: 2000, keptInUse: 1 });
    expect(await cached(h)).toEqual(['b']);
    release();
    expect(await h.service.clear()).toMatchObject({ removedBackups: 1, keptInUse: 0 });
    const left = await readdir(join(h.userData, CACHE_FOLDER), { recursive: true });
    expect(left.filter((f) => f.endsWith('.rdb'))).toEqual([]);
  });

  it('a partial backup is not handed to the inspector', async () => {
    const h = await downloadHarness({ retries: 0 });
    h.addBackup('a', [rdbLike(10_000)]);
    h.storage.faults.cutAfter = 4096;
    expect((await h.download('a')).state).toBe('failed');
    expect(await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'a')).toBeNull();
  });

  it('keeps its bookkeeping across restarts, and empties itself if the index is unreadable', async () => {
    const h = await filled(1e6);
    const again = reopened(h);
    await again.load();
    expect(
      again
        .list()
        .map((e) => e.backupId)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(again.usedBytes()).toBe(3000);

    const outside = join(h.userData, 'keep-me.txt');
    await writeFile(outside, 'not the cache');
    await writeFile(
      join(h.userData, CACHE_FOLDER, 'index.json'),
      '{"version":1,"entries":[{"dir":"../.."}]}',
    );
    const damaged = reopened(h);
    await damaged.load();
    expect(damaged.list()).toEqual([]);
    expect(await readdir(h.userData)).toContain('keep-me.txt');
  });

  it('removes folders its index does not know, so they cannot escape the cap', async () => {
    const h = await filled(1e6);
    const stray = join(h.userData, CACHE_FOLDER, 'p1', 'ap-guangzhou', 'crs-abcd1234', 'lost');
    await mkdir(stray, { recursive: true });
    await writeFile(join(stray, 'x.rdb.part'), 'x');
    const again = reopened(h);
    await again.load();
    const left = await readdir(join(h.userData, CACHE_FOLDER, 'p1', 'ap-guangzhou', 'crs-abcd1234'));
    expect(left.sort()).toEqual(['a', 'b', 'c']);
  });

  it('an index entry pointing outside the cache folder is ignored', async () => {
    const h = await filled(1e6);
    const victim = join(h.userData, 'victim');
    await mkdir(victim);
    await writeFile(join(victim, 'x'), 'x');
    const index = {
      version: 1,
      entries: [
        {
          profileId: 'p1',
          region: 'r',
          instanceId: 'i',
          backupId: 'evil',
          dir: '../victim',
          files: [{ name: 'x', bytes: 1, complete: true }],
          encryption: 'no',
          createdAt: 0,
          lastUsedAt: 0,
        },
      ],
    };
    await writeFile(join(h.userData, CACHE_FOLDER, 'index.json'), JSON.stringify(index));
    const cache = reopened(h);
    expect(await cache.deleteAll()).toMatchObject({ removedBackups: 0 });
    expect(await readdir(victim)).toEqual(['x']);
  });

  it('sanitises names from ids and from the cloud', () => {
    expect(safeSegment('crs-abcd1234')).toBe('crs-abcd1234');
    expect(safeSegment('..')).toMatch(/^\.\.~[0-9a-f]{8}$/);
    expect(safeSegment('a/b')).toMatch(/^a_b~[0-9a-f]{8}$/);
    expect(safeSegment('a/b')).not.toBe(safeSegment('a_b'));
    expect(safeFileName('../../etc/passwd', 'f')).toBe('passwd');
    expect(safeFileName('..', 'fallback.rdb')).toBe('fallback.rdb');
    expect(safeFileName('x.rdb.part', 'fallback.rdb')).toBe('fallback.rdb');
  });
});
