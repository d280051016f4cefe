import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/shell/main.ts'),
          // The keychain probe's child (a utility process): see electron/core/secrets/keychain-probe.ts.
          'keychain-probe': resolve(import.meta.dirname, 'electron/core/secrets/keychain-probe-child.ts'),
          // The backup diff's worker thread, found beside main at run time: see electron/core/inspector/diff/diff-threads.ts.
          'inspect-diff-worker': resolve(import.meta.dirname, 'electron/core/inspector/diff/diff-worker.ts'),
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
