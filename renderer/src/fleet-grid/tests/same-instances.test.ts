/** Telling an unchanged listing from a changed one (shared/same-json.ts; the renderer's rows are kept for it). */
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../../shared/same-json';
import { instance, manyInstances } from '../../../../tests/unit/renderer/fixtures/sample';
import { toRow } from '../rows/fleet-rows';
import { sameInstances } from '../rows/same-instances';

describe('sameJson', () => {
  it('compares values, not identities, whatever the order of keys', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson([], [])).toBe(true);
    expect(sameJson(null, null)).toBe(true);
    // As JSON sees them: a key holding undefined is a key that is not there.
    expect(sameJson({ a: 1, zoneId: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, zoneId: undefined })).toBe(true);
  });

  it('tells every kind of difference', () => {
    const cases: Array<[unknown, unknown]> = [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { a: '1' }],
      [{ a: 1 }, { a: 1, b: 2 }],
      [{ a: 1, b: 2 }, { a: 1 }],
      [{ a: 1 }, { b: 1 }],
      [{ a: undefined }, { b: 1 }],
      [{ a: undefined, b: 1 }, { a: 1 }],
      [
        [1, 2],
        [2, 1],
      ],
      [[1], [1, 1]],
      [[], {}],
      [{}, []],
      [{ a: null }, { a: {} }],
      [{ a: [{ k: 'env', v: 'prod' }] }, { a: [{ k: 'env', v: 'test' }] }],
      [JSON.parse('{"__proto__": {}}'), { y: 1 }],
      [0, false],
      ['', null],
    ];
    for (const [a, b] of cases) {
      expect(sameJson(a, b), JSON.stringify([a, b])).toBe(false);
      expect(sameJson(b, a), JSON.stringify([b, a])).toBe(false);
    }
  });
});

describe('sameInstances', () => {
  const rows = manyInstances(30).map(toRow);
  const copy = () => manyInstances(30).map((one) => structuredClone(one));

  it('is true for an equal listing in the same order', () => {
    expect(sameInstances(rows, copy())).toBe(true);
    expect(sameInstances([], [])).toBe(true);
  });

  it('is false for another order, another length or any changed field', () => {
    const swapped = copy();
    [swapped[3], swapped[4]] = [swapped[4] as never, swapped[3] as never];
    expect(sameInstances(rows, swapped)).toBe(false);
    expect(sameInstances(rows, copy().slice(1))).toBe(false);
    expect(sameInstances(rows, [...copy(), instance({ id: 'crs-extra' })])).toBe(false);
    const base = copy()[29];
    const changes = Object.keys(base ?? {}).length;
    expect(changes).toBeGreaterThan(10);
    for (const key of Object.keys(base ?? {})) {
      const changed = copy();
      const last = changed[29] as unknown as Record<string, unknown>;
      last[key] = typeof last[key] === 'string' ? `${last[key]}!` : ['other'];
      expect(sameInstances(rows, changed), key).toBe(false);
    }
    const tagged = copy();
    tagged[0]?.tags.push({ key: 'team', value: 'dba' });
    expect(sameInstances(rows, tagged)).toBe(false);
  });
});
