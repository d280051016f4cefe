// Corrupt, truncated and foreign input: always an RdbFormatError naming the byte offset and what was
// expected there; never another error class, never a summary for a file that did not end cleanly.
import { describe, expect, it } from 'vitest';
import { Crc64 } from '../../../electron/core/inspector/rdb/crc64.js';
import { lzfDecompress } from '../../../electron/core/inspector/rdb/lzf.js';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import { RdbFormatError } from '../../../electron/core/inspector/rdb/rdb-types.js';
import {
  blob,
  chunked,
  len,
  listpack,
  lzf,
  RdbBuilder,
  str,
  u32le,
  ziplist,
} from '../../support/rdb-builder.js';
import { readAll } from './rdb-read-helpers.js';

async function formatError(data: Uint8Array, sizes?: number[]): Promise<RdbFormatError> {
  const error = await readAll(data, sizes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RdbFormatError);
  return error as RdbFormatError;
}

const sample = () =>
  new RdbBuilder(10)
    .aux('redis-ver', '7.0.15')
    .selectDb(0)
    .resizeDb(3, 1)
    .key(0, 'a', str('hello'))
    .expireMs(1_800_000_000_000)
    .key(16, 'h', blob(listpack(['f', 'v', 'g', 'w'])))
    .key(18, 'l', [...len(1), ...len(2), ...blob(listpack(['x'.repeat(30), 'x'.repeat(30)]), true)])
    .end();

describe('checksum and compression primitives', () => {
  it('computes the CRC-64 of redis src/crc64.c: crc64(0, "123456789") = e9c6d914c4b8d9ca', () => {
    const c = new Crc64();
    const data = new TextEncoder().encode('123456789');
    c.update(data, 0, data.length);
    expect(c.hex()).toBe('e9c6d914c4b8d9ca');
    // Split updates (the slicing-by-8 path and the byte tail) agree with one pass.
    const long = new TextEncoder().encode('123456789'.repeat(37));
    const whole = new Crc64();
    whole.update(long, 0, long.length);
    const parts = new Crc64();
    for (let i = 0; i < long.length; i += 5) parts.update(long, i, Math.min(long.length, i + 5));
    expect(parts.hex()).toBe(whole.hex());
  });

  it('agrees with a bit-by-bit reference on every path (JavaScript tail, slicing-by-8, WebAssembly)', () => {
    // Reflected Jones polynomial, one bit at a time, in BigInt: slow and obviously right.
    const reference = (data: Uint8Array) => {
      let crc = 0n;
      for (const byte of data) {
        crc ^= BigInt(byte);
        for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ 0x95ac9329ac4bc9b5n : crc >> 1n;
      }
      return crc.toString(16).padStart(16, '0');
    };
    const data = Uint8Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 24);
    for (const n of [0, 1, 7, 8, 63, 64, 65, 511, 512, 513, 1024, 2999]) {
      const part = data.subarray(0, n);
      const auto = new Crc64();
      auto.update(part, 0, n);
      const js = new Crc64();
      js.updateJs(part, 0, n);
      expect(auto.hex(), `${n} bytes`).toBe(reference(part));
      expect(js.hex(), `${n} bytes`).toBe(reference(part));
    }
    const offset = new Crc64();
    offset.update(data, 100, 2100);
    expect(offset.hex()).toBe(reference(data.subarray(100, 2100)));
  });

  it('decompresses LZF back references, and rejects references before the start', () => {
    const text = new TextEncoder().encode('abcabcabcabcabcabc-xyz-xyz-xyz');
    const packed = Uint8Array.from(lzf(text));
    expect(packed.length).toBeLessThan(text.length);
    const out = new Uint8Array(text.length);
    expect(lzfDecompress(packed, 0, packed.length, out, out.length)).toBe(text.length);
    expect(Buffer.from(out).toString()).toBe('abcabcabcabcabcabc-xyz-xyz-xyz');
    expect(lzfDecompress(Uint8Array.from([0x20, 0x05]), 0, 2, out, out.length)).toBe(-1);
  });
});

