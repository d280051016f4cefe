import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkSettingsFile } from '../../../electron/core/settings/settings-file';
import { readJsonFile, readJsonFileSync, writeFileAtomic } from '../../../electron/core/storage/atomic-file';
import { JsonLinesFile } from '../../../electron/core/storage/json-lines';

const dir = () => mkdtempSync(join(tmpdir(), 'crs-storage-'));
const Shape = z.object({ n: z.number() });

describe('atomic JSON files', () => {
  it('writes atomically and leaves no temporary file behind', async () => {
    const d = dir();
    await writeFileAtomic(join(d, 'a.json'), '{"n":1}');
    await writeFileAtomic(join(d, 'a.json'), '{"n":2}');
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"n":2}');
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('reports a missing file as missing', async () => {
    expect(await readJsonFile(join(dir(), 'none.json'), (v) => Shape.parse(v))).toEqual({
      status: 'missing',
    });
  });

  it.each([
    ['truncated JSON', '{"n":', 'not valid JSON'],
    ['the wrong shape', '{"n":"one"}', 'not in the expected shape'],
  ])('moves a file with %s aside, keeping its bytes', async (_label, content, problem) => {
    const d = dir();
    const path = join(d, 'a.json');
    writeFileSync(path, content);
    const result = await readJsonFile(
      path,
      (v) => Shape.parse(v),
      () => Date.UTC(2026, 0, 2, 3, 4, 5),
    );
    expect(result).toMatchObject({ status: 'corrupt', problem: expect.stringContaining(problem) });
    expect(existsSync(path)).toBe(false);
    if (result.status === 'corrupt') expect(readFileSync(result.movedTo, 'utf8')).toBe(content);
  });

  it('the synchronous reader behaves the same', () => {
    const d = dir();
    writeFileSync(join(d, 's.json'), '[1,');
    expect(readJsonFileSync(join(d, 's.json'), (v) => v).status).toBe('corrupt');
  });
});

describe('settings file check', () => {
  it('moves a damaged settings file aside with a notice, and leaves a good one alone', () => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), '{"preferences":{"theme":"dark"}}');
    expect(checkSettingsFile(join(d, 'settings.json'))).toBeUndefined();
    writeFileSync(join(d, 'settings.json'), '{"preferences":{"the');
    const notice = checkSettingsFile(join(d, 'settings.json'));
    expect(notice?.message).toContain('moved aside');
    expect(readdirSync(d).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});

describe('JSON Lines', () => {
  it('appends durable lines and reads them back', async () => {
    const file = new JsonLinesFile(join(dir(), 'log.jsonl'), (v) => Shape.parse(v));
    await Promise.all([1, 2, 3].map((n) => file.append({ n })));
    expect((await file.read()).entries.map((e) => e.n).sort()).toEqual([1, 2, 3]);
  });

  it('skips a torn last line and starts the next append on a fresh line', async () => {
    const path = join(dir(), 'log.jsonl');
    const file = new JsonLinesFile(path, (v) => Shape.parse(v));
    await file.append({ n: 1 });
    appendFileSync(path, '{"n":2');
    expect(await file.read()).toEqual({ entries: [{ n: 1 }], skipped: 1 });
    await file.append({ n: 3 });
    expect(await file.read()).toEqual({ entries: [{ n: 1 }, { n: 3 }], skipped: 1 });
  });
});
