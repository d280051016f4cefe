/**
 * Encrypted backups (DescribeBackupDetail: Encrypted, DecryptKey, KeyAlgorithm AES-256-CBC) are decrypted
 * while they stream, resume mid-file, and fail clearly — leaving nothing decrypted behind — with a wrong key
 * or algorithm. The key never reaches the log, an event or the disk.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FOLDER } from '../../../../electron/core/downloads/cache-index';
import { rdbLike } from './fake-storage';
import { downloadHarness, encrypt } from './harness';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('encrypted backups', () => {
  const key = randomBytes(32);
  const detail = { encrypted: true, keyAlgorithm: 'AES-256-CBC', decryptKey: key.toString('base64') };

  it('are decrypted while streaming, also across a resumed cut in the middle of a block', async () => {
    const h = await downloadHarness();
    const plain = rdbLike(50_001, 3);
    h.addBackup('b1', [encrypt(plain, key)], { detail });
    h.storage.faults.cutAfter = 20_000 + 7;
    const last = await h.download('b1');
    expect(last).toMatchObject({ state: 'done', encryption: 'decrypted' });
    const [path] = (await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'b1')) ?? [];
    expect(await readFile(path as string)).toEqual(plain);
    // Resumed at a block boundary of what was decrypted, whose preceding block is the chaining IV.
    const resumed = h.storage.requests[1]?.range;
    expect(resumed).toMatch(/^bytes=\d+-$/);
    expect(Number(resumed?.slice(6, -1)) % 16).toBe(0);
    const everything = [
      h.logger.lines.join('\n'),
      JSON.stringify(h.events),
      ...(await Promise.all(
        (await filesUnder(join(h.userData, CACHE_FOLDER))).map((f) => readFile(f, 'latin1')),
      )),
    ].join('\n');
    expect(everything).not.toContain(key.toString('base64'));
    expect(everything).not.toContain(key.toString('hex'));
    expect(everything).not.toContain(key.toString('latin1'));
  });

  it('decide by content when the answer has a key but no Encrypted field (the official example)', async () => {
    const h = await downloadHarness();
    const plain = rdbLike(9000, 4);
    h.addBackup('enc', [encrypt(plain, key)], { detail: { decryptKey: key.toString('base64') } });
    h.addBackup('clear', [plain], { detail: { decryptKey: key.toString('base64') } });
    expect(await h.download('enc')).toMatchObject({ state: 'done', encryption: 'decrypted' });
    expect(await h.download('clear')).toMatchObject({ state: 'done', encryption: 'no' });
    for (const id of ['enc', 'clear']) {
      const [path] = (await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', id)) ?? [];
      expect(await readFile(path as string), id).toEqual(plain);
    }
  });

  it('a wrong key fails with BACKUP_DECRYPT_FAILED and leaves no decrypted bytes on disk', async () => {
    const h = await downloadHarness();
    h.addBackup('b1', [encrypt(rdbLike(40_000), key)], {
      detail: { ...detail, decryptKey: randomBytes(32).toString('base64') },
    });
    const last = await h.download('b1');
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DECRYPT_FAILED' });
    const left = await filesUnder(join(h.userData, CACHE_FOLDER));
    expect(left.filter((f) => !f.endsWith('index.json'))).toEqual([]);
    // Told from the first blocks, not after the whole file.
    expect(h.storage.requests).toHaveLength(1);
  });

  it('an unknown algorithm or a malformed key fails before any byte is fetched', async () => {
    const h = await downloadHarness();
    h.addBackup('alg', [encrypt(rdbLike(1000), key)], { detail: { ...detail, keyAlgorithm: 'SM4-CBC' } });
    h.addBackup('fmt', [encrypt(rdbLike(1000), key)], { detail: { ...detail, decryptKey: 'not-a-key' } });
    for (const id of ['alg', 'fmt']) {
      expect(await h.download(id), id).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DECRYPT_FAILED' });
    }
    expect(h.storage.requests).toHaveLength(0);
    expect(h.logger.lines.join('\n')).not.toContain('not-a-key');
  });
});