describe('bad input', () => {
  it('rejects a file that is not an RDB, naming offset 0', async () => {
    const e = await formatError(new TextEncoder().encode('*1\r\n$4\r\nPING\r\n'));
    expect(e.offset).toBe(0);
    expect(e.message).toMatch(/signature/);
  });

  it('rejects RDB versions it does not know (Redis 13+, Valkey outside 80–81)', async () => {
    expect((await formatError(new RdbBuilder(13).end())).expected).toMatch(/version from 1 to 12/);
    expect((await formatError(new RdbBuilder(82, 'VALKEY').end())).expected).toMatch(/80 to 81/);
  });

  it('rejects an unknown type byte at its offset', async () => {
    const data = new RdbBuilder(10)
      .key(0, 'a', str('v'))
      .raw([30, ...str('k'), ...str('v')])
      .end();
    const e = await formatError(data);
    expect(e.offset).toBe(9 + 1 + 2 + 2);
    expect(e.message).toMatch(/byte 30/);
  });

  it('rejects a wrong checksum at the checksum offset, and trailing bytes after it', async () => {
    const good = sample();
    const bad = good.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
    const e = await formatError(bad);
    expect(e.offset).toBe(good.length - 8);
    expect(e.message).toMatch(/CRC-64/);
    const trailing = new Uint8Array(good.length + 1);
    trailing.set(good);
    expect((await formatError(trailing)).offset).toBe(good.length);
  });

  it('rejects a file cut anywhere, at every chunking', async () => {
    const good = sample();
    for (let cut = 0; cut < good.length; cut++) {
      const e = await formatError(good.subarray(0, cut), [1 + (cut % 7)]);
      expect(e.offset).toBeLessThanOrEqual(cut);
    }
  });

  it('rejects a ziplist whose header disagrees with its size, and a listpack without its end marker', async () => {
    const zl = ziplist(['a', 'b']);
    zl[0] = (zl[0] as number) + 1;
    expect((await formatError(new RdbBuilder(9).key(10, 'z', blob(zl)).end())).message).toMatch(
      /ziplist header/,
    );
    const lp = listpack(['a']);
    lp[lp.length - 1] = 0;
    expect((await formatError(new RdbBuilder(10).key(20, 's', blob(lp)).end())).message).toMatch(/0xFF/);
  });

  it('names the module of a type 6 value it cannot skip, and refuses the pre-release function format', async () => {
    const e = await formatError(new RdbBuilder(8).key(6, 'm', [...len(123 << 10)]).end());
    expect(e.message).toMatch(/module \S{9} .*type 6/);
    expect((await formatError(new RdbBuilder(10).raw([246, ...str('x')]).end())).message).toMatch(
      /FUNCTION2/,
    );
  });

  it('rejects a length byte where a string length belongs', async () => {
    const data = new RdbBuilder(10).raw([0, 0xc5, ...u32le(0)]).end();
    expect((await formatError(data)).message).toMatch(/string encoding/);
  });
});

describe('the reader as a stream consumer', () => {
  it('gives the same entries and value hashes whatever the chunk sizes', async () => {
    const data = sample();
    const one = await readAll(data, [1 << 16], { hashValues: true });
    for (const sizes of [[1], [2, 3], [7, 1, 13], [64]]) {
      const other = await readAll(data, sizes, { hashValues: true });
      expect(other.keys).toEqual(one.keys);
      expect(other.summary).toEqual(one.summary);
    }
    expect(one.keys.map((k) => k.valueHash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{16}$/),
    ]);
    expect(new Set(one.keys.map((k) => k.valueHash)).size).toBe(3);
  });

  it('aborts with the signal reason, and passes the callback error through untouched', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readRdb(chunked(sample(), [4]), () => {}, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    const progressError = new Error('progress failed');
    // A 5 MB value, assembled directly (the builder's number arrays are slow at this size).
    const head = Uint8Array.from([...new TextEncoder().encode('REDIS0010'), 0, ...str('k'), ...len(5 << 20)]);
    const big = new Uint8Array(head.length + (5 << 20) + 9);
    big.set(head);
    big.fill(0x76, head.length, head.length + (5 << 20));
    big[big.length - 9] = 0xff;
    const crc = new Crc64();
    crc.update(big, 0, big.length - 8);
    big.set([...u32le(crc.lo), ...u32le(crc.hi)], big.length - 8);
    await expect(
      readRdb(chunked(big), () => {}, {
        onProgress: () => {
          throw progressError;
        },
      }),
    ).rejects.toBe(progressError);
    const mine = new Error('stop here');
    await expect(
      readRdb(chunked(sample()), () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
  });
});
