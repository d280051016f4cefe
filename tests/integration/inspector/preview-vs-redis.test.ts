// The value preview against the real thing: a redis-server dump holding strings (raw, int, LZF), lists,
// sets, sorted sets and hashes in small and large encodings; each key's preview (through previewValue, as
// the inspector answers it) must equal what redis answers: GET, LRANGE 0 n, SMEMBERS, ZRANGE WITHSCORES,
// HGETALL, for the first elements. Sets, hashes and big sorted sets are compared as subsets (the dump's
// order is the encoding's, not necessarily the command's); scores as numbers (redis 7.0 prints %.17g).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_BYTES, previewValue } from '../../../electron/core/inspector/preview/value-preview.js';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import type { ValuePreview } from '../../../shared/inspector.js';
import { type Reply, startRedis, type TestRedis } from '../../support/redis-rdb.js';

let redis: TestRedis;
let path = '';

const strs = (r: Reply) => (r as Buffer[]).map((b) => b.toString());
const preview = (key: string, db = 0): Promise<ValuePreview> =>
  previewValue(readRdb, [path], { db, key: Buffer.from(key) });
const pairs = (items: string[]) =>
  Array.from({ length: items.length / 2 }, (_, i) => [items[2 * i], items[2 * i + 1]]);

beforeAll(async () => {
  // Thresholds pinned: distributions patch the defaults.
  redis = await startRedis([
    '--hash-max-listpack-entries',
    '128',
    '--zset-max-listpack-entries',
    '128',
    '--set-max-intset-entries',
    '512',
    // Small stream nodes, so the preview crosses several of them.
    '--stream-node-max-entries',
    '4',
  ]);
  const c = redis.call;
  await c('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1000');
  await c('SET', 'str:raw', 'hello');
  await c('SET', 'str:int', '-12345');
  await c('SET', 'str:lzf', 'abc'.repeat(2000));
  await c('SET', 'str:utf8', 'é'.repeat(600));
  await c('RPUSH', 'list:small', 'a', 'b', 'c', '1', '2');
  await c('RPUSH', 'list:big', ...Array.from({ length: 20_000 }, (_, i) => `element-${i}`));
  await c('RPUSH', 'list:plain', 'x'.repeat(5000), 'small');
  await c('SADD', 'set:intset', 1, 2, 3, 400, 70000, -9);
  await c('SADD', 'set:strings', 'a', 'b', 'c');
  await c('SADD', 'set:big', ...Array.from({ length: 1000 }, (_, i) => `m${i}`));
  await c('ZADD', 'zset:small', 1, 'one', 2.5, 'two', -3, 'three');
  await c('ZADD', 'zset:big', ...Array.from({ length: 300 }, (_, i) => [i / 3, `member-${i}`]).flat());
  await c('HSET', 'hash:small', 'f1', 'v1', 'f2', '2');
  await c('HSET', 'hash:big', ...Array.from({ length: 500 }, (_, i) => [`field-${i}`, `value-${i}`]).flat());
  // Many nodes, one entry deleted; a small stream whose entries have fields that differ from the master's.
  await c('XADD', 'stream:small', '1-1', 'a', '1');
  await c('XADD', 'stream:small', '2-0', 'a', '2', 'b', 'x');
  await c('XADD', 'stream:small', '2-5', 'c', '3');
  for (let i = 0; i < 150; i++) await c('XADD', 'stream:s', '*', 'n', i, 'payload', 'p'.repeat(i % 20));
  await c('XADD', 'stream:s', '*', 'other', 'field');
  const first = (
    ((await c('XRANGE', 'stream:s', '-', '+', 'COUNT', 2)) as Reply[])[1] as Reply[]
  )[0] as Buffer;
  await c('XDEL', 'stream:s', first);
  await c('SELECT', 3);
  await c('SET', 'str:raw', 'in db 3');
  path = await redis.save();
});

afterAll(async () => {
  await redis?.stop();
});

