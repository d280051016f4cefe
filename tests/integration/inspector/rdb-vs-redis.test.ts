// The reader against the real thing: a redis-server 7.0 (RDB 10) holding every type in small and large
// encodings, expiries, several databases, a stream with groups and pending entries, binary keys and big
// strings; its dump is read and compared with what redis itself answers on the same data.

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import type { RdbKeyEntry, RdbSummary } from '../../../electron/core/inspector/rdb/rdb-types.js';
import { type Reply, startRedis, type TestRedis } from '../../support/redis-rdb.js';

const LENGTH_COMMAND: Record<string, string> = {
  list: 'LLEN',
  set: 'SCARD',
  zset: 'ZCARD',
  hash: 'HLEN',
  stream: 'XLEN',
};

let redis: TestRedis;
let summary: RdbSummary;
let fileSize = 0;
const seen = new Map<string, Omit<RdbKeyEntry, 'key'> & { key: Buffer }>();
const name = (db: number, key: Buffer) => `${db}:${key.toString('hex')}`;

async function populate(r: TestRedis): Promise<void> {
  const c = r.call;
  await c('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1000');
  await c('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
  await c('SELECT', 0);
  await c('SET', 'str:int', '12345');
  await c('SET', 'str:bigint', '123456789012345');
  await c('SET', 'str:raw', 'hello');
  await c('SET', 'str:lzf', 'a'.repeat(5000));
  await c('SET', 'str:random', randomBytes(3000));
  await c('SET', 'str:huge-random', randomBytes(3 << 20));
  await c('SET', 'str:huge-lzf', 'xyz'.repeat(1 << 20));
  await c('RPUSH', 'list:small', 'a', 'b', 'c', '1', '2');
  const many = Array.from({ length: 20_000 }, (_, i) => `element-${i}`);
  await c('RPUSH', 'list:big', ...many);
  await c('RPUSH', 'list:plain', 'x'.repeat(5000), 'small', 'y'.repeat(4000));
  await c('SADD', 'set:intset', 1, 2, 3, 400, 70000);
  await c('SADD', 'set:ints-big', ...Array.from({ length: 600 }, (_, i) => i));
  await c('SADD', 'set:strings', 'a', 'b', 'c');
  await c('ZADD', 'zset:small', 1, 'one', 2.5, 'two', -3, 'three');
  await c('ZADD', 'zset:big', ...Array.from({ length: 300 }, (_, i) => [i / 3, `member-${i}`]).flat());
  await c('HSET', 'hash:small', 'f1', 'v1', 'f2', '2');
  await c('HSET', 'hash:big', ...Array.from({ length: 500 }, (_, i) => [`field-${i}`, `value-${i}`]).flat());
  await c('HSET', 'hash:long-value', 'f', 'v'.repeat(100));
  for (let i = 0; i < 150; i++) await c('XADD', 'stream:s', '*', 'n', i, 'payload', 'p'.repeat(i % 20));
  await c('XGROUP', 'CREATE', 'stream:s', 'g1', '0');
  await c('XGROUP', 'CREATE', 'stream:s', 'g2', '$');
  await c('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', 10, 'STREAMS', 'stream:s', '>');
  await c('XREADGROUP', 'GROUP', 'g1', 'bob', 'COUNT', 5, 'STREAMS', 'stream:s', '>');
  await c(
    'XDEL',
    'stream:s',
    (((await c('XRANGE', 'stream:s', '-', '+', 'COUNT', 1)) as Reply[])[0] as Reply[])[0] as Buffer,
  );
  await c('SET', Buffer.from([0x00, 0xff, 0x80, 0x41]), 'binary key');
  await c('HSET', Buffer.from([0xc3, 0x28, 0x0a]), 'f', 'v');
  await c('SET', 'ttl:ms', 'v', 'PX', 3_600_000);
  await c('SET', 'ttl:s', 'v');
  await c('EXPIREAT', 'ttl:s', Math.floor(Date.now() / 1000) + 86_400);
  await c('SET', 'ttl:past', 'v', 'PX', 1);
  await c('RPUSH', 'ttl:list', 'a', 'b');
  await c('PEXPIRE', 'ttl:list', 10_000_000);
  await c('FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('one', function() return 1 end)");
  await c('SELECT', 1);
  await c('DEBUG', 'POPULATE', 2000, 'pop', 16);
  await c('SELECT', 5);
  await c('SET', 'db5:only', 'x');
  await c('SADD', 'db5:set', 'm');
  await new Promise((res) => setTimeout(res, 20));
}

describe('the RDB reader against redis-server', () => {
  beforeAll(async () => {
    // Thresholds pinned: distributions patch the defaults (Debian ships hash-max-listpack-entries 512).
    redis = await startRedis([
      '--hash-max-listpack-entries',
      '128',
      '--zset-max-listpack-entries',
      '128',
      '--set-max-intset-entries',
      '512',
    ]);
    await populate(redis);
    const path = await redis.save();
    fileSize = (await stat(path)).size;
    summary = await readRdb(createReadStream(path, { highWaterMark: 1 << 16 }), (e) => {
      seen.set(name(e.db, Buffer.from(e.key)), { ...e, key: Buffer.from(e.key) });
    });
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('reads the whole dump with a matching checksum and the writer version', () => {
    expect(summary.rdbVersion).toBe(10);
    expect(summary.checksum).toBe('ok');
    expect(summary.aux['redis-ver']).toMatch(/^7\.0\./);
    expect(summary.functions).toBe(1);
    expect(summary.resizeDb[1]).toEqual({ keys: 2000, expires: 0 });
    expect(summary.keys).toBe(seen.size);
    expect(summary.bytesRead).toBe(fileSize);
  });

  it('finds exactly the keys SCAN finds in every database, with the same TYPE, PTTL and length', async () => {
    const now = Date.now();
    const expired = [...seen.values()].filter((e) => e.expireAtMs !== null && e.expireAtMs < now);
    // The key written with a 1 ms TTL is in the dump (saved before anyone expired it) but already expired.
    expect(expired.map((e) => e.key.toString())).toEqual(['ttl:past']);
    let checked = 0;
    for (const db of [0, 1, 5]) {
      await redis.call('SELECT', db);
      const keys: Buffer[] = [];
      let cursor = '0';
      do {
        const [next, batch] = (await redis.call('SCAN', cursor, 'COUNT', 1000)) as [Buffer, Buffer[]];
        cursor = next.toString();
        keys.push(...batch);
      } while (cursor !== '0');
      const fromDump = [...seen.values()].filter((e) => e.db === db && !expired.includes(e));
      expect(keys.map((k) => k.toString('hex')).sort()).toEqual(
        fromDump.map((e) => e.key.toString('hex')).sort(),
      );
      expect(await redis.call('DBSIZE')).toBe(fromDump.length);
      for (const key of keys) {
        const entry = seen.get(name(db, key));
        const type = ((await redis.call('TYPE', key)) as Buffer).toString();
        expect(entry?.type, key.toString('latin1')).toBe(type);
        const pttl = (await redis.call('PTTL', key)) as number;
        if (pttl < 0) expect(entry?.expireAtMs).toBeNull();
        else expect(Math.abs((entry?.expireAtMs ?? 0) - (Date.now() + pttl))).toBeLessThan(5000);
        const command = LENGTH_COMMAND[type];
        const elements = command ? ((await redis.call(command, key)) as number) : 1;
        expect(entry?.elements, key.toString('latin1')).toBe(elements);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('names the encodings redis 7.0 chose, small and large, as OBJECT ENCODING does for sets, sorted sets, hashes', async () => {
    const enc = (key: string, db = 0) => seen.get(name(db, Buffer.from(key)))?.encoding;
    expect(enc('str:int')).toBe('int');
    expect(enc('str:raw')).toBe('raw');
    expect(enc('str:lzf')).toBe('lzf');
    expect(enc('str:huge-random')).toBe('raw');
    expect(enc('str:huge-lzf')).toBe('lzf');
    expect(enc('list:small')).toBe('quicklist2');
    expect(enc('list:big')).toBe('quicklist2');
    expect(enc('stream:s')).toBe('stream');
    await redis.call('SELECT', 0);
    const kinds = new Set<string>();
    for (const key of [
      'set:intset',
      'set:ints-big',
      'set:strings',
      'zset:small',
      'zset:big',
      'hash:small',
      'hash:big',
      'hash:long-value',
    ]) {
      const live = ((await redis.call('OBJECT', 'ENCODING', key)) as Buffer).toString();
      expect(enc(key), key).toBe(live);
      kinds.add(live);
    }
    // Both the compact and the full encodings were exercised.
    expect([...kinds].sort()).toEqual(['hashtable', 'intset', 'listpack', 'skiplist']);
  });

  it('counts each key in bytes so that keys and overhead add up to the file size', () => {
    const huge = seen.get(name(0, Buffer.from('str:huge-random')));
    expect(huge?.bytes).toBeGreaterThan(3 << 20);
    const total = [...seen.values()].reduce((sum, e) => sum + e.bytes, 0);
    expect(total).toBeLessThan(summary.bytesRead);
    expect(total).toBeGreaterThan(summary.bytesRead * 0.9);
  });
});

describe('value hashes across two saves', () => {
  it('keeps the hash of every unchanged key and changes it for the keys written in between', async () => {
    const r = await startRedis(['--hash-max-listpack-entries', '128']);
    try {
      const hashes = async () => {
        const out = new Map<string, string | undefined>();
        await readRdb(
          createReadStream(await r.save()),
          (e) => out.set(Buffer.from(e.key).toString(), e.valueHash),
          {
            hashValues: true,
          },
        );
        return out;
      };
      await r.call('SET', 's', 'x'.repeat(3000));
      await r.call('HSET', 'h', ...Array.from({ length: 300 }, (_, i) => [`f${i}`, `v${i}`]).flat());
      await r.call('RPUSH', 'l', ...Array.from({ length: 3000 }, (_, i) => `e${i}`));
      await r.call('SET', 'same', 'v');
      const before = await hashes();
      await r.call('HSET', 'h', 'f7', 'changed');
      await r.call('RPUSH', 'l', 'one more');
      const after = await hashes();
      expect(after.get('same')).toBe(before.get('same'));
      expect(after.get('s')).toBe(before.get('s'));
      expect(after.get('h')).not.toBe(before.get('h'));
      expect(after.get('l')).not.toBe(before.get('l'));
    } finally {
      await r.stop();
    }
  });
});

describe('value hashes across a re-encoding reload', () => {
  it('keeps every hash when redis reloads the same data into other encodings', async () => {
    const r = await startRedis();
    try {
      const read = async () => {
        const out = new Map<string, { hash?: string; encoding: string }>();
        await readRdb(
          createReadStream(await r.save()),
          (e) => out.set(Buffer.from(e.key).toString(), { hash: e.valueHash, encoding: e.encoding }),
          { hashValues: true },
        );
        return out;
      };
      await r.call('HSET', 'h', 'name', 'ada', 'n', 12, 'long', 'z'.repeat(40));
      await r.call('SADD', 'ints', 3, -7, 70000);
      await r.call('ZADD', 'z', 1.5, 'a', 2, 'b', '-inf', 'c');
      await r.call('RPUSH', 'l', 'x', 5, 'y'.repeat(50));
      const before = await read();
      // Thresholds at zero: on reload every small encoding becomes a hashtable or skiplist.
      for (const name of ['hash-max-listpack-entries', 'zset-max-listpack-entries', 'set-max-intset-entries'])
        await r.call('CONFIG', 'SET', name, 0);
      await r.call('DEBUG', 'RELOAD');
      const after = await read();
      for (const key of ['h', 'ints', 'z', 'l']) {
        expect(after.get(key)?.hash, key).toBe(before.get(key)?.hash);
      }
      expect(before.get('h')?.encoding).toBe('listpack');
      expect(after.get('h')?.encoding).toBe('hashtable');
      expect(before.get('ints')?.encoding).toBe('intset');
      expect(after.get('ints')?.encoding).toBe('hashtable');
      expect(after.get('z')?.encoding).toBe('skiplist');
    } finally {
      await r.stop();
    }
  });
});

describe('LRU and LFU information', () => {
  it('reports FREQ under an LFU policy as OBJECT FREQ does, and IDLE under an LRU policy', async () => {
    const lfu = await startRedis(['--maxmemory-policy', 'allkeys-lfu', '--lfu-decay-time', '0']);
    try {
      await lfu.call('SET', 'hot', 'v');
      await lfu.call('SET', 'cold', 'v');
      for (let i = 0; i < 200; i++) await lfu.call('GET', 'hot');
      const freq = new Map<string, number | undefined>();
      await readRdb(createReadStream(await lfu.save()), (e) =>
        freq.set(Buffer.from(e.key).toString(), e.frequency),
      );
      for (const key of ['hot', 'cold'])
        expect(freq.get(key), key).toBe(await lfu.call('OBJECT', 'FREQ', key));
      expect(freq.get('hot')).toBeGreaterThan(freq.get('cold') ?? 255);
    } finally {
      await lfu.stop();
    }
    const lru = await startRedis(['--maxmemory-policy', 'allkeys-lru']);
    try {
      await lru.call('SET', 'k', 'v');
      const idle = new Map<string, number | undefined>();
      await readRdb(createReadStream(await lru.save()), (e) =>
        idle.set(Buffer.from(e.key).toString(), e.idleSeconds),
      );
      const live = (await lru.call('OBJECT', 'IDLETIME', 'k')) as number;
      expect(idle.get('k')).toBeTypeOf('number');
      expect(Math.abs((idle.get('k') ?? -100) - live)).toBeLessThanOrEqual(2);
    } finally {
      await lru.stop();
    }
  });
});
