/**
 * The downloaded-backup cache: `<userData>/backup-cache/` (mode 0700, every file 0600), one folder per backup
 * named by profile, region, instance and backup (sanitised), and a small JSON index (written atomically)
 * holding each backup's files, sizes and last use. Backups are customer data: this module logs ids and byte
 * counts only. Eviction is least-recently-used, before a download needs room and at once when the cap is
 * lowered, and never touches a backup in use (a running download or an inspection holds a pin).
 */
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BackupRef, CachedBackup, Encryption } from '../../../shared/downloads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../storage/atomic-file';
import {
  CACHE_FOLDER,
  type CacheEntry,
  type CacheIndex,
  entryBytes,
  INDEX_FILE,
  IndexSchema,
  isComplete,
  refKey,
  safeSegment,
} from './cache-index';

export interface BackupCacheDeps {
  userData: string;
  /** Cap in bytes, read at each use so a changed setting applies to the next download (and to `fitCap`). */
  capBytes: () => number;
  now: () => number;
  logger: Logger;
}

export class BackupCache {
  readonly root: string;
  readonly #deps: BackupCacheDeps;
  readonly #log: Logger;
  readonly #entries = new Map<string, CacheEntry>();
  readonly #pins = new Map<string, number>();
  /** The size each running download's backup will reach, by backup: what is not written yet is not free. */
  readonly #reserved = new Map<string, number>();
  #loaded: Promise<void> | undefined;
  #writes: Promise<void> = Promise.resolve();
  #evictions: Promise<void> = Promise.resolve();

  constructor(deps: BackupCacheDeps) {
    this.#deps = deps;
    this.root = join(deps.userData, CACHE_FOLDER);
    this.#log = deps.logger.child('backup-cache');
  }

  /** Creates the folder (0700, also when it existed with looser modes) and reads the index once. */
  load(): Promise<void> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  async #load(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await chmod(this.root, 0o700);
    let text: string | undefined;
    try {
      text = await readFile(join(this.root, INDEX_FILE), 'utf8');
    } catch {
      return;
    }
    let parsed: CacheIndex | undefined;
    try {
      const result = IndexSchema.safeParse(JSON.parse(text));
      parsed = result.success ? result.data : undefined;
    } catch {
      parsed = undefined;
    }
    // An unreadable index loses only the bookkeeping: the folders are removed rather than kept unaccounted.
    if (!parsed) {
      this.#log.warn('unreadable cache index; cache emptied');
      await this.#removeAllFolders();
      return;
    }
    for (const entry of parsed.entries) {
      if (!this.#inside(entry.dir)) continue;
      // Sizes on disk win over the index: a crash may have left a part file longer than the index says.
      for (const file of entry.files) {
        const onDisk = await sizeOf(
          join(this.root, entry.dir, file.complete ? file.name : `${file.name}.part`),
        );
        file.bytes = onDisk ?? 0;
        if (onDisk === undefined) file.complete = false;
      }
      this.#entries.set(refKey(entry), entry);
    }
    await this.#sweep();
  }

