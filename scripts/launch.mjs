#!/usr/bin/env node
// `npm start`: sets up what is missing, builds what changed, then runs the Electron shell when its binary
// is present and a display exists, else browser mode (the same core, served to Chromium).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { electronBinary } from './lib/npm-deps.mjs';
import { startUsage, wantsHelp } from './lib/usage.mjs';

async function main() {
  if (wantsHelp(process.argv.slice(2))) {
    console.log(startUsage);
    return;
  }
  await bootstrap();
  await ensureBuilt(root);
  const args = process.argv.slice(2);
  const electron = electronBinary(root);
  const hasDisplay =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  let command;
  let commandArgs;
  if (electron && hasDisplay) {
    console.log('Starting CRS Restore Desk (Electron).');
    command = electron;
    commandArgs = [root, ...args];
  } else {
    const why = electron
      ? 'there is no display for a desktop window'
      : 'the Electron binary is not installed here';
    console.log(`Starting CRS Restore Desk in browser mode because ${why}.`);
    command = process.execPath;
    commandArgs = ['--import', 'tsx', join(root, 'electron/browser/main.ts'), ...args];
  }
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  // Pass stop signals on, so the app shuts down cleanly (sandbox included) however it is stopped.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => child.kill('SIGINT'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
