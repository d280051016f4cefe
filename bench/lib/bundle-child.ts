/**
 * Bundles a benchmark child (TypeScript) into one JavaScript file run with plain `node`, as the shipped app
 * runs: `node --import tsx` would add the TypeScript loader (about 100 MB of RSS) to the figure measured.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export function bundleChild(entry: string, outFile: string): string {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const result = spawnSync(
    esbuild,
    [
      join(root, entry),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      `--outfile=${outFile}`,
      '--external:keytar',
      "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      '--log-level=warning',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`bundling ${entry} failed: ${result.stderr}`);
  return outFile;
}
