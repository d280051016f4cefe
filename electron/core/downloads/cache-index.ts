/**
 * What the backup cache's index holds and how its names are made: the index schema (checked when read, so a
 * damaged index loses nothing but itself), each backup's key, and path segments and file names made safe from
 * the cloud's ids and FileName. No I/O here; backup-cache.ts reads and writes the index.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BackupRef } from '../../../shared/downloads';

export const CACHE_FOLDER = 'backup-cache';
export const INDEX_FILE = 'index.json';

const FileSchema = z.object({
  name: z.string().min(1).max(255),
  bytes: z.number().int().nonnegative(),
  expectedBytes: z.number().int().nonnegative().optional(),
  complete: z.boolean(),
});

const EntrySchema = z.object({
  profileId: z.string().min(1),
  region: z.string().min(1),
  instanceId: z.string().min(1),
  backupId: z.string().min(1),
  /** Folder inside the cache root, relative. */
  dir: z.string().min(1),
  files: z.array(FileSchema),
  encryption: z.enum(['no', 'decrypted', 'unknown']),
  createdAt: z.number(),
  lastUsedAt: z.number(),
});
export type CacheEntry = z.infer<typeof EntrySchema>;
export type CacheFile = z.infer<typeof FileSchema>;

export const IndexSchema = z.object({ version: z.literal(1), entries: z.array(EntrySchema) });
export type CacheIndex = z.infer<typeof IndexSchema>;

/** The key of a backup in the index and in the pin table. */
export function refKey(ref: BackupRef): string {
  return [ref.profileId, ref.region, ref.instanceId, ref.backupId].join('\u0000');
}

/** A path segment from an id: `[A-Za-z0-9._-]` kept, the rest `_`, plus a short hash when anything changed. */
export function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  const plain = cleaned === value && !/^\.+$/.test(value);
  return plain ? cleaned : `${cleaned}~${createHash('sha256').update(value).digest('hex').slice(0, 8)}`;
}

/** A file name from the cloud's FileName: its last segment, sanitised; `fallback` when nothing is left. */
export function safeFileName(name: string, fallback: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned && !cleaned.endsWith('.part') ? cleaned : fallback;
}

export function entryBytes(entry: CacheEntry): number {
  return entry.files.reduce((sum, f) => sum + f.bytes, 0);
}

export function isComplete(entry: CacheEntry): boolean {
  return entry.files.length > 0 && entry.files.every((f) => f.complete);
}
