#!/usr/bin/env node
// Sets up what `npm start` (default) or `npm test` (--test) needs on a fresh Debian machine: Debian
// packages through apt-get when missing, npm dependencies when missing or stale. A second run with nothing
// changed only checks, and takes well under a second.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, ensurePackages, testPackages } from './lib/debian.mjs';
import { ensureNodeModules } from './lib/npm-deps.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bootstrap({ forTests = false } = {}) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new Error(`Node ${process.versions.node} is too old; install Node 20 or newer.`);
  if (!(await ensurePackages(buildPackages))) throw new Error('Build packages are missing (see above).');
  if (forTests && !(await ensurePackages(testPackages)))
    throw new Error('Test packages are missing (see above).');
  if (!forTests) await ensurePackages(['chromium'], { required: false });
  return ensureNodeModules(root);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bootstrap({ forTests: process.argv.includes('--test') }).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
