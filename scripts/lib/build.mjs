// Builds main, preload and renderer only when a source file changed since the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const inputs = [
  'renderer',
  'shared',
  'electron',
  'scripts/lib/usage.mjs',
  'electron.vite.config.ts',
  'package-lock.json',
];

function fingerprint(root) {
  const hash = createHash('sha256');
  const walk = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else {
      hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) if (existsSync(join(root, input))) walk(join(root, input));
  return hash.digest('hex');
}

export async function ensureBuilt(root) {
  const stampFile = join(root, 'out', '.build-stamp');
  const current = fingerprint(root);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) return;
  console.log('Building the app…');
  const code = await run(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
  });
  if (code !== 0) throw new Error('The build failed; see the output above.');
  writeFileSync(stampFile, current);
}
