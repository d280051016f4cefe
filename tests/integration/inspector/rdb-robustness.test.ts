// Damaged dumps and huge values: a real redis dump truncated at many offsets and bit-flipped at many
// positions (seeded) must always be rejected with an RdbFormatError, quickly; a 300 MB string and a
// 200 MB set stream through while the reader's buffers stay small.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crc64 } from '../../../electron/core/inspector/rdb/crc64.js';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import { RdbFormatError } from '../../../electron/core/inspector/rdb/rdb-types.js';
import { len, str, u32le } from '../../support/rdb-builder.js';
import { boundedOutcome, prng } from '../../support/rdb-fuzz.js';
import { startRedis, type TestRedis } from '../../support/redis-rdb.js';

let redis: TestRedis;
let dump: Uint8Array;

/** Reads with a time bound; resolves with the error (or null when the read succeeded). */
function outcome(data: Uint8Array, sizes: number[], hashValues = false): Promise<unknown> {
  return boundedOutcome(data, sizes, { hashValues });
}

describe('damaged dumps', () => {
  beforeAll(async () => {
    redis = await startRedis();
    const c = redis.call;
    await c('SET', 'k:int', 42);
    await c('SET', 'k:lzf', 'abc'.repeat(200));
    await c('RPUSH', 'l', ...Array.from({ length: 300 }, (_, i) => `item-${i}`));
    await c('SADD', 's', 1, 2, 3);
    await c('SADD', 's2', ...Array.from({ length: 600 }, (_, i) => `m${i}`));
    await c('ZADD', 'z', 1, 'a', 2, 'b');
    await c('ZADD', 'z2', ...Array.from({ length: 200 }, (_, i) => [i, `m${i}`]).flat());
    await c('HSET', 'h', 'f', 'v');
    await c('HSET', 'h2', ...Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat());
    for (let i = 0; i < 20; i++) await c('XADD', 'x', '*', 'i', i);
    await c('XGROUP', 'CREATE', 'x', 'g', '0');
    await c('XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', 3, 'STREAMS', 'x', '>');
    await c('SET', 'ttl', 'v', 'PX', 100_000);
    await c('SELECT', 3);
    await c('SET', Buffer.from([0xff, 0x00]), 'bin');
    dump = await readFile(await redis.save());
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('reads the undamaged dump', async () => {
    expect(await outcome(dump, [1 << 16])).toBeNull();
    expect(await outcome(dump, [1 << 16], true)).toBeNull();
  });

  it('rejects the dump cut at any of many offsets with an RdbFormatError at or before the cut', async () => {
    const random = prng(19);
    const cuts = new Set<number>();
    for (let i = 0; i < Math.min(dump.length, 600); i++) cuts.add(i);
    for (let i = 0; i < 400; i++) cuts.add(Math.floor(random() * dump.length));
    for (const cut of cuts) {
      const error = await outcome(dump.subarray(0, cut), [1 + Math.floor(random() * 5000)], cut % 2 === 0);
      expect(error, `cut at ${cut}`).toBeInstanceOf(RdbFormatError);
      expect((error as RdbFormatError).offset, `cut at ${cut}`).toBeLessThanOrEqual(cut);
      expect((error as RdbFormatError).expected, `cut at ${cut}`).not.toBe('valid RDB data');
    }
  });

  it('rejects the dump with one bit flipped at any of many positions', async () => {
    const random = prng(42);
    for (let i = 0; i < 1500; i++) {
      const at = Math.floor(random() * dump.length);
      const damaged = dump.slice();
      damaged[at] = (damaged[at] as number) ^ (1 << Math.floor(random() * 8));
      const error = await outcome(damaged, [1 + Math.floor(random() * 9000)], i % 2 === 0);
      expect(error, `bit flipped at ${at}`).toBeInstanceOf(RdbFormatError);
      // Foreseen, not a stray exception converted at the top.
      expect((error as RdbFormatError).expected, `bit flipped at ${at}`).not.toBe('valid RDB data');
    }
  });
});

describe('memory stays flat', () => {
  /** Yields a one-key RDB whose value is produced chunk by chunk, checking buffer memory as it goes. */
  async function* synthetic(
    head: number[],
    body: (emit: (c: Uint8Array) => void) => Generator<Uint8Array>,
    peak: { bytes: number },
  ) {
    const crc = new Crc64();
    const pass = (c: Uint8Array) => {
      crc.update(c, 0, c.length);
      return c;
    };
    yield pass(Uint8Array.from([...new TextEncoder().encode('REDIS0010'), ...head]));
    let n = 0;
    for (const c of body(() => {})) {
      yield pass(c);
      if (++n % 64 === 0) peak.bytes = Math.max(peak.bytes, process.memoryUsage().arrayBuffers);
    }
    yield pass(Uint8Array.from([255]));
    yield Uint8Array.from([...u32le(crc.lo), ...u32le(crc.hi)]);
  }

  it('streams a 300 MB string value in 64 KB chunks without holding it', async () => {
    const size = 300 << 20;
    const chunk = new Uint8Array(64 << 10).fill(0x61);
    const before = process.memoryUsage().arrayBuffers;
    const peak = { bytes: before };
    const head = [
      0,
      ...str('big'),
      0x80,
      ...[(size >>> 24) & 0xff, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff],
    ];
    let seenBytes = 0;
    const summary = await readRdb(
      synthetic(
        head,
        function* () {
          for (let left = size; left > 0; left -= chunk.length)
            yield chunk.subarray(0, Math.min(left, chunk.length));
        },
        peak,
      ),
      (e) => {
        seenBytes = e.bytes;
      },
      { hashValues: true },
    );
    expect(summary.checksum).toBe('ok');
    expect(seenBytes).toBe(4 + 5 + size);
    expect(peak.bytes - before).toBeLessThan(32 << 20);
  });

  it('streams a 200 MB set of 2 million members as one record without holding it', async () => {
    const members = 2_000_000;
    const member = Uint8Array.from(str('m'.repeat(99)));
    const before = process.memoryUsage().arrayBuffers;
    const peak = { bytes: before };
    let elements = 0;
    await readRdb(
      synthetic(
        [2, ...str('set'), ...len(members)],
        function* () {
          const batch = new Uint8Array(member.length * 640);
          for (let i = 0; i < 640; i++) batch.set(member, i * member.length);
          for (let i = 0; i < members / 640; i++) yield batch;
        },
        peak,
      ),
      (e) => {
        elements = e.elements;
      },
    );
    expect(elements).toBe(members);
    expect(peak.bytes - before).toBeLessThan(32 << 20);
  });
});
