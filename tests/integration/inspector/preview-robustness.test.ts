// Damaged dumps read with a value preview: a real redis dump truncated and bit-flipped (seeded) while the
// preview decodes one key of each kind must always be rejected with a foreseen RdbFormatError, never a
// stray exception or a hang.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RdbFormatError } from '../../../electron/core/inspector/rdb/rdb-types.js';
import { boundedOutcome, prng } from '../../support/rdb-fuzz.js';
import { startRedis, type TestRedis } from '../../support/redis-rdb.js';

let redis: TestRedis;
let dump: Uint8Array;
const KEYS = ['k:int', 'k:lzf', 'l', 's', 's2', 'z', 'z2', 'h', 'h2', 'x'];

function outcome(data: Uint8Array, sizes: number[], key: string): Promise<unknown> {
  const preview = { db: 0, key: new TextEncoder().encode(key), maxBytes: 1024 };
  return boundedOutcome(data, sizes, { preview });
}

describe('damaged dumps read with a preview', () => {
  beforeAll(async () => {
    redis = await startRedis(['--stream-node-max-entries', '4']);
    const c = redis.call;
    await c('SET', 'k:int', 42);
    await c('SET', 'k:lzf', 'abc'.repeat(600));
    await c('RPUSH', 'l', ...Array.from({ length: 300 }, (_, i) => `item-${i}`));
    await c('SADD', 's', 1, 2, 3);
    await c('SADD', 's2', ...Array.from({ length: 600 }, (_, i) => `m${i}`));
    await c('ZADD', 'z', 1, 'a', 2, 'b');
    await c('ZADD', 'z2', ...Array.from({ length: 200 }, (_, i) => [i / 7, `m${i}`]).flat());
    await c('HSET', 'h', 'f', 'v');
    await c('HSET', 'h2', ...Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat());
    for (let i = 0; i < 40; i++)
      await c('XADD', 'x', '*', 'i', i, ...(i % 3 ? [] : ['extra', 'y'.repeat(i)]));
    await c('XGROUP', 'CREATE', 'x', 'g', '0');
    await c('XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', 3, 'STREAMS', 'x', '>');
    dump = await readFile(await redis.save());
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('previews every key of the undamaged dump', async () => {
    for (const key of KEYS) expect(await outcome(dump, [1 << 16], key), key).toBeNull();
  });

  it('rejects the dump cut at many offsets, whichever key is previewed', async () => {
    const random = prng(7);
    for (let i = 0; i < 400; i++) {
      const cut = Math.floor(random() * dump.length);
      const key = KEYS[i % KEYS.length] as string;
      const error = await outcome(dump.subarray(0, cut), [1 + Math.floor(random() * 5000)], key);
      expect(error, `cut at ${cut}, ${key}`).toBeInstanceOf(RdbFormatError);
      expect((error as RdbFormatError).expected, `cut at ${cut}, ${key}`).not.toBe('valid RDB data');
    }
  });

  it('rejects the dump with one bit flipped, whichever key is previewed', async () => {
    const random = prng(43);
    for (let i = 0; i < 1500; i++) {
      const at = Math.floor(random() * dump.length);
      const damaged = dump.slice();
      damaged[at] = (damaged[at] as number) ^ (1 << Math.floor(random() * 8));
      const key = KEYS[i % KEYS.length] as string;
      const error = await outcome(damaged, [1 + Math.floor(random() * 9000)], key);
      expect(error, `bit flipped at ${at}, ${key}`).toBeInstanceOf(RdbFormatError);
      expect((error as RdbFormatError).expected, `bit flipped at ${at}, ${key}`).not.toBe('valid RDB data');
    }
  });
});
