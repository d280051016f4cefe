import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { build, type Plugin } from 'vite';

const mainOut = resolve(import.meta.dirname, 'out/main');

/**
 * The backup diff's worker thread (electron/core/inspector/diff/diff-threads.ts finds it beside main), built
 * as one self-contained file rather than as an entry of the main build, which would share chunks with main.
 * A packaged app runs the worker from outside app.asar (electron-builder.yml `asarUnpack`, see
 * electron/core/inspector/packaged-worker.ts); self-contained, only the worker's own file leaves the archive,
 * and main's code stays inside it, under ASAR integrity validation. `out/main/package.json` says the folder's
 * `.js` files are ES modules: outside the archive no other package.json would state the unpacked worker's
 * module type, and Node's loader would have to guess it from the syntax.
 */
const diffWorker = (): Plugin => ({
  name: 'crs-diff-worker',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
  },
  async closeBundle() {
    await build({
      configFile: false,
      logLevel: 'warn',
      // Node built-ins stay imports; everything else the worker uses is bundled into its one file.
      ssr: { noExternal: true },
      build: {
        ssr: resolve(import.meta.dirname, 'electron/core/inspector/diff/diff-worker.ts'),
        outDir: mainOut,
        emptyOutDir: false,
        copyPublicDir: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'inspect-diff-worker.js' } },
      },
    });
  },
});

export default defineConfig({
  main: {
    plugins: [diffWorker()],
    build: {
      outDir: mainOut,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/shell/main.ts'),
          // The keychain probe's child (a utility process): see electron/core/secrets/keychain-probe.ts.
          'keychain-probe': resolve(import.meta.dirname, 'electron/core/secrets/keychain-probe-child.ts'),
        },
        // Native and Electron-only modules load at run time, never bundled.
        external: ['electron', 'keytar', 'electron-store'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
