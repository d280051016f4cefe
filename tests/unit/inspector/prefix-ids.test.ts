// The diff's first-level prefix ids: the same prefix always gets the same id, ids in order of first sight up
// to the cap, then (other); a key without a separator has none.
import { describe, expect, it } from 'vitest';
import { NONE, OTHER, PrefixIds } from '../../../electron/core/inspector/diff/prefix-ids';

const enc = new TextEncoder();

describe('diff prefix ids', () => {
  it('numbers prefixes in order of first sight, the same each time, up to the cap', () => {
    const ids = new PrefixIds(':/', 1000);
    const first = new Map<string, number>();
    // 1,500 prefixes met twice, interleaved: a table of a few thousand slots, so slots are shared.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1500; i++) {
        const prefix = `p${(i * 7919) % 1500}`;
        const id = ids.of(enc.encode(`${prefix}:${round}:${i}`));
        if (round === 0 && !first.has(prefix)) first.set(prefix, id);
        else expect(id, prefix).toBe(first.get(prefix));
      }
    }
    const named = [...first.entries()].filter(([, id]) => id !== OTHER);
    expect(named.length).toBe(1000);
    expect(named.map(([, id]) => id)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    for (const [prefix, id] of named) expect(ids.names[id]).toBe(`${prefix}:`);
    expect(ids.of(enc.encode('plain'))).toBe(NONE);
    expect(ids.of(enc.encode('a/b:c'))).toBe(OTHER);
  });

  it('tells apart prefixes of the same length and bytes but one', () => {
    const ids = new PrefixIds(':', 10);
    const a = ids.of(enc.encode('ab:1'));
    const b = ids.of(enc.encode('ac:1'));
    const c = ids.of(enc.encode('ab:2'));
    expect(a).not.toBe(b);
    expect(c).toBe(a);
    expect(ids.names.slice(2)).toEqual(['ab:', 'ac:']);
  });
});
