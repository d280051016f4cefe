// npm dependencies, installed only when node_modules is missing or out of date with the lock file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { run } from './run.mjs';

const stampName = '.crs-bootstrap.json';

function lockHash(root) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(root, file)));
  hash.update(process.version);
  return hash.digest('hex');
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', stampName), 'utf8'));
  } catch {
    return undefined;
  }
}

export async function ensureNodeModules(root) {
  const hash = lockHash(root);
  const stamp = readStamp(root);
  if (stamp?.hash === hash) return stamp;
  console.log('Installing npm dependencies (node_modules is missing or out of date with package-lock.json)…');
  // Electron's install script downloads its binary from outside the npm registry and fails the whole
  // install where that is blocked, so the package goes in without it and the binary is a separate try.
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const code = await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, env });
  if (code !== 0) throw new Error('npm ci failed; see the output above.');
  const electron = await run(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: 'ignore',
  });
  const next = { hash, electronFetched: electron === 0 && electronBinary(root) !== undefined };
  console.log(
    next.electronFetched
      ? 'Electron binary installed.'
      : 'The Electron binary could not be downloaded here; the app will run in browser mode.',
  );
  writeFileSync(join(root, 'node_modules', stampName), JSON.stringify(next));
  return next;
}

/** The Electron executable when its binary is installed, else undefined. */
export function electronBinary(root) {
  try {
    const require = createRequire(join(root, 'package.json'));
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
