/**
 * Lowering the backup cache cap evicts at once, through the real core and its guard: `settings:update` answers
 * after the least recently used backups are deleted from disk, never one in use, and `backup:downloads` then
 * tells the new usage. The cache holds real files in a temp user-data folder (sparse, so gigabytes cost no
 * disk), described by an index as a previous run of the app left it.
 */
import { mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FOLDER } from '../../../electron/core/downloads/cache-index';
import { type Harness, startHarness } from '../../support/core-harness';

const GB = 1e9;
const ref = (backupId: string) => ({
  profileId: 'p-old',
  region: 'ap-guangzhou',
  instanceId: 'crs-cap00001',
  backupId,
});
// Oldest use first: `a` was used longest ago.
const BACKUPS = [
  { id: 'a', bytes: 0.9 * GB, lastUsedAt: 1_000 },
  { id: 'b', bytes: 0.8 * GB, lastUsedAt: 2_000 },
  { id: 'c', bytes: 0.7 * GB, lastUsedAt: 3_000 },
  { id: 'd', bytes: 0.6 * GB, lastUsedAt: 4_000 },
];

let h: Harness;
let root: string;

/** A sparse file of `bytes` bytes: real on disk for stat and rm, without writing them. */
async function sparse(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  await handle.truncate(bytes);
  await handle.close();
}

beforeAll(async () => {
  h = await startHarness();
  root = join(h.userData, CACHE_FOLDER);
  const entries = [];
  for (const b of BACKUPS) {
    const dir = join('p-old', 'ap-guangzhou', 'crs-cap00001', b.id);
    await mkdir(join(root, dir), { recursive: true, mode: 0o700 });
    await sparse(join(root, dir, 'shard-1.rdb'), b.bytes);
    entries.push({
      ...ref(b.id),
      dir,
      files: [{ name: 'shard-1.rdb', bytes: b.bytes, complete: true }],
      encryption: 'no',
      createdAt: b.lastUsedAt,
      lastUsedAt: b.lastUsedAt,
    });
  }
  await writeFile(join(root, 'index.json'), JSON.stringify({ version: 1, entries }), { mode: 0o600 });
});
afterAll(async () => {
  await h?.close();
});

const onDisk = async () => (await readdir(join(root, 'p-old', 'ap-guangzhou', 'crs-cap00001'))).sort();

describe('lowering the backup cache cap', () => {
  it('keeps everything while the cap is not lowered below what the cache holds', async () => {
    const before = await h.value('backup:downloads', {});
    expect(before.usedBytes).toBe(3 * GB);
    await h.value('settings:update', { backupCacheGb: 4 });
    expect(await onDisk()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('evicts the least recently used at once, skips one being read, and tells the new usage', async () => {
    // `a`, the oldest, is being read (an inspection holds it): `b` and `c` go instead.
    const release = h.core.downloads.pin(ref('a'));
    await h.value('settings:update', { backupCacheGb: 2 });
    expect(await onDisk()).toEqual(['a', 'd']);
    const list = await h.value('backup:downloads', {});
    expect(list).toMatchObject({ usedBytes: 1.5 * GB, capBytes: 2 * GB });
    expect(list.entries.map((e) => e.backupId).sort()).toEqual(['a', 'd']);
    // The index on disk agrees, so a restart does not bring the evicted backups back.
    const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
      entries: Array<{ backupId: string }>;
    };
    expect(index.entries.map((e) => e.backupId).sort()).toEqual(['a', 'd']);

    // Still in use, `a` stays even when the cap leaves no room for it; the window is told the cache is over.
    await h.value('settings:update', { backupCacheGb: 1 });
    expect(await onDisk()).toEqual(['a']);
    expect(await h.value('backup:downloads', {})).toMatchObject({ usedBytes: 0.9 * GB, capBytes: GB });
    release();
    expect((await stat(join(root, 'p-old', 'ap-guangzhou', 'crs-cap00001', 'a', 'shard-1.rdb'))).size).toBe(
      0.9 * GB,
    );
  });
});
