// What the value panel is handed: bytes cut at 1 KB without a broken character at the cut, anything not
// UTF-8 in redis-cli's quoted form, and `truncated` whenever something was left out.
import { describe, expect, it } from 'vitest';
import {
  dropCutSequence,
  PREVIEW_BYTES,
  toPreview,
} from '../../../electron/core/inspector/preview/value-preview.js';
import type { RdbKeyEntry } from '../../../electron/core/inspector/rdb/rdb-types.js';

const enc = new TextEncoder();
const entry = (type: RdbKeyEntry['type']): RdbKeyEntry => ({
  db: 0,
  key: enc.encode('k'),
  type,
  encoding: 'raw',
  expireAtMs: null,
  elements: 1,
  bytes: 10,
});

describe('toPreview', () => {
  it('cuts text at 1 KB before a character the cut would break', () => {
    const long = enc.encode(`${'a'.repeat(PREVIEW_BYTES - 1)}é and more`);
    expect(toPreview(entry('string'), { bytes: long, truncated: false })).toMatchObject({
      text: 'a'.repeat(PREVIEW_BYTES - 1),
      truncated: true,
    });
    // The reader cut it at 1 KB already (it says truncated): the half character goes too.
    const cutByReader = long.slice(0, PREVIEW_BYTES);
    expect(toPreview(entry('string'), { bytes: cutByReader, truncated: true }).text).toBe(
      'a'.repeat(PREVIEW_BYTES - 1),
    );
  });

  it('keeps a whole value as it is, binary included', () => {
    const binary = Uint8Array.from([...enc.encode('a'.repeat(PREVIEW_BYTES - 1)), 0xc3]);
    const shown = toPreview(entry('string'), { bytes: binary, truncated: false });
    expect(shown.text?.endsWith('\\xc3"')).toBe(true);
    expect(shown.truncated).toBe(false);
  });

  it('shows each element as text, cutting one handed back longer than 1 KB', () => {
    const shown = toPreview(entry('hash'), {
      items: [enc.encode('f'), enc.encode('v'.repeat(2000)), Uint8Array.from([0xff])],
      truncated: false,
    });
    expect(shown).toMatchObject({ items: ['f', 'v'.repeat(PREVIEW_BYTES), '"\\xff"'], truncated: true });
  });
});

describe('dropCutSequence', () => {
  it('drops only an incomplete sequence at the end', () => {
    const euro = enc.encode('€'); // three bytes
    expect(dropCutSequence(euro)).toEqual(euro);
    expect(dropCutSequence(euro.subarray(0, 2))).toEqual(new Uint8Array(0));
    expect(dropCutSequence(Uint8Array.from([0x61, 0xf0, 0x9f, 0x98]))).toEqual(Uint8Array.from([0x61]));
    expect(dropCutSequence(Uint8Array.from([0x61, 0x62]))).toEqual(Uint8Array.from([0x61, 0x62]));
  });
});
