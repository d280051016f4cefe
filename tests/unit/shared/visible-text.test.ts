/** A key, a file name or a value preview shows every character for what it is: nothing hidden, reordered or forged. */
import { describe, expect, it } from 'vitest';
import { shownKey, shownValue, visibleText } from '../../../shared/visible-text';

describe('visibleText', () => {
  it('keeps ordinary text, line feeds, tabs and CJK as they are', () => {
    expect(visibleText('user:42\tname=张三\nok')).toBe('user:42\tname=张三\nok');
  });

  it('escapes control characters, DEL and C1', () => {
    expect(visibleText('a\u0000b\u001b[31mc\rd\u007f\u0085')).toBe('a\\x00b\\x1b[31mc\\x0dd\\x7f\\x85');
  });

  it('escapes bidirectional overrides and zero-width characters', () => {
    expect(visibleText('admin\u202e\u2066txt\u200b\ufeff')).toBe(
      'admin\\u{202e}\\u{2066}txt\\u{200b}\\u{feff}',
    );
  });

  it('escapes the other format characters and line separators, astral ones by code point', () => {
    expect(visibleText('a\u00adb\u2028c\u2029d\u{e0041}e')).toBe('a\\xadb\\u{2028}c\\u{2029}d\\u{e0041}e');
  });

  it('escapes lone surrogates but keeps pairs (emoji)', () => {
    expect(visibleText('x\ud800y\udc00z😀')).toBe('x\\u{d800}y\\u{dc00}z😀');
  });

  it('doubles a backslash so data cannot pass for an escape', () => {
    expect(visibleText('\\x00')).toBe('\\\\x00');
  });
});

describe('shownKey and shownValue', () => {
  it('show the quoted form main sends for binary data as it is', () => {
    expect(shownKey('"\\xff\\xfeuser"')).toBe('"\\xff\\xfeuser"');
    expect(shownValue('"\\x00\\x01"')).toBe('"\\x00\\x01"');
  });

  it('leave an ordinary key alone, backslashes included, and escape one that hides characters', () => {
    expect(shownKey('path\\to:key')).toBe('path\\to:key');
    expect(shownKey('user\u202e:1\\x')).toBe('user\\u{202e}:1\\\\x');
  });

  it('escape line feeds and tabs in one line of text, unlike a value preview', () => {
    expect(shownKey('a\nb\tc\u0085')).toBe('a\\x0ab\\x09c\\x85');
  });

  it('escape a value preview that is not in the quoted form', () => {
    expect(shownValue('a\\b\u0007')).toBe('a\\\\b\\x07');
  });
});
