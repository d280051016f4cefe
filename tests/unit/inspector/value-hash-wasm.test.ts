// The value hash (WebAssembly, value-hash-wasm.ts) against a plain reference written here from xxHash's
// definitions (Cyan4973/xxHash `xxhash.h`: XXH64_round, XXH64_avalanche, the PRIME64 constants) over
// BigInt, on seeded random values split at random places; and every byte of a value counting.
import { describe, expect, it } from 'vitest';
import { Crc64 } from '../../../electron/core/inspector/rdb/crc64';
import { ValueHash } from '../../../electron/core/inspector/rdb/value-hash';
import { wasmKernel } from '../../../electron/core/inspector/rdb/wasm-kernel';

const M = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P5 = 0x27d4eb2f165667c5n;
const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M;
const round = (acc: bigint, w: bigint) => (rotl((acc + w * P2) & M, 31n) * P1) & M;

/** The whole value at once: 8-byte little-endian words, the rest zero-padded, the length, the avalanche. */
function reference(bytes: Uint8Array): [number, number] {
  let acc = P5;
  const whole = bytes.length - (bytes.length % 8);
  const word = (at: number, n: number) => {
    let w = 0n;
    for (let i = n - 1; i >= 0; i--) w = (w << 8n) | BigInt(bytes[at + i] as number);
    return w;
  };
  for (let i = 0; i < whole; i += 8) acc = round(acc, word(i, 8));
  if (whole < bytes.length) acc = round(acc, word(whole, bytes.length - whole));
  let h = (acc + BigInt(bytes.length) * P5) & M;
  h ^= h >> 33n;
  h = (h * P2) & M;
  h ^= h >> 29n;
  h = (h * P3) & M;
  h ^= h >> 32n;
  return [Number(BigInt.asIntN(32, h & 0xffffffffn)), Number(BigInt.asIntN(32, h >> 32n))];
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function randomBytes(rnd: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

/** Feeds the value in pieces cut at the given places, each piece in a buffer of its own or shared. */
function pieces(h: ValueHash, value: Uint8Array, cuts: number[], out: Int32Array): void {
  h.reset();
  let from = 0;
  for (const cut of [...cuts, value.length]) {
    // The piece sits at an odd offset inside a bigger buffer, as a value does inside a chunk.
    const buf = new Uint8Array(cut - from + 7);
    buf.set(value.subarray(from, cut), 3);
    h.update(buf, 3, 3 + cut - from);
    from = cut;
  }
  h.finish(out);
}

describe('value hash (WebAssembly)', () => {
  it('equals the plain reference on random values, however the bytes are split', () => {
    const rnd = seeded(0x5eed);
    const h = new ValueHash();
    const out = new Int32Array(2);
    for (let t = 0; t < 400; t++) {
      const n = t < 40 ? t : Math.floor(rnd() * (t % 10 === 0 ? 200_000 : 300));
      const value = randomBytes(rnd, n);
      const want = reference(value);
      const cuts = Array.from({ length: Math.floor(rnd() * 6) }, () => Math.floor(rnd() * (n + 1))).sort(
        (a, b) => a - b,
      );
      pieces(h, value, cuts, out);
      expect([out[0], out[1]], `length ${n}, cuts ${cuts.join(',')}`).toEqual(want);
      h.once(value, 0, n, out);
      expect([out[0], out[1]]).toEqual(want);
    }
  });

  it('hashes bytes in the mirrored buffer and bytes staged from elsewhere alike', () => {
    const rnd = seeded(7);
    const kernel = wasmKernel();
    const chunk = randomBytes(rnd, 200 << 10);
    const h = new ValueHash();
    const out = new Int32Array(2);
    kernel.mirror(chunk, 0, chunk.length);
    for (const [s, e] of [
      [0, 0],
      [5, 110],
      [1000, 150_000],
      [chunk.length - 13, chunk.length],
    ] as const) {
      h.once(chunk, s, e, out);
      const mirrored = [out[0], out[1]];
      expect(mirrored).toEqual(reference(chunk.subarray(s, e)));
      h.once(chunk.slice(), s, e, out);
      expect([out[0], out[1]]).toEqual(mirrored);
    }
    // A view of the mirrored buffer is not the mirrored buffer: staged, with the same result.
    h.once(chunk.subarray(100, 200), 0, 100, out);
    expect([out[0], out[1]]).toEqual(reference(chunk.subarray(100, 200)));
    // A mirrored buffer changed and mirrored again from a place: the new bytes count.
    chunk[200] = (chunk[200] as number) ^ 1;
    kernel.mirror(chunk, 200, chunk.length);
    h.once(chunk, 100, 300, out);
    expect([out[0], out[1]]).toEqual(reference(chunk.subarray(100, 300)));
  });

  it('changes when any one byte of a long value changes, wherever it is', () => {
    const rnd = seeded(99);
    const value = randomBytes(rnd, 4099);
    const h = new ValueHash();
    const out = new Int32Array(2);
    h.once(value, 0, value.length, out);
    const base = `${out[0]},${out[1]}`;
    const seen = new Set([base]);
    for (let i = 0; i < value.length; i++) {
      const old = value[i] as number;
      value[i] = old ^ (1 << (i % 8));
      h.once(value, 0, value.length, out);
      seen.add(`${out[0]},${out[1]}`);
      value[i] = old;
    }
    expect(seen.size).toBe(value.length + 1);
    // Zero bytes appended are a different value too.
    const longer = new Uint8Array(value.length + 1);
    longer.set(value);
    h.once(longer, 0, longer.length, out);
    expect(`${out[0]},${out[1]}`).not.toBe(base);
  });

  it('keeps two streams apart when they take turns (two reads interleaving)', () => {
    const rnd = seeded(3);
    const a = randomBytes(rnd, 1001);
    const b = randomBytes(rnd, 777);
    const ha = new ValueHash();
    const hb = new ValueHash();
    const out = new Int32Array(2);
    ha.reset();
    hb.reset();
    for (let i = 0; i < 1001; i += 100) {
      ha.update(a, i, Math.min(1001, i + 100));
      if (i < 777) hb.update(b, i, Math.min(777, i + 100));
      new ValueHash().once(b, 0, 10, out);
    }
    ha.finish(out);
    expect([out[0], out[1]]).toEqual(reference(a));
    hb.finish(out);
    expect([out[0], out[1]]).toEqual(reference(b));
  });

  it('computes the CRC-64 of mirrored, staged and too-big-to-mirror bytes as the JavaScript loop does', () => {
    const rnd = seeded(21);
    const big = randomBytes(rnd, (4 << 20) + 4097);
    const kernel = wasmKernel();
    const js = new Crc64();
    js.updateJs(big, 0, big.length);
    const staged = new Crc64();
    staged.update(big, 0, big.length);
    expect(staged.hex()).toBe(js.hex());
    const chunk = big.subarray(1000, 200_000);
    kernel.mirror(chunk, 0, chunk.length);
    const mirrored = new Crc64();
    mirrored.update(chunk, 0, chunk.length);
    const plain = new Crc64();
    plain.updateJs(chunk, 0, chunk.length);
    expect(mirrored.hex()).toBe(plain.hex());
  });
});
