import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffBackups } from '../../../electron/core/inspector/diff/backup-diff';
import { BackupFileError } from '../../../electron/core/inspector/files/backup-files';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader';
import { fakeReader } from '../../support/fake-rdb';
import { RdbBuilder, str } from '../../support/rdb-builder';

const dir = mkdtempSync(join(tmpdir(), 'crs-diff-threads-'));

/** A backup of string keys `p<i % prefixes>:<i>` for the given indices, with values from `value`. */
function rdbFile(name: string, indices: number[], value: (i: number) => string, prefixes = 7): string {
  const b = new RdbBuilder(10).selectDb(0);
  for (const i of indices) b.key(0, `p${i % prefixes}:${i}`, str(value(i)));
  const path = join(dir, `${name}.rdb`);
  writeFileSync(path, b.end());
  return path;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
// The base has 6,000 keys; the other drops every 997th, changes every 499th and adds 40 past the end, so
// that added keys come late in its stream and removed ones are rare (both need the partial reads).
const basePath = rdbFile('base', range(6000), (i) => `v${i}`);
const otherPath = rdbFile(
  'other',
  [...range(6000).filter((i) => i % 997 !== 5), ...range(40).map((i) => 6000 + i)],
  (i) => (i % 499 === 3 ? `changed${i}` : `v${i}`),
);
const base = { label: 'base', paths: [basePath] };
const other = { label: 'other', paths: [otherPath] };

function script(name: string, code: string): URL {
  const path = join(dir, name);
  writeFileSync(path, code);
  return pathToFileURL(path);
}

// Each worker loads the reader from its TypeScript source through tsx: seconds on a busy machine.
describe('diff in worker threads', { timeout: 60_000 }, () => {
  it('gives the same result as a diff in this thread, whatever the kept names', async () => {
    const here = await diffBackups(readRdb, base, other, { threads: false });
    expect(here).toMatchObject({ added: 40, removed: 7, changed: 12, unchanged: 5981 });
    expect(await diffBackups(readRdb, base, other, { threads: true })).toEqual(here);
    // No names kept: every sample comes from a partial read, and still the same ones.
    const bare = await diffBackups(readRdb, base, other, { threads: true, firstNames: 0, reservoir: 0 });
    expect(bare).toEqual(here);
    expect(here.samples.added[0]).toEqual({ db: 0, key: 'p1:6000' });
  });

  it('numbers prefixes as one reader of both would, under a cap', async () => {
    const a = { label: 'a', paths: [rdbFile('pa', [1, 2, 3, 4], (i) => `${i}`, 5)] };
    const b = { label: 'b', paths: [rdbFile('pb', [10, 7, 5, 3, 1], (i) => `${i}`, 11)] };
    const options = { maxPrefixes: 5 };
    const here = await diffBackups(readRdb, a, b, { ...options, threads: false });
    expect(await diffBackups(readRdb, a, b, { ...options, threads: true })).toEqual(here);
    expect(here.byPrefix.map((r) => r.prefix).sort()).toEqual([
      '(other)',
      'p10:',
      'p1:',
      'p2:',
      'p3:',
      'p4:',
    ]);
  });

  it('fails with the read error of the file, not a hang, when a worker cannot read its backup', async () => {
    const broken = join(dir, 'broken.rdb');
    writeFileSync(broken, 'REDIS0010 this is not an RDB');
    const error = await diffBackups(readRdb, base, { label: 'x', paths: [broken] }, { threads: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as Error).message).toMatch(/^broken\.rdb: /);
  });

  it('fails clearly when a worker throws or stops without an answer', async () => {
    const throwing = script('throws.mjs', "throw new Error('boom');\n");
    await expect(diffBackups(readRdb, base, other, { workerEntry: throwing })).rejects.toThrow(
      /diff's worker failed: boom/,
    );
    const exiting = script('exits.mjs', 'process.exit(3);\n');
    await expect(diffBackups(readRdb, base, other, { workerEntry: exiting })).rejects.toThrow(
      /worker stopped \(exit code 3\)/,
    );
  });

  it('stops its workers when cancelled', async () => {
    const hanging = script('hangs.mjs', 'setInterval(() => {}, 1000);\n');
    const stop = new AbortController();
    const pending = diffBackups(readRdb, base, other, { workerEntry: hanging, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses threads with a reader other than the app’s', async () => {
    await expect(diffBackups(fakeReader({}), base, other, { threads: true })).rejects.toThrow(
      /app’s RDB reader/,
    );
  });
});
