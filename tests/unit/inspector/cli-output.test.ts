/**
 * The command line's output is safe in a terminal whatever a file holds: text that is not a key (a file name,
 * a backup's aux fields) goes through the visible-text rule in the tables, and the JSON text escapes what
 * JSON.stringify lets through raw, while still parsing to the same value.
 */
import { describe, expect, it } from 'vitest';
import { humanDiff, humanReport } from '../../../electron/core/inspector/cli/human-output';
import { terminalJson } from '../../../electron/core/inspector/cli/inspect-cli';
import { ReportBuilder } from '../../../electron/core/inspector/report/report-builder';
import type { DiffResult } from '../../../shared/inspector';
import { entry, summary } from '../../support/fake-rdb';

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const rawHidden = (text: string) => [...text.replace(/\n/g, '')].some((c) => HIDDEN.test(c));

describe('terminalJson', () => {
  it('escapes DEL, C1, bidi, invisible and line-separator characters, and parses back to the same value', () => {
    const value = {
      file: 'a\u202eb\u2066',
      aux: '\u0085\u007f\u2028\u200b\ufeff',
      tag: 'x\u{e0041}',
      ok: '用户😀',
    };
    const text = terminalJson(value);
    expect(rawHidden(text)).toBe(false);
    expect(text).toContain('a\\u202eb\\u2066');
    expect(text).toContain('x\\udb40\\udc41');
    expect(text).toContain('用户😀');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('human output', () => {
  it('escapes hidden characters in a file name and in the redis version a file claims', () => {
    const builder = new ReportBuilder({ referenceMs: 0, separators: ':' });
    builder.startFile('shard\u202e1.rdb');
    builder.add(entry({ key: 'k' }));
    builder.endFile(summary(1, { aux: { 'redis-ver': '7.0\u001b[2J\u200f' } }));
    builder.startFile('plain\\2.rdb');
    builder.endFile(summary(0));
    const text = humanReport(builder.build());
    expect(rawHidden(text)).toBe(false);
    expect(text).toContain('shard\\u{202e}1.rdb');
    expect(text).toContain('7.0\\x1b[2J\\u{200f}');
    // A name that hides nothing is printed as it is, backslash and all.
    expect(text).toContain('plain\\2.rdb');
  });

  it('escapes hidden characters in the names of the two sides of a diff', () => {
    const diff: DiffResult = {
      base: 'old\u202e.rdb',
      other: 'new\u0085.rdb',
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 0,
      byPrefix: [],
      samples: { added: [], removed: [], changed: [] },
      wouldLose: { missingKeys: 0, changedKeys: 0 },
    };
    const text = humanDiff(diff);
    expect(rawHidden(text)).toBe(false);
    expect(text).toContain('From old\\u{202e}.rdb to new\\x85.rdb');
  });
});
