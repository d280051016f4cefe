import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffBackups } from '../../../electron/core/inspector/diff/backup-diff';
import { findKeys } from '../../../electron/core/inspector/find/key-finder';
import type { ReadRdb } from '../../../electron/core/inspector/rdb/rdb-types';
import { type FakeEntry, fakeReader } from '../../support/fake-rdb';

const NOW = Date.UTC(2026, 11, 1);
const b = (s: string) => new TextEncoder().encode(s);

/** Writes one file per backup whose bytes name it for the fake reader. */
function backups(files: Record<string, readonly FakeEntry[]>) {
  const root = mkdtempSync(join(tmpdir(), 'crs-inspect-fd-'));
  const content: Record<string, readonly FakeEntry[]> = {};
  const refs: Record<string, { label: string; paths: string[] }> = {};
  for (const [label, entries] of Object.entries(files)) {
    const path = join(root, `${label}.rdb`);
    writeFileSync(path, `REDIS ${label}`);
    content[`REDIS ${label}`] = entries;
    refs[label] = { label, paths: [path] };
  }
  const ref = (label: string) => {
    const found = refs[label];
    if (!found) throw new Error(`no backup ${label}`);
    return found;
  };
  return { reader: fakeReader(content), ref };
}

describe('find', () => {
  const { reader, ref } = backups({
    old: [
      { key: 'user:42:name', type: 'string', bytes: 20, expireAtMs: NOW + 5000 },
      { key: 'user:42:cart', type: 'list', elements: 3, bytes: 40 },
      { key: 'user:7:name', bytes: 10 },
    ],
    new: [
      { key: 'user:42:name', type: 'string', bytes: 99 },
      { key: 'user:42:name', db: 1, bytes: 5 },
    ],
  });

  it('finds by glob across backups, one row per key with every backup holding it', async () => {
    const r = await findKeys(reader, [ref('old'), ref('new')], {
      pattern: b('user:42:*'),
      glob: true,
      limit: 10,
      referenceMs: NOW,
    });
    expect(r.matches.map((m) => [m.db, m.key, m.backups])).toEqual([
      [0, 'user:42:cart', ['old']],
      [0, 'user:42:name', ['old', 'new']],
      [1, 'user:42:name', ['new']],
    ]);
    const name = r.matches.find((m) => m.key === 'user:42:name' && m.db === 0);
    // Figures of the first backup searched that holds it; TTL relative to the reference moment.
    expect(name).toMatchObject({ bytes: 20, ttlMs: 5000, type: 'string' });
    expect(r.matches.find((m) => m.key === 'user:42:cart')).toMatchObject({ ttlMs: null, elements: 3 });
    expect(r.matched).toBe(4);
    expect(r.truncated).toBe(false);
  });

  it('treats an exact name literally and says when it stopped at the limit', async () => {
    const exact = await findKeys(reader, [ref('old')], {
      pattern: b('user:*'),
      glob: false,
      limit: 10,
      referenceMs: NOW,
    });
    expect(exact.matches).toEqual([]);
    const limited = await findKeys(reader, [ref('old')], {
      pattern: b('user:*'),
      glob: true,
      limit: 2,
      referenceMs: NOW,
    });
    expect(limited.matches).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    expect(limited.matched).toBe(3);
  });
});

describe('diff', () => {
  it('counts added, removed, changed and unchanged keys per prefix, with samples', async () => {
    const { reader, ref } = backups({
      chosen: [
        { key: 'user:1', valueHash: '0000000000000001' },
        { key: 'user:2', valueHash: '0000000000000002' },
        { key: 'order:9', valueHash: '0000000000000009' },
        { key: 'plain', valueHash: '00000000000000aa' },
      ],
      newest: [
        { key: 'user:1', valueHash: '0000000000000001' },
        { key: 'user:2', valueHash: 'ffff000000000002' },
        { key: 'user:3', valueHash: '0000000000000003' },
        { key: 'plain', db: 2, valueHash: '00000000000000aa' },
      ],
    });
    const d = await diffBackups(reader, ref('chosen'), ref('newest'));
    expect(d).toMatchObject({ added: 2, removed: 2, changed: 1, unchanged: 1 });
    expect(d.wouldLose).toEqual({ missingKeys: 2, changedKeys: 1 });
    const row = (p: string) => d.byPrefix.find((r) => r.prefix === p);
    expect(row('user:')).toEqual({ prefix: 'user:', added: 1, removed: 0, changed: 1, unchanged: 1 });
    expect(row('order:')).toMatchObject({ removed: 1 });
    // The same name in another database is another key.
    expect(row('(none)')).toMatchObject({ added: 1, removed: 1 });
    expect(d.samples.added).toEqual([
      { db: 0, key: 'user:3' },
      { db: 2, key: 'plain' },
    ]);
    expect(d.samples.changed).toEqual([{ db: 0, key: 'user:2' }]);
    expect(d.samples.removed.map((s) => s.key).sort()).toEqual(['order:9', 'plain']);
  });

  it('names removed keys beyond its kept sample with a partial pass that stops when it has enough', async () => {
    const chosen: FakeEntry[] = [];
    for (let i = 0; i < 3000; i++) chosen.push({ key: `k:${i}`, valueHash: '0000000000000000' });
    const newest = chosen.filter((_, i) => i !== 2500);
    const { reader, ref } = backups({ chosen, newest });
    const keysPerPass: number[] = [];
    const counting: ReadRdb = (source, onKey, options) => {
      keysPerPass.push(0);
      return reader(
        source,
        (e) => {
          keysPerPass[keysPerPass.length - 1] = (keysPerPass.at(-1) ?? 0) + 1;
          onKey(e);
        },
        options,
      );
    };
    const d = await diffBackups(counting, ref('chosen'), ref('newest'), { samples: 1, reservoir: 0 });
    expect(d.removed).toBe(1);
    expect(d.samples.removed).toEqual([{ db: 0, key: 'k:2500' }]);
    expect(d.unchanged).toBe(2999);
    // The third pass stopped right after the key it needed.
    expect(keysPerPass).toEqual([3000, 2999, 2501]);
  });

  it('refuses to compare when the reader gives no value hashes', async () => {
    const { reader, ref } = backups({ a: [{ key: 'x' }], b: [{ key: 'x' }] });
    await expect(diffBackups(reader, ref('a'), ref('b'))).rejects.toThrow(/did not hash/);
  });
});
