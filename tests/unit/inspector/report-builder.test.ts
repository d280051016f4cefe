import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../electron/core/inspector/report/report-builder';
import { entry, type FakeEntry, feed, summary } from '../../support/fake-rdb';

const NOW = Date.UTC(2026, 11, 1);
const MIN = 60_000;

function report(files: Record<string, readonly FakeEntry[]>, options: Partial<{ separators: string }> = {}) {
  const builder = new ReportBuilder({ referenceMs: NOW, ...options });
  for (const [file, entries] of Object.entries(files)) {
    builder.startFile(file);
    builder.endFile(feed(entries, builder.add));
  }
  return builder.build();
}

describe('report builder', () => {
  it('counts keys, expires and already-expired per database against the reference moment', () => {
    const r = report({
      'a.rdb': [
        { key: 'a', db: 0 },
        { key: 'b', db: 0, expireAtMs: NOW - 1 },
        { key: 'c', db: 0, expireAtMs: NOW },
        { key: 'd', db: 3, expireAtMs: NOW + 10 * MIN, bytes: 30 },
      ],
    });
    expect(r.keys).toBe(4);
    expect(r.expires).toBe(3);
    // Expired means strictly before the moment, as Redis drops keys on load.
    expect(r.alreadyExpired).toBe(1);
    expect(r.databases).toEqual({
      '0': { keys: 3, expires: 2, alreadyExpired: 1, bytes: 30 },
      '3': { keys: 1, expires: 1, alreadyExpired: 0, bytes: 30 },
    });
    expect(r.ttl.map((b) => [b.bucket, b.keys])).toEqual([
      ['expired', 1],
      ['lt1m', 1],
      ['lt1h', 1],
      ['lt1d', 0],
      ['lt7d', 0],
      ['lt30d', 0],
      ['longer', 0],
      ['none', 1],
    ]);
  });

  it('sums types and encodings, with an estimate that grows with per-element structures', () => {
    const r = report({
      'a.rdb': [
        { key: 'h1', type: 'hash', encoding: 'listpack', elements: 10, bytes: 100 },
        { key: 'h2', type: 'hash', encoding: 'hashtable', elements: 10, bytes: 100 },
        { key: 's', type: 'string', encoding: 'int', elements: 1, bytes: 5 },
      ],
    });
    expect(r.types.hash).toMatchObject({ keys: 2, bytes: 200, elements: 20 });
    expect(r.types.string).toMatchObject({ keys: 1, bytes: 5, elements: 1 });
    expect(r.types.zset).toEqual({ keys: 0, bytes: 0, elements: 0, estimatedMemory: 0 });
    expect(r.encodings.map((e) => `${e.type}/${e.encoding}:${e.keys}`)).toEqual([
      'hash/hashtable:1',
      'hash/listpack:1',
      'string/int:1',
    ]);
    const only = (enc: string) =>
      report({ f: [{ key: 'h', type: 'hash', encoding: enc, elements: 10, bytes: 100 }] }).types.hash
        .estimatedMemory;
    expect(only('hashtable')).toBeGreaterThan(only('listpack'));
  });

  it('keeps the 100 biggest keys, biggest first, whatever the file order', () => {
    const entries: FakeEntry[] = [];
    for (let i = 0; i < 1000; i++) entries.push({ key: `k${i}`, bytes: (i * 7919) % 1000, elements: i });
    const r = report({ 'a.rdb': entries });
    expect(r.bigKeys).toHaveLength(100);
    expect(r.bigKeys[0]?.bytes).toBe(999);
    expect(r.bigKeys[99]?.bytes).toBe(900);
    const sizes = r.bigKeys.map((k) => k.bytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('shows binary keys escaped as redis-cli does', () => {
    const r = report({ 'a.rdb': [{ key: Uint8Array.from([0xff, 0x61, 0x0a]), bytes: 50 }] });
    expect(r.bigKeys[0]?.key).toBe('"\\xffa\\n"');
  });

  it('builds a prefix tree with exact counts, configurable separators and a folded long tail', () => {
    const entries: FakeEntry[] = [
      { key: 'user:1:name', bytes: 10 },
      { key: 'user:2:name', bytes: 10 },
      { key: 'user:3/x', bytes: 10 },
      { key: 'session|a', bytes: 5 },
      { key: 'plain', bytes: 1 },
    ];
    const r = report({ 'a.rdb': entries });
    const byPrefix = Object.fromEntries(r.prefixTree.nodes.map((n) => [n.prefix, n]));
    expect(byPrefix['user:']).toMatchObject({ depth: 1, keys: 3, bytes: 30 });
    expect(byPrefix['user:1:']).toMatchObject({ depth: 2, keys: 1 });
    expect(byPrefix['user:3/']).toMatchObject({ depth: 2, keys: 1 });
    expect(byPrefix['session|']).toMatchObject({ keys: 1, bytes: 5 });
    expect(r.prefixTree.unprefixedKeys).toBe(1);

    const colonOnly = report({ 'a.rdb': entries }, { separators: ':' });
    expect(colonOnly.prefixTree.nodes.map((n) => n.prefix)).not.toContain('session|');

    const capped = new ReportBuilder({ referenceMs: NOW, prefixTree: { perNodeCap: 2 } });
    capped.startFile('a.rdb');
    capped.endFile(feed(entries, capped.add));
    const tree = capped.build().prefixTree;
    const user = tree.nodes.find((n) => n.prefix === 'user:');
    // Three ids under user:, two get nodes, the third is counted (exactly) in user:'s other figures.
    expect(user).toMatchObject({ keys: 3, otherKeys: 1, otherBytes: 10 });
    expect(tree.capped).toBe(true);
    expect(tree.nodes.filter((n) => n.depth === 2)).toHaveLength(2);
  });

  it('makes one report of several files with a line per shard', () => {
    const builder = new ReportBuilder({ referenceMs: NOW });
    builder.startFile('shard-0.rdb');
    builder.add(entry({ key: 'a', bytes: 4 }));
    builder.endFile(summary(1, { rdbVersion: 9, aux: { 'redis-ver': '5.0.5' } }));
    builder.startFile('shard-1.rdb');
    builder.add(entry({ key: 'b', expireAtMs: NOW + 1 }));
    builder.add(entry({ key: 'c' }));
    builder.endFile(summary(2, { rdbVersion: 10, checksum: 'disabled', aux: {} }));
    const r = builder.build();
    expect(r.files).toBe(2);
    expect(r.keys).toBe(3);
    expect(r.rdbVersion).toBe(10);
    expect(r.shards).toEqual([
      expect.objectContaining({ file: 'shard-0.rdb', keys: 1, rdbVersion: 9, redisVersion: '5.0.5' }),
      expect.objectContaining({ file: 'shard-1.rdb', keys: 2, expires: 1, checksum: 'disabled' }),
    ]);
    expect(r.shards[1]).not.toHaveProperty('redisVersion');
  });

  it('refuses a file whose summary disagrees with the keys handed out', () => {
    const builder = new ReportBuilder({ referenceMs: NOW });
    builder.startFile('a.rdb');
    builder.add(entry({ key: 'a' }));
    expect(() => builder.endFile(summary(2))).toThrow(/2 keys but handed out 1/);
  });
});
