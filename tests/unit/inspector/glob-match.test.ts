import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch } from '../../../electron/core/inspector/find/glob-match';

const b = (s: string) => new TextEncoder().encode(s);
const m = (pattern: string, key: string) => globMatch(b(pattern), b(key));

describe('Redis glob (stringmatchlen)', () => {
  it('matches *, ? and literal bytes over the whole key', () => {
    expect(m('user:42:*', 'user:42:name')).toBe(true);
    expect(m('user:42:*', 'user:420:name')).toBe(false);
    expect(m('user:*', 'user:')).toBe(true);
    expect(m('*', '')).toBe(false); // the loop never runs on an empty key: redis answers no match
    expect(m('h?llo', 'hello')).toBe(true);
    expect(m('h?llo', 'hllo')).toBe(false);
    expect(m('a*b*c', 'axxbyyc')).toBe(true);
    expect(m('a*b*c', 'axxbyy')).toBe(false);
    expect(m('**x', 'abx')).toBe(true);
  });

  it('reads classes, negation, ranges (either way round) and escapes', () => {
    expect(m('h[ae]llo', 'hallo')).toBe(true);
    expect(m('h[ae]llo', 'hillo')).toBe(false);
    expect(m('h[^e]llo', 'hallo')).toBe(true);
    expect(m('h[^e]llo', 'hello')).toBe(false);
    expect(m('h[a-b]llo', 'hbllo')).toBe(true);
    expect(m('h[b-a]llo', 'hallo')).toBe(true);
    expect(m('h[\\]]llo', 'h]llo')).toBe(true);
    expect(m('a\\*b', 'a*b')).toBe(true);
    expect(m('a\\*b', 'axb')).toBe(false);
    // An unterminated class runs to the end of the pattern.
    expect(m('a[bc', 'ab')).toBe(true);
    expect(m('a[bc', 'ad')).toBe(false);
  });

  it('compares range bounds as signed chars, as redis on x86', () => {
    // 0xff is -1 as a signed char: inside [\x00-\x7f]? No: below 0x00.
    expect(globMatch(Uint8Array.from([0x5b, 0x00, 0x2d, 0x7f, 0x5d]), Uint8Array.from([0xff]))).toBe(false);
    expect(globMatch(Uint8Array.from([0x5b, 0x80, 0x2d, 0x05, 0x5d]), Uint8Array.from([0xff]))).toBe(true);
  });

  it('compiles exact names and prefixes to plain comparisons that agree with the matcher', () => {
    const patterns = ['user:42', 'user:*', 'user:*:x', 'a\\*', '*'];
    const keys = ['user:42', 'user:4', 'user:42:x', 'user:', 'a*', 'ab', 'x'];
    for (const p of patterns) {
      const compiled = compileGlob(b(p));
      for (const k of keys) expect(compiled(b(k)), `${p} ~ ${k}`).toBe(m(p, k));
    }
    // KEYS * and SCAN MATCH * list the empty key too.
    expect(compileGlob(b('*'))(b(''))).toBe(true);
    expect(compileGlob(b('**'))(b(''))).toBe(false);
  });
});
