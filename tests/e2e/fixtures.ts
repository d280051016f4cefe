/**
 * Playwright fixtures: each test gets browser mode started as `npm start` would start it (a child process
 * running electron/browser/main.ts), in a fresh user-data folder. `launchUrl` is read from the app's private
 * launch file each time, as a browser opening that file would: it holds a fresh single-use code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const root = join(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  /** Where the launch file sends its reader now: the app's address with a fresh single-use code. */
  readonly launchUrl: string;
  /** The private launch file's path, as printed. */
  launchFile: string;
  /** The single-use address printed for a terminal without a display. */
  printedUrl: string;
  pid: number;
  userData: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function launchBrowserMode(userData: string, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/browser/main.ts'), '--no-open', '--user-data', userData],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const printed = await new Promise<{ url: string; launchFile: string; printedUrl: string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
      child.stdout?.on('data', () => {
        const url = /is running at (\S+)/.exec(output)?.[1];
        const launchFile = /Launch file \([^)]*\): (\S+)/.exec(output)?.[1];
        const printedUrl = /single-use address within \d+ minutes: (\S+)/.exec(output)?.[1];
        if (url && launchFile && printedUrl) {
          clearTimeout(timer);
          resolve({ url, launchFile, printedUrl });
        }
      });
      child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
    },
  );
  return {
    ...printed,
    get launchUrl(): string {
      return launchTarget(printed.launchFile);
    },
    pid: child.pid as number,
    userData,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The address a launch file redirects to (its meta refresh). */
export function launchTarget(launchFile: string): string {
  const target = /content="0;url=([^"]+)"/.exec(readFileSync(launchFile, 'utf8'))?.[1];
  if (!target) throw new Error(`no redirect in ${launchFile}`);
  return target;
}

export const test = base.extend<{ app: RunningApp }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature needs the first argument.
  app: async ({}, use) => {
    const userData = mkdtempSync(join(tmpdir(), 'crs-e2e-'));
    const app = await launchBrowserMode(userData);
    await use(app);
    await app.stop();
    rmSync(userData, { recursive: true, force: true });
  },
});

export { expect };

/** Screenshots go under test-results/screenshots, where people (and the README) look for them. */
export const screenshotPath = (name: string) => join(root, 'test-results/screenshots', `${name}.png`);
