// Encodings Redis 7.0 no longer writes (or does not write yet), built byte by byte: the reader must name
// each key's type and encoding and count its elements as LLEN/SCARD/ZCARD/HLEN/XLEN would.
import { describe, expect, it } from 'vitest';
import {
  blob,
  intStr,
  intset,
  len,
  listpack,
  RdbBuilder,
  str,
  u64le,
  ziplist,
  zipmap,
} from '../../support/rdb-builder.js';
import { byKey, readAll } from './rdb-read-helpers.js';

describe('legacy and newest encodings', () => {
  it('reads an RDB 6 file: zipmap, ziplists, intset, old text doubles, EXPIRETIME in seconds', async () => {
    const data = new RdbBuilder(6)
      .selectDb(0)
      .key(
        9,
        'zm',
        blob(
          zipmap([
            ['a', '1'],
            ['b', '2'],
            ['c', '3'],
          ]),
        ),
      )
      .key(10, 'zl', blob(ziplist(['x', 'y', 5, 300, 70000, 'z'.repeat(70)])))
      .key(12, 'zz', blob(ziplist(['m1', '1.5', 'm2', '2'])))
      .key(13, 'zh', blob(ziplist(['f1', 'v1', 'f2', 12])))
      .key(11, 'is', blob(intset([1, 2, 3, 4], 4)))
      .expireS(2_000_000_000)
      .key(3, 'oldz', [...len(3), ...str('a'), 3, ...[49, 46, 53], ...str('b'), 254, ...str('c'), 253])
      .selectDb(2)
      .key(0, 'n', intStr(-5))
      .end();
    const { summary, keys } = await readAll(data);
    expect(summary.rdbVersion).toBe(6);
    expect(summary.checksum).toBe('ok');
    const k = byKey(keys);
    expect(k.zm).toMatchObject({ type: 'hash', encoding: 'zipmap', elements: 3, db: 0 });
    expect(k.zl).toMatchObject({ type: 'list', encoding: 'ziplist', elements: 6 });
    expect(k.zz).toMatchObject({ type: 'zset', encoding: 'ziplist', elements: 2 });
    expect(k.zh).toMatchObject({ type: 'hash', encoding: 'ziplist', elements: 2 });
    expect(k.is).toMatchObject({ type: 'set', encoding: 'intset', elements: 4 });
    expect(k.oldz).toMatchObject({
      type: 'zset',
      encoding: 'skiplist',
      elements: 3,
      expireAtMs: 2_000_000_000_000,
    });
    expect(k.n).toMatchObject({ type: 'string', encoding: 'int', db: 2, elements: 1, expireAtMs: null });
  });

  it('counts quicklist 1 nodes (ziplists) and quicklist 2 nodes (plain and packed), LZF-compressed or not', async () => {
    const data = new RdbBuilder(9)
      .key(14, 'ql1', [
        ...len(2),
        ...blob(ziplist(['a', 'b', 'c'])),
        ...blob(ziplist(['d'.repeat(40), 'd'.repeat(40)]), true),
      ])
      .key(18, 'ql2', [
        ...len(3),
        ...len(2),
        ...blob(listpack(['a', 'b', 1, 2])),
        ...len(1),
        ...str('x'.repeat(100)),
        ...len(2),
        ...blob(listpack(Array.from({ length: 30 }, () => 'same')), true),
      ])
      .end();
    const k = byKey((await readAll(data)).keys);
    expect(k.ql1).toMatchObject({ type: 'list', encoding: 'quicklist', elements: 5 });
    expect(k.ql2).toMatchObject({ type: 'list', encoding: 'quicklist2', elements: 35 });
  });

  it('walks ziplists and listpacks whose header count saturated at 65535', async () => {
    const many = Array.from({ length: 70000 }, (_, i) => i % 100);
    const data = new RdbBuilder(10)
      .key(10, 'bigzl', blob(ziplist(many, 0xffff)))
      .key(20, 'biglp', blob(listpack(many, 0xffff)))
      .end();
    const k = byKey((await readAll(data, [4096])).keys);
    expect(k.bigzl?.elements).toBe(70000);
    expect(k.biglp?.elements).toBe(70000);
  });

  it('reads RDB 11 set listpacks and RDB 12 hashes with field TTLs (pre-GA and GA forms)', async () => {
    const data = new RdbBuilder(12)
      .key(20, 'slp', blob(listpack(['a', 'b', 'c'])))
      .key(25, 'hlx', [...u64le(1_700_000_000_000), ...blob(listpack(['f1', 'v1', 0, 'f2', 'v2', 1_000]))])
      .key(23, 'hlxpre', blob(listpack(['f1', 'v1', 0])))
      .key(24, 'hmeta', [
        ...u64le(1_700_000_000_000),
        ...len(3),
        ...len(0),
        ...str('a'),
        ...str('1'),
        ...len(5),
        ...str('b'),
        ...str('2'),
        ...len(0),
        ...str('c'),
        ...str('3'),
      ])
      .key(22, 'hmetapre', [
        ...len(2),
        ...len(0),
        ...str('a'),
        ...str('1'),
        ...len(1_700_000_000_000),
        ...str('b'),
        ...str('2'),
      ])
      .end();
    const k = byKey((await readAll(data)).keys);
    expect(k.slp).toMatchObject({ type: 'set', encoding: 'listpack', elements: 3 });
    expect(k.hlx).toMatchObject({ type: 'hash', encoding: 'listpack-ex', elements: 2 });
    expect(k.hlxpre).toMatchObject({ type: 'hash', encoding: 'listpack-ex', elements: 1 });
    expect(k.hmeta).toMatchObject({ type: 'hash', encoding: 'metadata', elements: 3 });
    expect(k.hmetapre).toMatchObject({ type: 'hash', encoding: 'metadata', elements: 2 });
  });

  it('reads a stream in layout 3 with a consumer group, PEL entries and consumers', async () => {
    const id = new Uint8Array(16);
    const data = new RdbBuilder(11)
      .key(21, 'st', [
        ...len(1),
        ...str(id),
        ...blob(listpack([1, 0, 2, 'f', 0, 0, 1, 'v', 3])),
        ...len(7), // length (XLEN)
        ...len(1_700_000_000_000),
        ...len(0), // last id
        ...len(1_699_000_000_000),
        ...len(0), // first id
        ...len(0),
        ...len(0), // max deleted id
        ...len(7), // entries added
        ...len(1), // one group
        ...str('g1'),
        ...len(1_700_000_000_000),
        ...len(0),
        ...len(7),
        ...len(1),
        ...Array(16).fill(1),
        ...u64le(1_700_000_000_000),
        ...len(2), // group PEL
        ...len(1),
        ...str('alice'),
        ...u64le(1),
        ...u64le(2),
        ...len(1),
        ...Array(16).fill(1), // consumer
      ])
      .end();
    const k = byKey((await readAll(data, [3, 5, 7])).keys);
    expect(k.st).toMatchObject({ type: 'stream', encoding: 'stream', elements: 7 });
  });

  it('skips a module value (type 7) through its opcodes and names the module; reads MODULE_AUX, FUNCTION2, SLOT_INFO, IDLE, FREQ', async () => {
    // Module id: 9 characters of 6 bits ("ReJSON-RL" is RedisJSON's type name) and a 10-bit version.
    const charset = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let id = 0n;
    for (const ch of 'ReJSON-RL') id = (id << 6n) | BigInt(charset.indexOf(ch));
    id = (id << 10n) | 3n;
    const idBytes = [0x81];
    for (let i = 7; i >= 0; i--) idBytes.push(Number((id >> BigInt(i * 8)) & 0xffn));
    const moduleBody = [
      ...len(2),
      ...len(7),
      ...len(5),
      ...str('{"a":1}'),
      ...len(4),
      ...u64le(0),
      ...len(3),
      0,
      0,
      0,
      0,
      ...len(0),
    ];
    const data = new RdbBuilder(10)
      .aux('redis-ver', '7.0.15')
      .aux('redis-bits', 64)
      .raw([247, ...idBytes, ...len(2), ...len(1), ...len(5), ...str('aux'), ...len(0)])
      .raw([245, ...str('#!lua name=lib\nredis.register_function("f", function() return 1 end)')])
      .raw([244, ...len(100), ...len(1), ...len(0)])
      .idle(42)
      .key(7, 'doc', [...idBytes, ...moduleBody])
      .freq(7)
      .key(0, 's', str('v'))
      .end();
    const { summary, keys } = await readAll(data, [2]);
    const k = byKey(keys);
    expect(k.doc).toMatchObject({ type: 'module', moduleName: 'ReJSON-RL', elements: 0, idleSeconds: 42 });
    expect(k.s).toMatchObject({ frequency: 7 });
    expect(k.s?.idleSeconds).toBeUndefined();
    expect(summary.aux).toMatchObject({ 'redis-ver': '7.0.15', 'redis-bits': '64' });
    expect(summary.functions).toBe(1);
    expect(summary.moduleAux).toEqual(['ReJSON-RL']);
  });

  it('reads Valkey 9 files: the VALKEY magic, RDB 80, hash type 22 with per-field expiries, SLOT_IMPORT', async () => {
    const data = new RdbBuilder(80, 'VALKEY')
      .aux('valkey-ver', '9.0.0')
      .raw([243, ...str('a'.repeat(40)), ...len(1), ...len(0), ...len(100)])
      .key(22, 'h2', [
        ...len(2),
        ...str('f'),
        ...str('v'),
        ...Array(8).fill(0xff) /* -1: no expiry */,
        ...str('g'),
        ...str('w'),
        ...u64le(1_800_000_000_000),
      ])
      .key(0, 'k', str('v'))
      .end();
    const { summary, keys } = await readAll(data);
    expect(summary.rdbVersion).toBe(80);
    expect(byKey(keys).h2).toMatchObject({ type: 'hash', encoding: 'hashtable', elements: 2 });
  });

  it('reads a pre-checksum RDB 4 file as having no checksum, and reports progress up to the last byte', async () => {
    const data = new RdbBuilder(4).key(0, 'k', str('v')).end('none');
    const progress: number[] = [];
    const { summary, keys } = await readAll(data, [3], { onProgress: (n) => progress.push(n) });
    expect(summary).toMatchObject({ rdbVersion: 4, checksum: 'absent', bytesRead: data.length, keys: 1 });
    expect(keys[0]?.key).toBe('k');
    expect(progress.at(-1)).toBe(data.length);
  });

  it('reports the checksum as disabled when the file carries zero, and EXPIRETIME_MS as given', async () => {
    const data = new RdbBuilder(7).expireMs(1_234_567_890_123).key(0, 'k', str('v')).end('zero');
    const { summary, keys } = await readAll(data);
    expect(summary.checksum).toBe('disabled');
    expect(keys[0]?.expireAtMs).toBe(1_234_567_890_123);
  });
});
