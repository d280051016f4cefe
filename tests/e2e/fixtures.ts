/**
 * Playwright fixtures: each test gets browser mode started as `npm start` would start it (a child process
 * running electron/browser/main.ts), in a fresh user-data folder, and a page opened at its launch URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const root = join(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  launchUrl: string;
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
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const match = /Open this address in Chromium or Chrome: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url: launchUrl.split('#')[0] as string,
    launchUrl,
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
