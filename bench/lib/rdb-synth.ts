/**
 * Synthesized RDB files for the inspector benchmark, written by the real redis-server: millions of small
 * string keys under a few prefixes (DEBUG POPULATE, 100-byte values), a fifth of the sessions with an expiry,
 * and some big collections (hashes, lists, sorted sets, sets of thousands of elements each). Saved with
 * `rdbcompression no` so that a 1 GB file holds millions of keys (LZF-compressed values are covered by the
 * reader's tests). A second file is the same data a little later: 1% of the users changed, 1% of the sessions
 * gone, new keys added, one big hash grown. Files are cached under the temp folder and reused while present.
 */
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from '../../tests/support/redis-rdb';

/** String keys at scale 1: with the collections, a file of just over 1 GiB. */
const STRINGS = 8_500_000;
const VERSION = 'v1';

export interface SynthFiles {
  base: string;
  next?: string;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const LOOP_HSET = "for i=1,tonumber(ARGV[1]) do redis.call('HSET',KEYS[1],'field:'..i,'value:'..i) end";
const LOOP_RPUSH = "for i=1,tonumber(ARGV[1]) do redis.call('RPUSH',KEYS[1],'item:'..i) end";
const LOOP_ZADD = "for i=1,tonumber(ARGV[1]) do redis.call('ZADD',KEYS[1],i,'member:'..i) end";
const LOOP_SADD = "for i=1,tonumber(ARGV[1]) do redis.call('SADD',KEYS[1],'member:'..i) end";
const LOOP_EXPIRE =
  "for i=0,tonumber(ARGV[1])-1 do redis.call('PEXPIRE','session:'..i,tonumber(ARGV[2])+(i%1000)*60000) end";
const LOOP_CHANGE = "for i=0,tonumber(ARGV[1])-1 do redis.call('SET','user:'..i,'changed:'..i) end";
const LOOP_DELETE = "for i=0,tonumber(ARGV[1])-1 do redis.call('DEL','session:'..(i*7)) end";

export async function synthesize(
  scale: number,
  withNext: boolean,
  log: (line: string) => void,
): Promise<SynthFiles> {
  const dir = join(tmpdir(), 'crs-bench-inspector');
  await mkdir(dir, { recursive: true });
  const name = `mix-${VERSION}-s${scale}`;
  const base = join(dir, `${name}.rdb`);
  const next = join(dir, `${name}-next.rdb`);
  if ((await exists(base)) && (!withNext || (await exists(next)))) {
    log(`reusing ${base}${withNext ? ' and its next file' : ''}`);
    return withNext ? { base, next } : { base };
  }
  const strings = Math.round(STRINGS * scale);
  const collections = Math.max(1, Math.round(100 * scale));
  log(`synthesizing ${name}: ${strings.toLocaleString('en-US')} strings, ${collections * 4} big collections`);
  const redis = await startRedis(['--rdbcompression', 'no']);
  try {
    const c = redis.call;
    await c('DEBUG', 'POPULATE', Math.round(strings * 0.5), 'user', 100);
    await c('DEBUG', 'POPULATE', Math.round(strings * 0.3), 'session', 100);
    await c('DEBUG', 'POPULATE', Math.round(strings * 0.2), 'cache:item', 100);
    await c('EVAL', LOOP_EXPIRE, 0, Math.round(strings * 0.06), 86_400_000);
    for (let i = 0; i < collections; i++) {
      await c('EVAL', LOOP_HSET, 1, `hash:big:${i}`, 20_000);
      await c('EVAL', LOOP_RPUSH, 1, `list:big:${i}`, 50_000);
      await c('EVAL', LOOP_ZADD, 1, `zset:big:${i}`, 10_000);
      await c('EVAL', LOOP_SADD, 1, `set:big:${i}`, 10_000);
    }
    const saved = await redis.save();
    await copyFile(saved, `${base}.tmp`);
    await rename(`${base}.tmp`, base);
    if (withNext) {
      await c('EVAL', LOOP_CHANGE, 0, Math.round(strings * 0.005));
      await c('EVAL', LOOP_DELETE, 0, Math.round(strings * 0.003));
      await c('DEBUG', 'POPULATE', Math.round(strings * 0.01), 'new', 100);
      await c('EVAL', LOOP_HSET, 1, 'hash:big:0', 25_000);
      const again = await redis.save();
      await copyFile(again, `${next}.tmp`);
      await rename(`${next}.tmp`, next);
    }
  } finally {
    await redis.stop();
  }
  return withNext ? { base, next } : { base };
}
