/**
 * How browser mode starts its Chromium window. Every local user can read a process's command line
 * (/proc/PID/cmdline), so it carries the launch file's path and never a secret: the window learns its code by
 * reading the file, which only its owner can (launch-file.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'];

export function findChromium(): string | undefined {
  return CHROMIUM_PATHS.find((p) => existsSync(p));
}

/** The window opens the launch file (its path, never its target); the profile lives in the user-data folder. */
export function chromiumArgs(launchFile: { path: string }, userData: string, asRoot: boolean): string[] {
  const args = [
    `--app=${pathToFileURL(launchFile.path).href}`,
    `--user-data-dir=${join(userData, 'chromium')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to run as root with its sandbox on.
  if (asRoot) args.push('--no-sandbox');
  return args;
}
