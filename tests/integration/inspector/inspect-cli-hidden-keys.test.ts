// Keys that are valid UTF-8 but hold bidi, zero-width or C1 characters ("Trojan Source") never reach the
// terminal raw from `npm run inspect`: its tables and its --json show them as redis-cli --no-raw prints them,
// and --find takes that quoted form back to the same key.
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../support/redis-rdb';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function inspect(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [join(root, 'scripts/inspect.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each disguises itself in a terminal: reordered text, an invisible character, a C1 control (NEL).
const KEYS = ['admin\u202e\u2066txt.exe', 'user:\u200b42', 'a\u0085b', 'tag\u{e0041}', 'zwj\u200d'];
// The characters that must never be printed raw (line feed aside, which separates lines).
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const rawHidden = (text: string) => [...text.replace(/\n/g, '')].some((c) => HIDDEN.test(c));

let redis: TestRedis;
let file: string;
const printed = new Map<string, string>();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crs-inspect-hidden-'));
  redis = await startRedis();
  for (const key of KEYS) {
    await redis.call('FLUSHDB');
    await redis.call('SET', key, 'v');
    const cli = ['-p', String(redis.port), '--no-raw', 'RANDOMKEY'];
    printed.set(key, execFileSync('redis-cli', cli, { encoding: 'latin1' }).trimEnd());
  }
  await redis.call('FLUSHDB');
  for (const key of KEYS) await redis.call('SET', key, 'v');
  await redis.call('SET', 'plain:用户', 'v');
  file = join(dir, 'hidden.rdb');
  await copyFile(await redis.save(), file);
});

afterAll(async () => {
  await redis?.stop();
});

describe('npm run inspect with keys that hide characters', () => {
  it('prints each such key as redis-cli --no-raw does, and nothing hidden raw', async () => {
    const run = await inspect(file, '--find', '*');
    expect(run.code).toBe(0);
    expect(rawHidden(run.stdout)).toBe(false);
    for (const key of KEYS) expect(run.stdout).toContain(printed.get(key));
    // Text that hides nothing stays text.
    expect(run.stdout).toContain('plain:用户');
  });

  it('writes the same quoted form in --json, with nothing hidden in the JSON text', async () => {
    const run = await inspect(file, '--json', '--find', '*');
    expect(run.code).toBe(0);
    expect(rawHidden(run.stdout)).toBe(false);
    const doc = JSON.parse(run.stdout) as { matches: Array<{ key: string }> };
    const keys = doc.matches.map((m) => m.key).sort();
    expect(keys).toEqual([...KEYS.map((k) => printed.get(k)), 'plain:用户'].sort());
  });

  it('finds a key by the quoted form it was shown in', async () => {
    const shown = printed.get(KEYS[0] as string) as string;
    const doc = JSON.parse((await inspect(file, '--json', '--find', shown)).stdout) as {
      matches: Array<{ key: string }>;
    };
    expect(doc.matches.map((m) => m.key)).toEqual([shown]);
  });
});
