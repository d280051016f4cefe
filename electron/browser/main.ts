/**
 * Browser mode's entry: the same core as the Electron shell, in plain Node, serving the renderer to Chromium
 * over the loopback bridge. `npm start` runs this when no Electron binary is usable. No secret goes on a
 * command line or into an environment: the window is pointed at the private launch file (launch-file.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../core/logging/logger';
import { projectRoot, startBrowserApp } from './browser-app';
import { chromiumArgs, findChromium } from './chromium';
import { type LaunchFile, launchAddress } from './launch-file';
import { parseBrowserModeArgs, UsageError, usage } from './options';

async function main(): Promise<void> {
  const options = parseBrowserModeArgs(process.argv.slice(2), process.env);
  const logger = createLogger({
    module: 'browser',
    level: process.env.CRS_DESK_LOG_LEVEL === 'debug' ? 'debug' : 'info',
  });
  if (!existsSync(join(projectRoot, 'out/renderer/index.html'))) {
    throw new UsageError('The renderer is not built. Run `npm start`, which builds it first.');
  }
  const app = await startBrowserApp({ userData: options.userData, port: options.port, logger });
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    // Ctrl-C may arrive twice (from the terminal and from the launcher); stop once, completely.
    if (stopping) return;
    stopping = true;
    await app.stop();
    console.log('CRS Restore Desk stopped.');
    process.exit(0);
  };
  // Whatever ends the process, the launch file goes with it.
  process.on('exit', () => app.launchFile.remove());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  console.log(`CRS Restore Desk (browser mode) is running at ${app.server.url}`);
  console.log(
    app.secrets.kind === 'keychain'
      ? 'Credentials: kept in the OS keychain.'
      : 'Credentials: no keychain found, so they are kept for this session only.',
  );
  // The file is the way in, now and later (another window, a browser restarted): it always holds a fresh code.
  console.log(
    `Launch file (open it in Chromium or Chrome to get in, as often as needed): ${app.launchFile.path}`,
  );
  const browser = findChromium();
  if (options.open && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && browser) {
    openAppWindow(browser, app.launchFile, options.userData);
  } else {
    if (options.open && !browser) console.log('No Chromium or Chrome found to open a window with.');
    // The terminal is the user's own, but what it shows may be copied or logged: this code works once, and not
    // for long.
    const minutes = Math.round(app.server.auth.codeTtlMs / 60_000);
    console.log(
      `Or open this single-use address within ${minutes} minutes: ${launchAddress(app.server.url, app.server.issueCode())}`,
    );
  }
}

function openAppWindow(browser: string, launchFile: LaunchFile, userData: string): void {
  const child = spawn(browser, chromiumArgs(launchFile, userData, process.getuid?.() === 0), {
    stdio: 'ignore',
  });
  console.log('Opened a Chromium app window. Close it or press Ctrl-C here to quit.');
  child.on('exit', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  console.error(
    `CRS Restore Desk could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