describe('the value preview against redis-server', () => {
  it('has each key in the encoding it stands for', async () => {
    await redis.call('SELECT', 0);
    const encodings: Record<string, string> = {
      'str:raw': 'embstr',
      'str:int': 'int',
      'list:small': 'quicklist',
      'set:intset': 'intset',
      'set:strings': 'hashtable',
      'zset:small': 'listpack',
      'zset:big': 'skiplist',
      'hash:small': 'listpack',
      'hash:big': 'hashtable',
    };
    for (const [key, encoding] of Object.entries(encodings))
      expect(String(await redis.call('OBJECT', 'ENCODING', key)), key).toBe(encoding);
  });

  it('shows strings as GET answers them, the first 1 KB of long ones', async () => {
    await redis.call('SELECT', 0);
    for (const key of ['str:raw', 'str:int']) {
      const got = await preview(key);
      expect(got).toMatchObject({
        type: 'string',
        text: String(await redis.call('GET', key)),
        truncated: false,
      });
    }
    const lzf = await preview('str:lzf');
    expect(lzf.text).toBe(String(await redis.call('GETRANGE', 'str:lzf', 0, PREVIEW_BYTES - 1)));
    expect(lzf.truncated).toBe(true);
    // 1 KB falls inside a two-byte character: the preview ends before it, still text.
    const utf8 = await preview('str:utf8');
    expect(utf8.text).toBe('é'.repeat(PREVIEW_BYTES / 2));
    expect((await preview('str:raw', 3)).text).toBe('in db 3');
  });

  it('shows lists as LRANGE 0 n answers them, in every encoding redis writes', async () => {
    for (const key of ['list:small', 'list:big']) {
      const got = await preview(key);
      const items = got.items ?? [];
      expect(items.length).toBeGreaterThan(0);
      expect(items).toEqual(strs(await redis.call('LRANGE', key, 0, items.length - 1)));
      expect(got.truncated).toBe(key === 'list:big');
    }
    const plain = await preview('list:plain');
    expect(plain.items).toEqual(['x'.repeat(PREVIEW_BYTES)]);
    expect(plain.truncated).toBe(true);
  });

  it('shows set members SMEMBERS answers', async () => {
    for (const key of ['set:intset', 'set:strings', 'set:big']) {
      const got = await preview(key);
      const members = new Set(strs(await redis.call('SMEMBERS', key)));
      expect(got.items?.length).toBeGreaterThan(0);
      for (const item of got.items ?? []) expect(members.has(item)).toBe(true);
      expect(got.truncated).toBe(key === 'set:big');
      if (!got.truncated) expect(got.items?.length).toBe(members.size);
    }
  });

  it('shows sorted-set members with the scores ZRANGE WITHSCORES answers', async () => {
    for (const key of ['zset:small', 'zset:big']) {
      const got = await preview(key);
      const scores = new Map(
        pairs(strs(await redis.call('ZRANGE', key, 0, -1, 'WITHSCORES'))) as [string, string][],
      );
      const shown = pairs(got.items ?? []);
      expect(shown.length).toBeGreaterThan(0);
      for (const [member, score] of shown) expect(Number(score)).toBe(Number(scores.get(member as string)));
      expect(got.truncated).toBe(key === 'zset:big');
    }
    // The small one is a listpack, in score order: exactly ZRANGE's.
    expect((await preview('zset:small')).items).toEqual(['three', '-3', 'one', '1', 'two', '2.5']);
  });

  it('shows stream entries as XRANGE - + answers them, deleted ones left out', async () => {
    const got = await preview('stream:s');
    const items = got.items ?? [];
    const entries = (await redis.call('XRANGE', 'stream:s', '-', '+')) as [Buffer, Buffer[]][];
    const flat = entries.flatMap(([id, fields]) => [id.toString(), ...fields.map((f) => f.toString())]);
    expect(items.length).toBeGreaterThan(4);
    expect(items).toEqual(flat.slice(0, items.length));
    expect(got.truncated).toBe(true);
    const small = await preview('stream:small');
    expect(small).toMatchObject({
      items: ['1-1', 'a', '1', '2-0', 'a', '2', 'b', 'x', '2-5', 'c', '3'],
      truncated: false,
    });
  });

  it('shows hash fields with the values HGETALL answers', async () => {
    for (const key of ['hash:small', 'hash:big']) {
      const got = await preview(key);
      const all = new Map(pairs(strs(await redis.call('HGETALL', key))) as [string, string][]);
      const shown = pairs(got.items ?? []);
      expect(shown.length).toBeGreaterThan(0);
      for (const [field, value] of shown) expect(all.get(field as string)).toBe(value);
      expect(got.truncated).toBe(key === 'hash:big');
      if (!got.truncated) expect(shown.length).toBe(all.size);
    }
  });
});
