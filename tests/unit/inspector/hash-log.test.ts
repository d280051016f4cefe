import { describe, expect, it } from 'vitest';
import { HashLog, keyHash, STRIDE } from '../../../electron/core/inspector/diff/hash-log';

const enc = new TextEncoder();

describe('diff hash log', () => {
  it('spreads similar key names over the first half as a random hash would', () => {
    const out = new Uint32Array(2);
    const seen = new Set<number>();
    let collisions = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      keyHash(0, enc.encode(`user:${i}`), out);
      if (seen.has(out[0] as number)) collisions++;
      else seen.add(out[0] as number);
    }
    // A random 32-bit hash: about n² / 2³³ (4.7) collisions; a weak word mix gives hundreds.
    expect(collisions).toBeLessThan(25);
    keyHash(1, enc.encode('user:1'), out);
    const other = out.slice();
    keyHash(0, enc.encode('user:1'), out);
    expect([...out]).not.toEqual([...other]);
  });

  it('sorts by key hash then stream order, keeping the last record of a key when asked', () => {
    const log = new HashLog();
    const keys = [
      [0xf0000000, 5],
      [0x00000001, 9],
      [0xf0000000, 2],
      [0x00000001, 9],
      [0x7fff0000, 0],
    ] as const;
    for (const [i, [k1, k2]] of keys.entries()) log.add(k1, k2, i, 0, 0);
    log.sort(false);
    const rows = (l: HashLog) =>
      Array.from({ length: l.count }, (_, i) => [...l.records.subarray(i * STRIDE, i * STRIDE + 3)]);
    expect(rows(log)).toEqual([
      [1, 9, 1],
      [1, 9, 3],
      [0x7fff0000, 0, 4],
      [0xf0000000, 2, 2],
      [0xf0000000, 5, 0],
    ]);
    const deduped = new HashLog();
    for (const [i, [k1, k2]] of keys.entries()) deduped.add(k1, k2, i, 0, 0);
    deduped.sort(true);
    expect(rows(deduped).map((r) => r[2])).toEqual([3, 4, 2, 0]);
    expect(deduped.find(0xf0000000, 2)).toBe(2);
    expect(deduped.find(0xf0000000, 3)).toBe(-1);
  });

  it('sorts a log spanning many pages per bucket as a plain sort would, duplicates included', () => {
    let seed = 0x2545f491;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    // Over 4,096 records a bucket (a page's worth) and some keys repeated.
    const n = 300_000;
    const log = new HashLog();
    const want: number[][] = [];
    for (let i = 0; i < n; i++) {
      const k1 = i % 7 === 0 && i > 0 ? (want[i - 1]?.[0] as number) : next();
      const k2 = i % 7 === 0 && i > 0 ? (want[i - 1]?.[1] as number) : next() & 3;
      log.add(k1, k2, i, 0, i & 0xff);
      want.push([k1, k2, i]);
    }
    log.sort(false);
    want.sort(
      (x, y) =>
        (x[0] as number) - (y[0] as number) ||
        (x[1] as number) - (y[1] as number) ||
        (x[2] as number) - (y[2] as number),
    );
    const got = Array.from({ length: log.count }, (_, i) => [
      ...log.records.subarray(i * STRIDE, i * STRIDE + 3),
    ]);
    expect(got).toEqual(want);
    expect(log.records[STRIDE * 10 + 5]).toBe(want[10]?.[2]);
  });
});
