// hashValues hashes collections by content: the same data in any encoding (and, for sets, hashes and
// sorted sets, in any order) hashes the same; a changed element, a reordered list or a changed score does not.
import { describe, expect, it } from 'vitest';
import { ValueHash } from '../../../electron/core/inspector/rdb/value-hash.js';
import {
  blob,
  intStr,
  intset,
  len,
  listpack,
  lzfStr,
  RdbBuilder,
  str,
  u64le,
  ziplist,
  zipmap,
} from '../../support/rdb-builder.js';
import { byKey, readAll } from './rdb-read-helpers.js';

const f64 = (d: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, d, true);
  return [...b];
};

async function hashes(
  build: (b: RdbBuilder) => RdbBuilder,
  version = 10,
): Promise<Record<string, string | undefined>> {
  const { keys } = await readAll(build(new RdbBuilder(version)).end(), [5], { hashValues: true });
  return Object.fromEntries(Object.entries(byKey(keys)).map(([k, e]) => [k, e.valueHash]));
}

describe('value hashes by content', () => {
  it('hashes a hash the same as zipmap, ziplist, listpack and hashtable (raw, integer and LZF strings, any order)', async () => {
    const h = await hashes(
      (b) =>
        b
          .key(
            9,
            'zipmap',
            blob(
              zipmap([
                ['name', 'ada'],
                ['n', '12'],
              ]),
            ),
          )
          .key(13, 'ziplist', blob(ziplist(['name', 'ada', 'n', 12])))
          .key(16, 'listpack', blob(listpack(['n', 12, 'name', 'ada']), true))
          .key(4, 'hashtable', [...len(2), ...str('n'), ...intStr(12), ...lzfStr('name'), ...str('ada')])
          .key(25, 'listpack-ex', [
            ...u64le(0),
            ...blob(listpack(['name', 'ada', 0, 'n', 12, 1_900_000_000_000])),
          ])
          .key(4, 'changed', [...len(2), ...str('n'), ...intStr(13), ...str('name'), ...str('ada')]),
      12,
    );
    for (const k of ['ziplist', 'listpack', 'hashtable', 'listpack-ex']) expect(h[k], k).toBe(h.zipmap);
    expect(h.changed).not.toBe(h.zipmap);
  });

  it('hashes a set the same as intset, listpack and hashtable in any order', async () => {
    const h = await hashes(
      (b) =>
        b
          .key(11, 'intset', blob(intset([3, -7, 70000], 4)))
          .key(20, 'listpack', blob(listpack([70000, 3, '-7'])))
          .key(2, 'hashtable', [...len(3), ...intStr(-7), ...str('70000'), ...intStr(3)])
          .key(2, 'other', [...len(3), ...intStr(-7), ...str('70001'), ...intStr(3)]),
      11,
    );
    expect(h.listpack).toBe(h.intset);
    expect(h.hashtable).toBe(h.intset);
    expect(h.other).not.toBe(h.intset);
  });

  it('hashes sorted-set scores as numbers, whether text, integer or binary double', async () => {
    const h = await hashes((b) =>
      b
        .key(12, 'ziplist', blob(ziplist(['a', '1.5', 'b', 2])))
        .key(17, 'listpack', blob(listpack(['b', '2', 'a', '1.5'])))
        .key(5, 'skiplist2', [...len(2), ...str('a'), ...f64(1.5), ...str('b'), ...f64(2)])
        .key(3, 'skiplist', [...len(2), ...str('b'), 1, 50, ...str('a'), 3, 49, 46, 53])
        .key(5, 'rescored', [...len(2), ...str('a'), ...f64(1.25), ...str('b'), ...f64(2)]),
    );
    for (const k of ['listpack', 'skiplist2', 'skiplist']) expect(h[k], k).toBe(h.ziplist);
    expect(h.rescored).not.toBe(h.ziplist);
  });

  it('hashes a list the same in every encoding, and differently once reordered', async () => {
    const items = ['x', 5, 'y'.repeat(70)];
    const h = await hashes((b) =>
      b
        .key(10, 'ziplist', blob(ziplist(items)))
        .key(14, 'quicklist', [
          ...len(2),
          ...blob(ziplist(['x', 5])),
          ...blob(ziplist(['y'.repeat(70)]), true),
        ])
        .key(18, 'quicklist2', [
          ...len(2),
          ...len(2),
          ...blob(listpack(['x', 5])),
          ...len(1),
          ...str('y'.repeat(70)),
        ])
        .key(1, 'linkedlist', [...len(3), ...str('x'), ...intStr(5), ...lzfStr('y'.repeat(70))])
        .key(1, 'reordered', [...len(3), ...intStr(5), ...str('x'), ...str('y'.repeat(70))]),
    );
    for (const k of ['quicklist', 'quicklist2', 'linkedlist']) expect(h[k], k).toBe(h.ziplist);
    expect(h.reordered).not.toBe(h.ziplist);
  });

  it('hashes a member too big to buffer as it streams through, the same at any chunking and order', async () => {
    // Just over the 256 KB the window buffers whole.
    const big = 'b'.repeat(300_000);
    const data = new RdbBuilder(10)
      .key(2, 'one', [...len(2), ...str(big), ...str('small')])
      .key(2, 'two', [...len(2), ...str('small'), ...str(big)])
      .key(2, 'three', [...len(2), ...str('small'), ...str(`${big.slice(1)}c`)])
      .end();
    const whole = byKey((await readAll(data, [1 << 20], { hashValues: true })).keys);
    const pieces = byKey((await readAll(data, [4096, 999], { hashValues: true })).keys);
    expect(pieces.one?.valueHash).toBe(whole.one?.valueHash);
    expect(whole.two?.valueHash).toBe(whole.one?.valueHash);
    expect(whole.three?.valueHash).not.toBe(whole.one?.valueHash);
  });

  it('tells a field from its value, and pairs apart from their elements', async () => {
    const h = await hashes((b) =>
      b
        .key(16, 'ab', blob(listpack(['a', 'b'])))
        .key(16, 'ba', blob(listpack(['b', 'a'])))
        .key(16, 'ab-cd', blob(listpack(['a', 'b', 'c', 'd'])))
        .key(16, 'ad-cb', blob(listpack(['a', 'd', 'c', 'b']))),
    );
    expect(h.ab).not.toBe(h.ba);
    expect(h['ab-cd']).not.toBe(h['ad-cb']);
  });

  it('hashes each string as stored, read alone, in any chunks, or taking turns with another read', async () => {
    // Strings of 100 B to 6 KB and listpacks of several KB: records span chunks, the window grows in
    // place, and some strings stream through; the two reads' windows take turns with the one mirror.
    let seed = 11;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const build = (tag: string) => {
      const b = new RdbBuilder(10);
      const stored = new Map<string, Uint8Array>();
      for (let i = 0; i < 60; i++) {
        const value = Uint8Array.from({ length: 100 + Math.floor(rnd() * 6000) }, () => rnd() * 256);
        const encoded = str(value);
        stored.set(`${tag}:s${i}`, Uint8Array.from(encoded));
        b.key(0, `${tag}:s${i}`, encoded);
        if (i % 10 === 0) {
          const fields = Array.from({ length: 120 }, (_, j) => `${tag}-${i}-${j}-${'f'.repeat(j % 40)}`);
          b.key(16, `${tag}:h${i}`, blob(listpack(fields)));
        }
      }
      return { data: b.end(), stored };
    };
    const a = build('a');
    const b = build('b');
    const alone = async (d: Uint8Array, sizes: number[]) =>
      byKey((await readAll(d, sizes, { hashValues: true })).keys);
    const wholeA = await alone(a.data, [1 << 22]);
    const wholeB = await alone(b.data, [1 << 22]);
    const h = new ValueHash();
    for (const [key, encoded] of a.stored) {
      h.reset();
      h.update(encoded, 0, encoded.length);
      expect(wholeA[key]?.valueHash, key).toBe(h.digest());
    }
    for (const sizes of [[1000], [4096, 999], [333, 7000]]) {
      expect(await alone(a.data, sizes)).toEqual(wholeA);
      const [ta, tb] = await Promise.all([
        readAll(a.data, sizes, { hashValues: true }),
        readAll(b.data, [...sizes].reverse(), { hashValues: true }),
      ]);
      expect(byKey(ta.keys)).toEqual(wholeA);
      expect(byKey(tb.keys)).toEqual(wholeB);
    }
  });
});
