import { describe, expect, it } from 'vitest';
import { escapeKey, isUtf8, keyBytes, reprBytes } from '../../../shared/escape-key';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('escapeKey', () => {
  it('shows valid UTF-8 keys as text', () => {
    expect(escapeKey(new TextEncoder().encode('user:42'))).toBe('user:42');
    expect(escapeKey(new TextEncoder().encode('用户:42'))).toBe('用户:42');
  });

  it('writes other keys as redis-cli does (sdscatrepr)', () => {
    expect(escapeKey(bytes(0xff, 0x61))).toBe('"\\xffa"');
    expect(reprBytes(bytes(0x5c, 0x22, 0x0a, 0x0d, 0x09, 0x07, 0x08, 0x00, 0x7f, 0x20))).toBe(
      '"\\\\\\"\\n\\r\\t\\a\\b\\x00\\x7f "',
    );
    // Overlong encodings are not UTF-8.
    expect(isUtf8(bytes(0xc0, 0xaf))).toBe(false);
    expect(escapeKey(bytes(0xc0, 0xaf))).toBe('"\\xc0\\xaf"');
  });

  it('escapes control characters and a leading quote even in valid UTF-8', () => {
    expect(escapeKey(new TextEncoder().encode('a\nb'))).toBe('"a\\nb"');
    expect(escapeKey(new TextEncoder().encode('"x"'))).toBe('"\\"x\\""');
  });

  it('quotes valid UTF-8 that hides text (bidi, zero-width, C1, tags) byte by byte, as redis-cli does', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    // U+202E RIGHT-TO-LEFT OVERRIDE is e2 80 ae; U+0085 NEL is c2 85.
    expect(escapeKey(enc('admin\u202etxt'))).toBe('"admin\\xe2\\x80\\xaetxt"');
    expect(escapeKey(enc('a\u0085b'))).toBe('"a\\xc2\\x85b"');
    const hiding = [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u0080',
      '\u009f',
      '\u2028',
      '\u2029',
      '\u{e0041}',
    ];
    for (const c of hiding) {
      const key = enc(`k${c}`);
      expect(escapeKey(key), c.codePointAt(0)?.toString(16)).toBe(reprBytes(key));
      expect(keyBytes(escapeKey(key))).toEqual(key);
    }
    // Text that hides nothing stays text: CJK, accents, an emoji, a right-to-left script without overrides.
    for (const t of ['用户:42', 'café', 'x😀', 'שלום:1']) expect(escapeKey(enc(t))).toBe(t);
  });

  it('reads the escaped form back to the same bytes', () => {
    for (const key of [bytes(0xff, 0x00, 0x22, 0x5c, 0x0a), new TextEncoder().encode('"q"'), bytes(0x41)]) {
      expect(keyBytes(escapeKey(key))).toEqual(key);
    }
    expect(keyBytes('plain')).toEqual(new TextEncoder().encode('plain'));
    expect(keyBytes('"\\xZZ"')).toBeNull();
    expect(keyBytes('"\\q"')).toBeNull();
  });
});
