/**
 * Where a packaged app starts the backup diff's worker thread from. electron-builder packs the app into
 * `resources/app.asar`. A worker thread loads its entry with Node's module loader; Electron reads inside an
 * archive only through its patched `fs` and module loading. Worker threads could not use asar files at all
 * until electron/electron#33216 (Electron 17/18, "initialize asar support in worker threads"; see also
 * electron/electron#22446 and #23078, "worker_threads is not compatible with ASAR"), and no Electron document
 * says a worker whose entry is an ES module (ours is) loads from inside an
 * archive. So the worker, built as one self-contained file (electron.vite.config.ts), is unpacked when
 * packaging (electron-builder.yml `asarUnpack`, which puts it under `app.asar.unpacked/`), where any Node
 * loader reads it, and the shell, which knows it is packaged, hands the core the unpacked path. The core
 * never asks Electron itself.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

// A path segment that is an asar archive: `…/app.asar/…` (either separator), never `app.asar.unpacked`.
const ARCHIVE_SEGMENT = /\.asar(?=[\\/])/;

/** The same path outside the archive: `…/app.asar/x` → `…/app.asar.unpacked/x`; any other path as it is. */
export function unpackedPath(path: string): string {
  return path.replace(ARCHIVE_SEGMENT, '.asar.unpacked');
}

/**
 * The worker entry a packaged app should start: the unpacked copy of `entry` when it lies inside an archive.
 * When that copy is missing (a packaging mistake), the archived path is kept and `warn` says so: a diff then
 * fails with the worker's own error, unless Electron loads it from the archive after all.
 */
export function packagedWorkerEntry(
  entry: URL,
  exists: (path: string) => boolean,
  warn: (message: string) => void,
): URL {
  const path = fileURLToPath(entry);
  const unpacked = unpackedPath(path);
  if (unpacked === path) return entry;
  if (exists(unpacked)) return pathToFileURL(unpacked);
  warn(`the backup diff's worker is not unpacked beside the archive (${unpacked}); check asarUnpack`);
  return entry;
}
