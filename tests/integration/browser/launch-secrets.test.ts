/**
 * Where browser mode's secrets go once a real Chromium uses them. Chromium is Debian's, started with the
 * app's own arguments (chromium.ts) or driven by Playwright on a profile folder of our own; the renderer is
 * the built one (`npm test` builds before the integration stage; by hand: `npx electron-vite build`).
 *
 * - No launch code, session key or resume ticket is on any process's command line or in its environment;
 *   and `npm start`'s own browser mode, under Xvfb with the Chromium window it opens, puts no 64-hex value
 *   (the shape of every secret it mints) on the command line or into the environment of any process it starts.
 * - After use and reloads, no session key or resume ticket is in any file of the Chromium profile, while a
 *   sessionStorage marker is (the measurement is able to find what Chromium writes). A launch code may be in
 *   the profile's history (it travelled in the URL fragment): every one found there is spent.
 * - A restarted Chromium gets back in through the launch file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, projectRoot, startBrowserApp } from '../../../electron/browser/browser-app';
import { chromiumArgs } from '../../../electron/browser/chromium';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { connectTestClient } from '../../support/bridge-client';

const CHROMIUM = process.env.CRS_CHROMIUM ?? '/usr/bin/chromium';
const rendererRoot = join(projectRoot, 'out/renderer');

let app: BrowserApp;
let userData: string;
const minted: Array<{ secret: string; kind: string }> = [];

beforeAll(async () => {
  if (!existsSync(join(rendererRoot, 'index.html')))
    throw new Error('The renderer is not built: run `npx electron-vite build` first.');
  userData = mkdtempSync(join(tmpdir(), 'crs-launch-secrets-'));
  app = await startBrowserApp({
    userData,
    logger: createMemoryLogger(),
    secrets: new MemorySecretStore(),
    rendererRoot,
    auth: { onMint: (secret, kind) => minted.push({ secret, kind }) },
  });
});

afterAll(async () => {
  await app?.stop();
  rmSync(userData, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    try {
      const stat = statSync(full);
      return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
    } catch {
      return [];
    }
  });
}

/** The files holding `text`, as ASCII or as UTF-16 (how Chromium stores DOM strings). */
function filesHolding(files: Array<[string, Buffer]>, text: string): string[] {
  const wide = Buffer.from(text, 'utf16le');
  return files.filter(([, bytes]) => bytes.includes(text) || bytes.includes(wide)).map(([f]) => f);
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The field after the parenthesised command name is the state, then the parent's pid.
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone already
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++)
    for (const [pid, parent] of parents) if (parent === found[i]) found.push(pid);
  return found;
}

describe('browser mode secrets in a real Chromium', () => {
  it('npm start under Xvfb: no 64-hex value on the command line or in the environment of anything it starts', async () => {
    const own = join(userData, 'xvfb');
    const child = spawn(
      'xvfb-run',
      [
        '-a',
        '-s',
        '-screen 0 1280x800x24',
        process.execPath,
        '--import',
        'tsx',
        'electron/browser/main.ts',
        '--user-data',
        own,
      ],
      {
        cwd: projectRoot,
        env: { ...process.env, CRS_DESK_LOG_LEVEL: 'debug' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    try {
      // The window followed the launch file and said hello.
      await waitFor(() => output.includes('session opened'), `the window to connect:\n${output}`, 45_000);
      const ownEnviron = readFileSync('/proc/self/environ', 'latin1');
      const tree = descendantsOf(child.pid as number);
      const seen = { chromium: false, app: false };
      for (const pid of tree) {
        for (const what of ['cmdline', 'environ']) {
          let text: string;
          try {
            text = readFileSync(`/proc/${pid}/${what}`, 'latin1');
          } catch {
            continue;
          }
          if (what === 'cmdline' && text.includes('--app=file://')) seen.chromium = true;
          if (what === 'cmdline' && text.includes('electron/browser/main.ts')) seen.app = true;
          const hex = (text.match(/[0-9a-f]{64}/g) ?? []).filter((h) => !ownEnviron.includes(h));
          expect(hex, `/proc/${pid}/${what}`).toEqual([]);
        }
      }
      expect(seen).toEqual({ chromium: true, app: true });
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 60_000);

  it("puts no secret on a command line or in an environment, the app's or Chromium's", async () => {
    const sessionsBefore = app.server.auth.sessionCount;
    const args = chromiumArgs(app.launchFile, join(userData, 'cmdline'), true);
    const child: ChildProcess = spawn(CHROMIUM, [...args, '--headless=new', '--disable-gpu'], {
      stdio: 'ignore',
      detached: true,
    });
    try {
      // The window followed the launch file and said hello: a session opened.
      await waitFor(() => app.server.auth.sessionCount > sessionsBefore, 'the window to connect');
      const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
      expect(pids).toContain(String(process.pid));
      let read = 0;
      for (const pid of pids) {
        for (const what of ['cmdline', 'environ']) {
          let text: string;
          try {
            text = readFileSync(`/proc/${pid}/${what}`, 'latin1');
          } catch {
            continue;
          }
          read++;
          for (const { secret, kind } of minted)
            expect(text.includes(secret), `a ${kind} in /proc/${pid}/${what}`).toBe(false);
        }
      }
      expect(read).toBeGreaterThan(4);
      // What Chromium was given instead: the launch file's path.
      const ours = readFileSync(`/proc/${child.pid}/cmdline`, 'latin1');
      expect(ours).toContain(`--app=${pathToFileURL(app.launchFile.path).href}`);
      expect(minted.some((m) => m.kind === 'key')).toBe(true);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }
  });

  it('leaves no session secret in the Chromium profile after use and reloads; a restarted Chromium gets back in', async () => {
    const profile = join(userData, 'chromium');
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(app.launchFile.path).href);
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 30_000 });
    const marker = `marker-${Date.now()}-sessionStorage-is-written-to-disk`;
    await page.evaluate((m) => sessionStorage.setItem('probe', m), marker);
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.locator('[data-app-state="ready"]').waitFor({ timeout: 30_000 });
    }
    expect(await page.evaluate(() => window.name)).toMatch(/^crs-desk-resume:[0-9a-f]{64}$/);
    // Chromium writes sessionStorage a few seconds after a change, and at the latest when it closes.
    await page.waitForTimeout(3_000);
    await context.close();

    const files = filesUnder(profile).map((f) => [f, readFileSync(f)] as [string, Buffer]);
    expect(filesHolding(files, marker).length, 'the sessionStorage marker on disk').toBeGreaterThan(0);
    const sessionSecrets = minted.filter((m) => m.kind !== 'code');
    expect(sessionSecrets.length).toBeGreaterThan(3);
    for (const { secret, kind } of sessionSecrets)
      expect(filesHolding(files, secret), `a ${kind} in the profile`).toEqual([]);
    const codesOnDisk = minted.filter((m) => m.kind === 'code' && filesHolding(files, m.secret).length > 0);
    const origin = app.server.url.slice(0, -1);
    for (const { secret } of codesOnDisk) {
      const thief = await connectTestClient(`${origin.replace(/^http/, 'ws')}/bridge`, { origin });
      expect(await thief.hello(secret), 'a code found in the profile still works').toBe(false);
    }

    // Chromium restarted on the same profile: the window is gone, the launch file lets the user back in.
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(app.launchFile.path).href);
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 30_000 });
    await context.close();
  });
});
