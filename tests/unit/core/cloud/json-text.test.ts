// ASCII JSON text: the escaped forms parse to exactly what the plain UTF-8 text parses to.
import { describe, expect, it } from 'vitest';
import {
  AsciiJsonDecoder,
  stringifyAscii,
  utf8JsonToAscii,
} from '../../../../electron/core/cloud/parsing/json-text';

const encode = (text: string) => new TextEncoder().encode(text);
const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 0x80);

describe('utf8JsonToAscii', () => {
  it('gives ASCII text that parses to the same value as the decoded UTF-8', () => {
    const values = [
      { InstanceTitle: '运行中', InstanceName: 'orders', Tags: ['环境:生产'] },
      { emoji: '🚀 😀', mixed: 'aé中😀z', empty: '' },
      ['ascii only', 1, null, true],
      { key中: 'value' },
    ];
    for (const value of values) {
      const text = utf8JsonToAscii(encode(JSON.stringify(value)));
      expect(isAscii(text)).toBe(true);
      expect(JSON.parse(text)).toEqual(value);
    }
  });

  it('reads a view into a larger buffer by its own bounds', () => {
    const whole = encode('xx{"a":"中"}yy');
    expect(JSON.parse(utf8JsonToAscii(whole.subarray(2, whole.length - 2)))).toEqual({ a: '中' });
  });

  it('falls back to the standard decoder on bytes that are not well-formed UTF-8', () => {
    const bad = [
      [0x22, 0xff, 0x22],
      [0x22, 0xe4, 0xb8, 0x22],
      [0x22, 0xc0, 0xaf, 0x22],
      [0x22, 0xed, 0xa0, 0x80, 0x22],
      [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22],
      [0x22, 0xe4, 0xb8],
    ];
    for (const bytes of bad) {
      const input = new Uint8Array(bytes);
      expect(utf8JsonToAscii(input)).toBe(new TextDecoder().decode(input));
    }
  });
});

describe('AsciiJsonDecoder, chunk by chunk', () => {
  it('gives the same value wherever the chunks are cut, valid UTF-8 or not', () => {
    const inputs = [
      encode(JSON.stringify({ t: '运行中', e: 'a😀é', z: 'end' })),
      // JSON strings holding bytes that are not UTF-8: a stray continuation, a cut and an overlong form.
      new Uint8Array([
        0x22, 0x61, 0xe4, 0xb8, 0xad, 0x80, 0x62, 0xe4, 0xb8, 0x63, 0xc0, 0xaf, 0xe4, 0xb8, 0xad, 0x22,
      ]),
      new Uint8Array([0x22, 0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f, 0x22]),
    ];
    for (const bytes of inputs) {
      const expected = JSON.parse(new TextDecoder().decode(bytes));
      for (let a = 0; a <= bytes.length; a++) {
        for (let b = a; b <= bytes.length; b++) {
          const decoder = new AsciiJsonDecoder();
          decoder.write(bytes.subarray(0, a));
          decoder.write(bytes.subarray(a, b));
          decoder.write(bytes.subarray(b));
          expect(JSON.parse(decoder.end()), `cut at ${a}, ${b}`).toEqual(expected);
        }
      }
    }
  });
});

describe('AsciiJsonDecoder on seeded random text', () => {
  it('gives what the standard decoder gives, for any mix of characters, damage and cuts', () => {
    let seed = 20261130;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      () => [0x61 + next(26)],
      () => [...encode(String.fromCodePoint(0x80 + next(0x780)))],
      () => [...encode(String.fromCodePoint(0x800 + next(0xd000)))],
      () => [...encode(String.fromCodePoint(0x10000 + next(0x100000)))],
      () => [[0x80], [0xff], [0xc0, 0xaf], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf0, 0x9f]][next(6)] ?? [],
    ];
    for (let round = 0; round < 400; round++) {
      const body: number[] = [0x22];
      const length = 1 + next(40);
      for (let k = 0; k < length; k++) {
        const piece = pieces[next(round % 3 === 0 ? 5 : 4)];
        if (piece) body.push(...piece());
      }
      body.push(0x22);
      const bytes = new Uint8Array(body);
      const cuts = [next(bytes.length + 1), next(bytes.length + 1)].sort((a, b) => a - b);
      const decoder = new AsciiJsonDecoder();
      decoder.write(bytes.subarray(0, cuts[0]));
      decoder.write(bytes.subarray(cuts[0], cuts[1]));
      decoder.write(bytes.subarray(cuts[1]));
      const text = decoder.end();
      const expected = JSON.parse(new TextDecoder().decode(bytes));
      expect(JSON.parse(text), `round ${round}`).toBe(expected);
      if (round % 3 !== 0) expect(isAscii(text), `round ${round}`).toBe(true);
    }
  });
});

describe('stringifyAscii', () => {
  it('is JSON.stringify with non-ASCII escaped', () => {
    const value = { title: '运行中', emoji: '😀', plain: 'a"b\\c', n: 1.5, list: [{ k: '中' }] };
    const text = stringifyAscii(value);
    expect(isAscii(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
    expect(stringifyAscii({ a: 'plain' })).toBe(JSON.stringify({ a: 'plain' }));
  });
});
