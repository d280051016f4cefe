// npm dependencies, installed only when node_modules is missing or out of date with the lock file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeGypEnv } from './node-headers.mjs';
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
  const gyp = nodeGypEnv({
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  if (gyp.nodedir)
    console.log(`Native modules build against the Node headers in ${gyp.nodedir}/include/node.`);
  if (gyp.advice) console.log(gyp.advice);
  const code = await withProgress('Installing npm dependencies', () =>
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, env: gyp.env }),
  );
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

/**
 * The Electron executable when its binary is installed, else undefined. Read from the package's path.txt rather
 * than by requiring `electron`: since Electron 41 that require tries to download a missing binary, which here
 * only fails slowly and noisily.
 */
export function electronBinary(root) {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const path = join(dir, 'dist', relative);
    return relative && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** npm ci can be quiet for a minute or more (keytar compiles): say it is still working every few seconds. */
export async function withProgress(what, work, { everyMs = 10_000, say = console.log } = {}) {
  const started = Date.now();
  const timer = setInterval(() => say(`${what}… ${Math.round((Date.now() - started) / 1000)} s`), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
