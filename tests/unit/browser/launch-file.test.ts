/** The launch file: private (0700 folder, 0600 file), always holding a fresh code, never a link's target. */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchFile } from '../../../electron/browser/launch-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crs-launch-'));
  dirs.push(dir);
  return dir;
}

function counter(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(64, '0');
}

const codeIn = (path: string) => /#code=([0-9a-f]{64})/.exec(readFileSync(path, 'utf8'))?.[1];

describe('launch file', () => {
  it('is 0600 in a 0700 folder, even one that existed with looser modes', () => {
    const folder = join(scratch(), 'launch');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const file = new LaunchFile({
      folder,
      appUrl: 'http://127.0.0.1:1/',
      mintCode: counter(),
      refreshMs: 60_000,
    });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(file.path).toMatch(new RegExp(`crs-desk-${process.pid}-open\\.html$`));
    file.remove();
  });

  it('redirects to the app with its current code, and holds a new one once that is used', () => {
    const folder = join(scratch(), 'launch');
    const file = new LaunchFile({
      folder,
      appUrl: 'http://127.0.0.1:1/',
      mintCode: counter(),
      refreshMs: 60_000,
    });
    const html = readFileSync(file.path, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${file.target}">`);
    expect(file.target).toBe(`http://127.0.0.1:1/#code=${'0'.repeat(63)}1`);
    file.redeemed('f'.repeat(64));
    expect(codeIn(file.path)).toBe(`${'0'.repeat(63)}1`);
    file.redeemed(`${'0'.repeat(63)}1`);
    expect(codeIn(file.path)).toBe(`${'0'.repeat(63)}2`);
    file.remove();
  });

  it('renews its code on a timer, before the code can expire', async () => {
    const folder = join(scratch(), 'launch');
    const file = new LaunchFile({
      folder,
      appUrl: 'http://127.0.0.1:1/',
      mintCode: counter(),
      refreshMs: 20,
    });
    await new Promise((r) => setTimeout(r, 90));
    expect(Number.parseInt(codeIn(file.path) ?? '0', 16)).toBeGreaterThan(1);
    file.remove();
  });

  it("removes the files of runs that are gone, and leaves a running one's", () => {
    const folder = join(scratch(), 'launch');
    mkdirSync(folder, { mode: 0o700 });
    // pid 1 always runs; 2^22 + 1 is above Linux's largest pid, so it never does.
    const gone = join(folder, `crs-desk-${2 ** 22 + 1}-open.html`);
    const running = join(folder, 'crs-desk-1-open.html');
    for (const path of [gone, running]) writeFileSync(path, 'x', { mode: 0o600 });
    const file = new LaunchFile({ folder, appUrl: 'http://x/', mintCode: counter(), refreshMs: 60_000 });
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(running)).toBe(true);
    file.remove();
  });

  it('reports a rewrite that fails and keeps going', () => {
    const folder = join(scratch(), 'launch');
    const errors: unknown[] = [];
    const file = new LaunchFile({
      folder,
      appUrl: 'http://127.0.0.1:1/',
      mintCode: counter(),
      refreshMs: 60_000,
      onError: (error) => errors.push(error),
    });
    rmSync(folder, { recursive: true });
    expect(() => file.redeemed(`${'0'.repeat(63)}1`)).not.toThrow();
    expect(errors).toHaveLength(1);
    file.remove();
  });

  it("refuses a folder that is a link (someone else's place to read it from)", () => {
    const root = scratch();
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(root, 'launch'));
    expect(
      () =>
        new LaunchFile({
          folder: join(root, 'launch'),
          appUrl: 'http://x/',
          mintCode: counter(),
          refreshMs: 1000,
        }),
    ).toThrow(/folder of your own/);
  });
});
