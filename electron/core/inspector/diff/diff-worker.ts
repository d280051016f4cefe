/**
 * A diff worker's entry: reads one backup into a sorted hash log (collect.ts) with the app's RDB reader and
 * posts it back, the log's memory transferred rather than copied. Errors are posted as plain data so that
 * the main thread can raise the same kind of error a read in its own thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BackupFileError } from '../files/backup-files';
import { readRdb } from '../rdb/rdb-reader';
import { type CollectRequest, collect } from './collect';

export type WorkerMessage =
  | { type: 'progress'; file: string; bytesRead: number; totalBytes: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof collect>> }
  | { type: 'error'; name: string; message: string; file?: string; missing?: boolean };

const port = parentPort;
if (!port) throw new Error('diff-worker.ts runs only as a worker thread');
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

// Progress is posted at most every 100 ms: a message per chunk read would keep the main thread busy.
let lastProgress = 0;
collect(readRdb, workerData as CollectRequest, undefined, (p) => {
  const now = performance.now();
  if (now - lastProgress < 100 && p.bytesRead < p.totalBytes) return;
  lastProgress = now;
  post({ type: 'progress', ...p });
}).then(
  (result) => post({ type: 'done', result }, [result.records.buffer as ArrayBuffer]),
  (error: unknown) => {
    if (error instanceof BackupFileError) {
      post({
        type: 'error',
        name: error.name,
        message: error.message,
        file: error.file,
        missing: error.missing,
      });
    } else if (error instanceof Error) post({ type: 'error', name: error.name, message: error.message });
    else post({ type: 'error', name: 'Error', message: String(error) });
  },
);
