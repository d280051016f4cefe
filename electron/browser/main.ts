/**
 * Browser mode's entry: the same core as the Electron shell, in plain Node, serving the renderer to Chromium
 * over the token-guarded loopback bridge. `npm start` runs this when no Electron binary is usable.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../core/logging/logger';
import { projectRoot, startBrowserApp } from './browser-app';
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
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  console.log(`CRS Restore Desk (browser mode) is running at ${app.server.url}`);
  console.log(
    app.secrets.kind === 'keychain'
      ? 'Credentials: kept in the OS keychain.'
      : 'Credentials: no keychain found, so they are kept for this session only.',
  );
  if (options.open && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
    openAppWindow(app.server.launchUrl, options.userData);
  } else {
    // Without a display there is no window to open; the address carries the one-time launch token.
    console.log(`Open this address in Chromium or Chrome: ${app.server.launchUrl}`);
  }
}

function openAppWindow(url: string, userData: string): void {
  const browser = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].find((p) =>
    existsSync(p),
  );
  if (!browser) {
    console.log(`No Chromium found; open this address in a browser: ${url}`);
    return;
  }
  const args = [
    `--app=${url}`,
    `--user-data-dir=${join(userData, 'chromium')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to run as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(browser, args, { stdio: 'ignore' });
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