  /**
   * Removes folders the index does not know (a crash between creating a folder and writing the index, or an
   * entry dropped from a damaged index): unaccounted bytes would escape the cap forever.
   */
  async #sweep(): Promise<void> {
    const { readdir } = await import('node:fs/promises');
    const known = new Set<string>();
    for (const entry of this.#entries.values()) {
      const parts = entry.dir.split(sep);
      for (let depth = 1; depth <= parts.length; depth++) known.add(parts.slice(0, depth).join(sep));
    }
    const walk = async (rel: string, depth: number): Promise<void> => {
      const dirents = await readdir(join(this.root, rel), { withFileTypes: true }).catch(() => []);
      for (const dirent of dirents) {
        if (!dirent.isDirectory()) continue;
        const child = rel ? join(rel, dirent.name) : dirent.name;
        if (!known.has(child)) {
          this.#log.info('removed an unindexed cache folder', { depth });
          await rm(join(this.root, child), { recursive: true, force: true });
        } else if (depth < 4) {
          await walk(child, depth + 1);
        }
      }
    };
    await walk('', 1);
  }

  /** The entry of a backup, if any. */
  get(ref: BackupRef): CacheEntry | undefined {
    return this.#entries.get(refKey(ref));
  }

  /** The entry for a backup, created (with its folder, 0700) when absent. */
  async ensure(ref: BackupRef, encryption: Encryption): Promise<CacheEntry> {
    await this.load();
    const key = refKey(ref);
    let entry = this.#entries.get(key);
    if (!entry) {
      const now = this.#deps.now();
      const dir = [ref.profileId, ref.region, ref.instanceId, ref.backupId].map(safeSegment).join(sep);
      entry = { ...pickRef(ref), dir, files: [], encryption, createdAt: now, lastUsedAt: now };
      this.#entries.set(key, entry);
    }
    await this.#makeDirs(entry.dir);
    return entry;
  }

  /** Absolute path of a file of an entry (its `.part` while incomplete). */
  pathOf(entry: CacheEntry, name: string, part: boolean): string {
    return join(this.root, entry.dir, part ? `${name}.part` : name);
  }

  /**
   * The local paths of a whole backup, or null when it is not (completely) downloaded. Marks it used now.
   * Callers that read the files for a while should `pin` it so it is not evicted meanwhile.
   */
  async filesFor(ref: BackupRef): Promise<string[] | null> {
    await this.load();
    const entry = this.#entries.get(refKey(ref));
    if (!entry || !isComplete(entry) || this.isPinnedForWrite(ref)) return null;
    entry.lastUsedAt = this.#deps.now();
    await this.save();
    return entry.files.map((f) => this.pathOf(entry, f.name, false));
  }

  /** Holds a backup in use; the returned function releases it (once). */
  pin(ref: BackupRef, writer = false): () => void {
    const key = pinKey(ref, writer);
    this.#pins.set(key, (this.#pins.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#pins.get(key) ?? 1) - 1;
      if (left > 0) this.#pins.set(key, left);
      else this.#pins.delete(key);
    };
  }

  isPinned(ref: BackupRef): boolean {
    return this.#pins.has(pinKey(ref, false)) || this.#pins.has(pinKey(ref, true));
  }

  isPinnedForWrite(ref: BackupRef): boolean {
    return this.#pins.has(pinKey(ref, true));
  }

  usedBytes(): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += entryBytes(entry);
    return total;
  }

  capBytes(): number {
    return this.#deps.capBytes();
  }

  /**
   * Makes room for `bytes` more in `forRef`'s entry: evicts whole backups, least recently used first, never
   * one in use and never `forRef` itself. Throws BACKUP_CACHE_FULL when even that cannot make room.
   */
  reserve(forRef: BackupRef, bytes: number): Promise<void> {
    return this.#exclusive(async () => {
      await this.load();
      const cap = this.#deps.capBytes();
      const own = this.#entries.get(refKey(forRef));
      if ((own ? entryBytes(own) : 0) + bytes > cap) {
        throw new AppError('BACKUP_CACHE_FULL', undefined, { neededBytes: bytes, capBytes: cap });
      }
      const pending = this.#pendingBytes(refKey(forRef));
      const { fits } = await this.#evictUntil(
        () => this.usedBytes() + pending + bytes <= cap,
        refKey(forRef),
      );
      if (!fits) throw new AppError('BACKUP_CACHE_FULL', undefined, { neededBytes: bytes, capBytes: cap });
      this.#reserved.set(refKey(forRef), (own ? entryBytes(own) : 0) + bytes);
    });
  }

  /**
   * Brings the cache within its cap now (the cap was lowered): evicts whole backups, least recently used
   * first, until what is on disk plus what running downloads will still write fits. A backup in use (being
   * downloaded or read) is never evicted, so the cache can stay over the cap until it is no longer used;
   * `overBytes` says by how much.
   */
  fitCap(): Promise<{ evictedBackups: number; freedBytes: number; overBytes: number }> {
    return this.#exclusive(async () => {
      await this.load();
      const cap = this.#deps.capBytes();
      const pending = this.#pendingBytes();
      const { evicted, freedBytes } = await this.#evictUntil(() => this.usedBytes() + pending <= cap);
      if (evicted > 0) this.#log.info('cap lowered', { evictedBackups: evicted, freedBytes });
      return {
        evictedBackups: evicted,
        freedBytes,
        overBytes: Math.max(0, this.usedBytes() + pending - cap),
      };
    });
  }

  /** What running downloads reserved and have not written yet (but `except`'s): that room is not free. */
  #pendingBytes(except?: string): number {
    let pending = 0;
    for (const [key, target] of this.#reserved) {
      const entry = this.#entries.get(key);
      if (key !== except) pending += Math.max(0, target - (entry ? entryBytes(entry) : 0));
    }
    return pending;
  }

  /** Evicts backups not in use (and not `except`), least recently used first, until `fits()`. */
  async #evictUntil(
    fits: () => boolean,
    except?: string,
  ): Promise<{ fits: boolean; evicted: number; freedBytes: number }> {
    const candidates = [...this.#entries.values()]
      .filter((e) => refKey(e) !== except && !this.isPinned(e))
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    let evicted = 0;
    let freedBytes = 0;
    let ok = fits();
    while (!ok) {
      const victim = candidates.shift();
      if (!victim) break;
      // In use since the list was made (an inspection pinned it while an earlier victim was removed): kept.
      if (this.isPinned(victim) || !this.#entries.has(refKey(victim))) continue;
      this.#log.info('evicted', { backupId: victim.backupId, bytes: entryBytes(victim) });
      freedBytes += entryBytes(victim);
      await this.#remove(victim);
      evicted++;
      ok = fits();
    }
    if (evicted > 0) await this.save();
    return { fits: ok, evicted, freedBytes };
  }

  /** Evictions run one at a time: two at once would pick the same victims and count their bytes twice. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#evictions.then(work);
    this.#evictions = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The download of `ref` ended: what it had reserved and not written is free again. */
  unreserve(ref: BackupRef): void {
    this.#reserved.delete(refKey(ref));
  }

  /** Removes one backup's files (not when in use); true when it was there and removed. */
  async remove(ref: BackupRef): Promise<boolean> {
    await this.load();
    const entry = this.#entries.get(refKey(ref));
    if (!entry || this.isPinned(ref)) return false;
    await this.#remove(entry);
    await this.save();
    return true;
  }

  /** Drops the entry of a download that ended with nothing on disk (called by that download only). */
  async discardIfEmpty(ref: BackupRef): Promise<void> {
    const entry = this.#entries.get(refKey(ref));
    if (!entry || entryBytes(entry) > 0) return;
    await this.#remove(entry);
    await this.save();
  }

  /** Settings' "Delete downloaded backups": every backup not in use. */
  async deleteAll(): Promise<{ removedBackups: number; freedBytes: number; keptInUse: number }> {
    await this.load();
    let removedBackups = 0;
    let freedBytes = 0;
    let keptInUse = 0;
    for (const entry of [...this.#entries.values()]) {
      if (this.isPinned(entry)) {
        keptInUse++;
        continue;
      }
      freedBytes += entryBytes(entry);
      await this.#remove(entry);
      removedBackups++;
    }
    await this.save();
    this.#log.info('cache cleared', { removedBackups, freedBytes, keptInUse });
    return { removedBackups, freedBytes, keptInUse };
  }

  /** Every entry, for `backup:downloads`; `active` ones are marked by the service. */
  list(): CachedBackup[] {
    return [...this.#entries.values()]
      .sort((a, b) => b.lastUsedAt - a.lastUsedAt)
      .map((entry) => ({
        ...pickRef(entry),
        state: isComplete(entry) ? ('complete' as const) : ('partial' as const),
        files: entry.files.map((f) => ({ ...f })),
        bytes: entryBytes(entry),
        encryption: entry.encryption,
        createdAt: new Date(entry.createdAt).toISOString(),
        lastUsedAt: new Date(entry.lastUsedAt).toISOString(),
      }));
  }

  /** Writes the index (atomic, 0600); writes are serialised so the last state always lands last. */
  save(): Promise<void> {
    const entries = [...this.#entries.values()].map((e) => ({ ...e, files: e.files.map((f) => ({ ...f })) }));
    const text = JSON.stringify({ version: 1, entries });
    const write = this.#writes.then(() => writeFileAtomic(join(this.root, INDEX_FILE), text));
    this.#writes = write.catch((error: unknown) =>
      this.#log.warn('cache index not written', { code: (error as NodeJS.ErrnoException).code }),
    );
    return write;
  }

  async #remove(entry: CacheEntry): Promise<void> {
    this.#entries.delete(refKey(entry));
    if (this.#inside(entry.dir)) await rm(join(this.root, entry.dir), { recursive: true, force: true });
  }

  async #removeAllFolders(): Promise<void> {
    const { readdir } = await import('node:fs/promises');
    for (const name of await readdir(this.root)) {
      if (name === INDEX_FILE) continue;
      await rm(join(this.root, name), { recursive: true, force: true });
    }
  }

  async #makeDirs(dir: string): Promise<void> {
    let path = this.root;
    for (const segment of dir.split(sep)) {
      path = join(path, segment);
      await mkdir(path, { recursive: true, mode: 0o700 });
      await chmod(path, 0o700);
    }
  }

  /** A folder from the index stays inside the cache root, whatever the index says. */
  #inside(dir: string): boolean {
    const rel = relative(this.root, join(this.root, dir));
    return rel !== '' && !rel.startsWith('..') && !rel.includes(`..${sep}`);
  }
}

function pinKey(ref: BackupRef, writer: boolean): string {
  return `${writer ? 'w' : 'r'}\u0000${refKey(ref)}`;
}

function pickRef(ref: BackupRef): BackupRef {
  return { profileId: ref.profileId, region: ref.region, instanceId: ref.instanceId, backupId: ref.backupId };
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}
