import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BackupFileError, shardsOfFile } from '../../../electron/core/inspector/files/backup-files';
import { readBackup } from '../../../electron/core/inspector/files/read-backup';
import { RdbFormatError, type ReadRdb } from '../../../electron/core/inspector/rdb/rdb-types';
import { fakeReader } from '../../support/fake-rdb';

const dir = () => mkdtempSync(join(tmpdir(), 'crs-inspect-files-'));

async function shards(path: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for await (const shard of shardsOfFile(path)) {
    let text = '';
    for await (const chunk of shard.bytes) text += new TextDecoder().decode(chunk);
    out.push([shard.name, text]);
  }
  return out;
}

/** A tar of RDB-looking members plus one that is not an RDB, written by the system's tar. */
function tarOf(root: string, members: Record<string, string>): string {
  const src = join(root, 'src');
  mkdirSync(src, { recursive: true });
  for (const [name, content] of Object.entries(members)) writeFileSync(join(src, name), content);
  const tar = join(root, 'backup.tar');
  execFileSync('tar', ['-cf', tar, '-C', src, ...Object.keys(members)]);
  return tar;
}

describe('backup files', () => {
  it('reads a plain RDB, a gzip of one, a tar of several and a tar.gz, told by their bytes', async () => {
    const root = dir();
    const plain = join(root, 'a.rdb');
    writeFileSync(plain, 'REDIS0011 plain');
    expect(await shards(plain)).toEqual([['a.rdb', 'REDIS0011 plain']]);

    const gz = join(root, 'b.rdb.gz');
    writeFileSync(gz, gzipSync(Buffer.from('REDIS0011 zipped')));
    expect(await shards(gz)).toEqual([['b.rdb', 'REDIS0011 zipped']]);

    const big = `REDIS0011 ${'x'.repeat(3000)}`;
    const tar = tarOf(root, {
      'shard-1.rdb': 'REDIS0011 one',
      'README.txt': 'not an rdb',
      'shard-2.rdb': big,
    });
    expect(await shards(tar)).toEqual([
      ['shard-1.rdb', 'REDIS0011 one'],
      ['shard-2.rdb', big],
    ]);

    const tgz = join(root, 'backup.tar.gz');
    writeFileSync(tgz, execFileSync('gzip', ['-c', tar]));
    expect((await shards(tgz)).map(([name]) => name)).toEqual(['shard-1.rdb', 'shard-2.rdb']);
  });

  it('refuses what is none of those, an archive without an RDB and a truncated archive', async () => {
    const root = dir();
    const junk = join(root, 'junk.rdb');
    writeFileSync(junk, 'hello world');
    await expect(shards(junk)).rejects.toThrow(/not an RDB file, a tar archive or a gzip file/);

    const noRdb = tarOf(root, { 'README.txt': 'nothing here' });
    await expect(shards(noRdb)).rejects.toThrow(/holds no RDB/);

    const whole = tarOf(dir(), { 'a.rdb': `REDIS0011 ${'y'.repeat(2000)}` });
    const cut = join(root, 'cut.tar');
    writeFileSync(cut, (await import('node:fs')).readFileSync(whole).subarray(0, 1200));
    await expect(shards(cut)).rejects.toBeInstanceOf(BackupFileError);

    const badGz = join(root, 'bad.gz');
    writeFileSync(badGz, Buffer.concat([gzipSync(Buffer.from('REDIS0011 ok')).subarray(0, 12)]));
    await expect(shards(badGz)).rejects.toThrow();
  });

  it('reads a backup of several files through the reader, naming the file of a format error', async () => {
    const root = dir();
    writeFileSync(join(root, 'one.rdb'), 'REDIS one');
    writeFileSync(join(root, 'two.rdb'), 'REDIS two');
    const reader = fakeReader({ 'REDIS one': [{ key: 'a' }], 'REDIS two': [{ key: 'b' }, { key: 'c' }] });
    const seen: string[] = [];
    const files: string[] = [];
    const result = await readBackup([join(root, 'one.rdb'), join(root, 'two.rdb')], reader, {
      startFile: (name) => files.push(name),
      onKey: (e) => seen.push(new TextDecoder().decode(e.key)),
      endFile: () => undefined,
    });
    expect(result.shards).toBe(2);
    expect(files).toEqual(['one.rdb', 'two.rdb']);
    expect(seen).toEqual(['a', 'b', 'c']);

    const failing: ReadRdb = async () => {
      throw new RdbFormatError(42, 'a type byte');
    };
    await expect(
      readBackup([join(root, 'two.rdb')], failing, {
        startFile: () => undefined,
        onKey: () => undefined,
        endFile: () => undefined,
      }),
    ).rejects.toThrow(/two\.rdb: RDB format error at byte 42: expected a type byte/);
    await expect(
      readBackup([join(root, 'gone.rdb')], reader, {
        startFile: () => undefined,
        onKey: () => undefined,
        endFile: () => undefined,
      }),
    ).rejects.toThrow(/no such file/);
  });
});
