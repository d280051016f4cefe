#!/usr/bin/env node
// `npm run package [-- --dir]`: builds the app and packs it with electron-builder for this platform. The package
// is the Electron binary plus the app, so without the binary there is nothing to pack: say so in one line.
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { electronBinary } from './lib/npm-deps.mjs';
import { run } from './lib/run.mjs';

async function main() {
  await bootstrap();
  if (!electronBinary(root)) {
    console.error(
      'Cannot package: the Electron binary is not installed here (it could not be downloaded); run `npm run package` where it can be.',
    );
    process.exit(1);
  }
  await ensureBuilt(root);
  const args = process.argv.slice(2);
  process.exit(
    await run(join(root, 'node_modules/.bin/electron-builder'), ['--publish', 'never', ...args], {
      cwd: root,
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
