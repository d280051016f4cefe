// `npm run inspect` as a child process on real dumps, checked against what redis-server itself answers on
// the same data: SCAN per database, TYPE, PTTL, the length commands, KEYS for globs, and a diff of two dumps
// against the changes made between them.
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeKey } from '../../../shared/escape-key';
import { startRedis, type TestRedis } from '../../support/redis-rdb';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function inspect(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [join(root, 'scripts/inspect.ts'), ...args],
      { cwd: root, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Doc {
  files: number;
  rdbVersion: number;
  keys: number;
  expires: number;
  databases: Record<string, { keys: number; expires: number }>;
  types: Record<string, number>;
  bigKeys: Array<{ db: number; key: string; type: string; bytes: number; elements: number }>;
  prefixes: Array<{ prefix: string; keys: number; bytes: number }>;
  matches?: Array<{
    db: number;
    key: string;
    type: string;
    ttlMs: number | null;
    elements: number;
    bytes: number;
  }>;
  added?: number;
  removed?: number;
  changed?: number;
  unchanged?: number;
  byPrefix?: Array<{ prefix: string; added: number; removed: number; changed: number; unchanged: number }>;
}

async function json(...args: string[]): Promise<Doc> {
  const run = await inspect(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Doc;
}

const LENGTH: Record<string, string> = {
  list: 'LLEN',
  set: 'SCARD',
  zset: 'ZCARD',
  hash: 'HLEN',
  stream: 'XLEN',
};

/** Every key of every database as redis answers it: type, PTTL and element count. */
async function truth(redis: TestRedis) {
  const keys: Array<{ db: number; key: Buffer; type: string; pttl: number; elements: number }> = [];
  for (let db = 0; db < 16; db++) {
    await redis.call('SELECT', db);
    let cursor = '0';
    do {
      const [next, batch] = (await redis.call('SCAN', cursor, 'COUNT', 1000)) as [Buffer, Buffer[]];
      cursor = next.toString();
      for (const key of batch) {
        const type = String(await redis.call('TYPE', key));
        const pttl = (await redis.call('PTTL', key)) as number;
        const cmd = LENGTH[type];
        const elements = cmd ? ((await redis.call(cmd, key)) as number) : 1;
        keys.push({ db, key, type, pttl, elements });
      }
    } while (cursor !== '0');
  }
  await redis.call('SELECT', 0);
  return keys;
}

let redis: TestRedis;
let first: string;
let second: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crs-inspect-cli-'));
  // Small thresholds so both compact and big encodings are written.
  redis = await startRedis(['--hash-max-listpack-entries', '8', '--set-max-intset-entries', '8']);
  const c = redis.call;
  await c('DEBUG', 'POPULATE', 2000, 'user');
  await c('SET', 'k:int', 42);
  await c('SET', 'k:lzf', 'abc'.repeat(300));
  await c('RPUSH', 'list:big', ...Array.from({ length: 400 }, (_, i) => `item-${i}`));
  await c('SADD', 'set:ints', 1, 2, 3);
  await c('SADD', 'set:big', ...Array.from({ length: 50 }, (_, i) => `m${i}`));
  await c('ZADD', 'zset:small', 1, 'a', 2, 'b');
  await c('ZADD', 'zset:big', ...Array.from({ length: 200 }, (_, i) => [i, `m${i}`]).flat());
  await c('HSET', 'hash:small', 'f', 'v');
  await c('HSET', 'hash:big', ...Array.from({ length: 40 }, (_, i) => [`f${i}`, `v${i}`]).flat());
  for (let i = 0; i < 30; i++) await c('XADD', 'stream:x', '*', 'i', i);
  await c('XGROUP', 'CREATE', 'stream:x', 'g', '0');
  await c('XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', 5, 'STREAMS', 'stream:x', '>');
  await c('SET', 'ttl:ms', 'v', 'PX', 3_600_000);
  await c('SET', 'ttl:s', 'v', 'EX', 86_400 * 3);
  await c('SELECT', 3);
  await c('SET', Buffer.from([0xff, 0x00, 0x6b]), 'binary key');
  await c('SET', 'db3:a', 'x');
  await c('SELECT', 0);
  first = join(dir, 'first.rdb');
  await copyFile(await redis.save(), first);
  // The changes a restore of `first` would undo.
  await c('SET', 'user:1', 'changed');
  await c('DEL', 'user:2', 'user:3');
  await c('SET', 'new:1', 'x');
  await c('SET', 'new:2', 'y');
  await c('RPUSH', 'list:big', 'one more');
  second = join(dir, 'second.rdb');
  await copyFile(await redis.save(), second);
});

afterAll(async () => {
  await redis?.stop();
});

describe('npm run inspect', () => {
  it('counts what redis answers: keys per database, types, expiries', async () => {
    const want = await truth(redis);
    const doc = await json(second);
    expect(doc.files).toBe(1);
    expect(doc.rdbVersion).toBe(10);
    expect(doc.keys).toBe(want.length);
    expect(doc.expires).toBe(want.filter((k) => k.pttl >= 0).length);
    const perDb: Doc['databases'] = {};
    for (const k of want) {
      const line = perDb[String(k.db)] ?? { keys: 0, expires: 0 };
      perDb[String(k.db)] = line;
      line.keys += 1;
      if (k.pttl >= 0) line.expires += 1;
    }
    expect(doc.databases).toEqual(perDb);
    for (const type of ['string', 'list', 'set', 'zset', 'hash', 'stream']) {
      expect(doc.types[type], type).toBe(want.filter((k) => k.type === type).length);
    }
    expect(doc.types.module).toBe(0);
  });

  it('finds keys with the element counts, types and TTLs redis gives, binary names escaped', async () => {
    const want = await truth(redis);
    const doc = await json(second, '--find', '*', '--limit', '100000');
    expect(doc.matches).toHaveLength(want.length);
    const byId = new Map(doc.matches?.map((m) => [`${m.db}/${m.key}`, m]));
    for (const k of want) {
      const got = byId.get(`${k.db}/${escapeKey(k.key)}`);
      expect(got, escapeKey(k.key)).toBeDefined();
      expect(got?.type).toBe(k.type);
      expect(got?.elements, escapeKey(k.key)).toBe(k.elements);
      if (k.pttl < 0) expect(got?.ttlMs).toBeNull();
      // The dump was saved a moment before PTTL was asked: within a minute of it.
      else expect(Math.abs((got?.ttlMs ?? 0) - k.pttl)).toBeLessThan(60_000);
    }
    expect(byId.get('3/"\\xff\\x00k"')).toMatchObject({ type: 'string' });
  });

  it('matches globs exactly as KEYS does', async () => {
    for (const pattern of ['user:1?', 'user:1[0-2]*', 'user:[^1]*5', '*:big', 'k:*', 'h?sh:*', 'nothing*']) {
      const keys = ((await redis.call('KEYS', pattern)) as Buffer[]).map((k) => k.toString()).sort();
      const doc = await json(second, '--find', pattern, '--limit', '100000');
      const got = (doc.matches ?? [])
        .filter((m) => m.db === 0)
        .map((m) => m.key)
        .sort();
      expect(got, pattern).toEqual(keys);
    }
  });

  it('compares two dumps: the changes made between them, per prefix', async () => {
    const doc = await json(first, '--diff', second);
    // From first to second: 2 added (new:1, new:2), 2 removed (user:2, user:3), 2 changed (user:1, list:big).
    expect({ added: doc.added, removed: doc.removed, changed: doc.changed }).toEqual({
      added: 2,
      removed: 2,
      changed: 2,
    });
    expect(doc.unchanged).toBe(doc.keys - 2 - 2);
    const user = doc.byPrefix?.find((p) => p.prefix === 'user:');
    expect(user).toMatchObject({ removed: 2, changed: 1, added: 0 });
    expect(doc.byPrefix?.find((p) => p.prefix === 'new:')).toMatchObject({ added: 2 });
  });

  it('reads shards given as several files, a gzip, or a tar.gz of them, as one report', async () => {
    const one = await json(first);
    const two = await json(second);
    const gz = join(dir, 'second.rdb.gz');
    await writeFile(gz, gzipSync(await readFile(second)));
    const both = await json(first, gz);
    expect(both.files).toBe(2);
    expect(both.keys).toBe(one.keys + two.keys);
    const tgz = join(dir, 'shards.tar.gz');
    execFileSync('tar', ['-czf', tgz, '-C', dir, 'first.rdb', 'second.rdb']);
    const tar = await json(tgz);
    expect(tar.files).toBe(2);
    expect(tar.keys).toBe(both.keys);
    expect(tar.types).toEqual(both.types);
  });

  it('exits non-zero with one line on stderr for bad input', async () => {
    const cut = join(dir, 'cut.rdb');
    await writeFile(cut, (await readFile(second)).subarray(0, 4000));
    for (const args of [[cut], [join(dir, 'missing.rdb')], [cut, '--json'], ['--find']]) {
      const run = await inspect(...args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await inspect(cut)).stderr).toMatch(/cut\.rdb: RDB format error at byte \d+/);
  });
});
