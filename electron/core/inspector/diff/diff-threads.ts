/**
 * Runs collect() for one backup in a worker thread (diff-worker.ts), so that a diff reads its two backups at
 * once on two cores. The worker's entry is its TypeScript source through a small tsx boot file when this
 * module runs from source, and the built `inspect-diff-worker.js` beside the bundle otherwise (the app's
 * main build and the benchmark's child add it as an entry of their own). A worker that fails, stops or
 * cannot start rejects with a clear error; a cancelled diff terminates its workers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BackupFileError } from '../files/backup-files';
import { abortError } from '../files/read-backup';
import type { Collected, CollectRequest, Progress } from './collect';
import type { WorkerMessage } from './diff-worker';

export const BUILT_WORKER = 'inspect-diff-worker';

export function defaultWorkerEntry(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./diff-worker-boot.mjs', here);
  // Beside the bundle, or one folder up when the bundler put this module in a chunk folder.
  for (const dir of ['./', '../']) {
    for (const ext of ['.js', '.mjs']) {
      const url = new URL(`${dir}${BUILT_WORKER}${ext}`, here);
      if (existsSync(fileURLToPath(url))) return url;
    }
  }
  throw new Error(`the backup diff's worker (${BUILT_WORKER}.js) is missing beside ${fileURLToPath(here)}`);
}

export function collectInWorker(
  req: CollectRequest,
  signal: AbortSignal,
  onProgress: (p: Progress) => void,
  entry: URL = defaultWorkerEntry(),
): Promise<Collected> {
  return new Promise<Collected>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(entry, { workerData: req });
    const finish = (error: Error | null, result?: Collected) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result as Collected);
    };
    const onAbort = () => finish(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress')
        onProgress({ file: m.file, bytesRead: m.bytesRead, totalBytes: m.totalBytes });
      else if (m.type === 'done') finish(null, m.result);
      else if (m.name === 'BackupFileError' && m.file !== undefined) {
        // The worker's message already names the file; rebuild the error with the same text.
        const error = new BackupFileError(m.file, '', m.missing === true);
        error.message = m.message;
        finish(error);
      } else {
        const error = new Error(m.message);
        if (m.name === 'AbortError' || m.name === 'RdbFormatError') error.name = m.name;
        finish(error);
      }
    });
    worker.on('error', (error) => finish(new Error(`the backup diff's worker failed: ${error.message}`)));
    worker.on('exit', (code) =>
      finish(new Error(`the backup diff's worker stopped (exit code ${code}) before it finished`)),
    );
  });
}
