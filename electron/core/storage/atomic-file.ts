/**
 * Durable files. Writes go to a temporary file in the same folder, are fsynced, then renamed over the
 * target, so a crash leaves either the old or the new content, never half of each. A file that cannot be
 * read back is moved aside (never deleted) and reported, so the user's data is never silently emptied.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;
const tempName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);

/**
 * `data` may come in pieces (a large file written as it is produced, never held as one string); the
 * pieces are written in order, and the file appears only once all of them are on disk.
 */
export async function writeFileAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempName(path);
  const handle = await open(temp, 'w', 0o600);
  try {
    if (typeof data === 'string') await handle.writeFile(data, 'utf8');
    else for (const piece of data) await handle.write(piece, null, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    // A half-written temporary file is of no use to anyone.
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** The same, synchronously: for stores whose API is synchronous (conf, electron-store style). */
export function writeFileAtomicSync(path: string, data: string): void {
  const temp = tempName(path);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on Linux; some platforms cannot open a folder, which is fine there.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported on this platform.
  }
}

export type JsonRead<T> =
  | { status: 'ok'; value: T }
  | { status: 'missing' }
  | { status: 'corrupt'; movedTo: string; problem: string };

/** Reads and validates a JSON file; a corrupt one is renamed to `NAME.corrupt-<time>` and reported. */
export async function readJsonFile<T>(
  path: string,
  parse: (value: unknown) => T,
  now: () => number = Date.now,
): Promise<JsonRead<T>> {
  return readCheckedFile(path, (bytes) => parse(JSON.parse(bytes.toString('utf8'))), now);
}

/**
 * The same for a reader of the raw bytes (a large file read without one giant string): whatever `read`
 * throws makes the file corrupt, moved aside and reported.
 */
export async function readCheckedFile<T>(
  path: string,
  read: (bytes: Buffer) => T,
  now: () => number = Date.now,
): Promise<JsonRead<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  return checkOrMoveAside(path, () => read(bytes), now);
}

/** Runs `check` on what was read from `path`; if it throws, the file is corrupt: moved aside, reported. */
export async function checkOrMoveAside<T>(
  path: string,
  check: () => T,
  now: () => number = Date.now,
): Promise<JsonRead<T>> {
  try {
    return { status: 'ok', value: check() };
  } catch (error) {
    const movedTo = await moveAside(path, now);
    return { status: 'corrupt', movedTo, problem: describeProblem(error) };
  }
}

/** Synchronous twin of readJsonFile, for start-up checks before a synchronous store opens the file. */
export function readJsonFileSync<T>(
  path: string,
  parse: (value: unknown) => T,
  now: () => number = Date.now,
): JsonRead<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    return { status: 'ok', value: parse(JSON.parse(text)) };
  } catch (error) {
    const movedTo = corruptName(path, now);
    renameSync(path, movedTo);
    return { status: 'corrupt', movedTo, problem: describeProblem(error) };
  }
}

export async function moveAside(path: string, now: () => number = Date.now): Promise<string> {
  const target = corruptName(path, now);
  await rename(path, target);
  return target;
}

function corruptName(path: string, now: () => number): string {
  return `${path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
}

function describeProblem(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON (truncated or edited by hand)';
  if (error instanceof Error && 'issues' in error) return 'valid JSON, but not in the expected shape';
  return error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
}
