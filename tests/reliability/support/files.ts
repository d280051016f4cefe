/** Snapshots of a folder's files (path → sha256) to prove that nothing changed, or what did. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, but none under the folders named in `skip` (names, at any depth). */
export function listFiles(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return [path];
    return skip.includes(name) ? [] : listFiles(path, skip);
  });
}

export function snapshot(dir: string, skip: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir, skip).map((path) => [
      relative(dir, path),
      createHash('sha256').update(readFileSync(path)).digest('hex'),
    ]),
  );
}

/** Files under dir whose bytes contain the needle (as UTF-8), relative to dir. */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return listFiles(dir)
    .filter((path) => readFileSync(path).includes(bytes))
    .map((path) => relative(dir, path));
}
