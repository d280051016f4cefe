/** Parcels: the ASCII escaping of JSON (against JSON.parse itself) and the store's once-only, timed keeping. */
import { describe, expect, it, vi } from 'vitest';
import { asciiJsonBytes, ParcelStore } from '../../../electron/browser/bridge-parcels';

const ascii = (bytes: Buffer) => bytes.every((b) => b <= 0x7f);

describe('ASCII JSON', () => {
  it('escapes every character above U+007F and parses back to the same value', () => {
    const values = [
      { name: '默认项目', emoji: '🚀 crs', separators: '\u2028\u2029', latin: 'café ñ', nul: '\u0000' },
      ['plain', 1, null, true, { 'clé 键': ['é', '😀😀'] }],
      'x'.repeat(1000),
      { lone: '\ud800 alone', tail: '\udfff' },
    ];
    for (const value of values) {
      const json = JSON.stringify(value);
      const bytes = asciiJsonBytes(json);
      expect(ascii(bytes)).toBe(true);
      expect(JSON.parse(bytes.toString('latin1'))).toEqual(JSON.parse(json));
    }
  });

  it('passes ASCII through unchanged', () => {
    const json = JSON.stringify({ id: 'crs-1', tags: ['env:prod'] });
    expect(asciiJsonBytes(json).toString('latin1')).toBe(json);
  });

  it('round-trips random text over the whole BMP and beyond', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => String.fromCodePoint(next() % 0x110000)).join('');
      const json = JSON.stringify({ text });
      const bytes = asciiJsonBytes(json);
      expect(ascii(bytes)).toBe(true);
      expect(JSON.parse(bytes.toString('latin1'))).toEqual({ text });
    }
  });
});

describe('parcel store', () => {
  it("gives a parcel only to its owner's fetch, and keeps it from another's", () => {
    const store = new ParcelStore();
    const page = {};
    const other = {};
    const id = store.put(Buffer.from('mine'), page);
    expect(store.take(id, other)).toBeUndefined();
    expect(store.take(id, page)?.toString()).toBe('mine');
    expect(store.take(id, page)).toBeUndefined();
  });

  it('gives a parcel once, under a fresh 128-bit id', () => {
    const store = new ParcelStore();
    const a = store.put(Buffer.from('a'));
    const b = store.put(Buffer.from('b'));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(store.take(a)?.toString()).toBe('a');
    expect(store.take(a)).toBeUndefined();
    expect(store.size).toBe(1);
    store.clear();
    expect(store.take(b)).toBeUndefined();
  });

  it("drops a closed connection's parcels, and only those", () => {
    const store = new ParcelStore();
    const gone = {};
    const open = {};
    const a = store.put(Buffer.from('a'), gone);
    const b = store.put(Buffer.from('b'), open);
    const c = store.put(Buffer.from('c'), gone);
    store.dropOwnedBy(gone);
    expect(store.take(a)).toBeUndefined();
    expect(store.take(c)).toBeUndefined();
    expect(store.take(b)?.toString()).toBe('b');
  });

  it('drops a parcel nobody fetched once its time is up', () => {
    vi.useFakeTimers();
    try {
      const store = new ParcelStore(1_000);
      const id = store.put(Buffer.from('late'));
      vi.advanceTimersByTime(999);
      expect(store.size).toBe(1);
      vi.advanceTimersByTime(1);
      expect(store.take(id)).toBeUndefined();
      expect(store.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
