/**
 * The two pickers of matched-order.ts against a plain filter of the order: the same row at every position,
 * whatever order the positions are asked in. The matches are either spread out or clustered along the
 * order, since a cluster far down the order makes the walk long, which is where the picker leaves its walk
 * for a selection by rank, grows its buffer past the first screenful, and (for a long jump) walks with a mask.
 */
import { describe, expect, it } from 'vitest';
import { pickAlongOrder, pickByRank, rankOf } from '../index/matched-order';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

interface Case {
  order: Int32Array;
  matched: Int32Array;
  expected: number[];
}

/** `clustered`: the matches are one run of the order, starting `at` of the way down it. */
function makeCase(rand: () => number, n: number, density: number, clustered: boolean, desc: boolean): Case {
  const order = shuffled(n, rand);
  const inMatch = new Uint8Array(n);
  if (clustered) {
    const size = Math.max(1, Math.floor(n * density));
    const start = Math.floor(rand() * (n - size));
    for (let p = start; p < start + size; p++) inMatch[order[p] as number] = 1;
  } else for (let r = 0; r < n; r++) if (rand() < density) inMatch[r] = 1;
  const matched = Int32Array.from({ length: n }, (_, r) => r).filter((r) => inMatch[r] === 1);
  const along = [...order].filter((r) => inMatch[r] === 1);
  return { order, matched, expected: desc ? along.reverse() : along };
}

describe('matched order', () => {
  for (const clustered of [false, true])
    for (const desc of [false, true])
      it(`finds every position along the order (${clustered ? 'clustered' : 'spread'}, ${desc ? 'desc' : 'asc'})`, () => {
        for (let seed = 1; seed <= 40; seed++) {
          const rand = random(seed);
          const n = 50 + Math.floor(rand() * 3000);
          const density = [0.02, 0.1, 0.5, 0.95][seed % 4] as number;
          const { order, matched, expected } = makeCase(rand, n, density, clustered, desc);
          const along = pickAlongOrder(order, matched, desc);
          const byRank = pickByRank(order, rankOf(order), matched, desc);
          // A screenful first, as the grid asks, then positions in random order: deep ones grow the buffer.
          const asked = [...Array(Math.min(20, expected.length)).keys()];
          for (let i = 0; i < 60; i++) asked.push(Math.floor(rand() * expected.length));
          asked.push(expected.length - 1, 0);
          for (const position of asked) {
            expect(along(position), `seed ${seed}, position ${position}`).toBe(expected[position]);
            expect(byRank(position), `seed ${seed}, position ${position}`).toBe(expected[position]);
          }
          expect(along(expected.length)).toBeUndefined();
          expect(along(-1)).toBeUndefined();
        }
      });

  it('gives the whole match when read from the end first', () => {
    const rand = random(7);
    const { order, matched, expected } = makeCase(rand, 5000, 0.3, true, false);
    const along = pickAlongOrder(order, matched, false);
    expect(along(expected.length - 1)).toBe(expected.at(-1));
    expect(Array.from({ length: expected.length }, (_, i) => along(i))).toEqual(expected);
  });

  it('walks with a mask when thousands of positions are asked at once', () => {
    const rand = random(11);
    for (const desc of [false, true]) {
      const { order, matched, expected } = makeCase(rand, 30_000, 0.6, true, desc);
      const along = pickAlongOrder(order, matched, desc);
      expect(along(5)).toBe(expected[5]);
      expect(along(expected.length - 1)).toBe(expected.at(-1));
      expect(Array.from({ length: expected.length }, (_, i) => along(i))).toEqual(expected);
    }
  });

  it('reads a screenful of matches far down the order without walking to them', () => {
    const n = 100_000;
    const order = shuffled(n, random(3));
    let reads = 0;
    // Counts the picker's reads of the order; the ranks are made from the plain array.
    const counted = new Proxy(order, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // A block of 8,000 rows starting 70 % of the way down, as "orders" is when sorted by name.
    const matched = Int32Array.from(order.subarray(70_000, 78_000)).sort();
    let ranked = 0;
    const along = pickAlongOrder(counted, matched, false, () => {
      ranked++;
      return rankOf(order);
    });
    expect(Array.from({ length: 16 }, (_, i) => along(i))).toEqual([...order.subarray(70_000, 70_016)]);
    expect(ranked).toBe(1);
    expect(reads).toBeLessThan(1_000);
    // Further down, it goes on from where it stopped: inside the block, a walk finds the rest.
    expect(along(200)).toBe(order[70_200]);
    expect(ranked).toBe(1);
    expect(reads).toBeLessThan(1_500);
  });

  it('does not ask for the ranks when the matches are spread along the order', () => {
    const rand = random(5);
    const { order, matched, expected } = makeCase(rand, 100_000, 0.3, false, false);
    const along = pickAlongOrder(order, matched, false, () => {
      throw new Error('no ranks needed');
    });
    expect(Array.from({ length: 48 }, (_, i) => along(i))).toEqual(expected.slice(0, 48));
  });
});
