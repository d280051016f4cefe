// Shared by the reader's unit tests: read a buffer and keep every entry (the key copied out of the callback).
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import type {
  RdbKeyEntry,
  RdbReadOptions,
  RdbSummary,
} from '../../../electron/core/inspector/rdb/rdb-types.js';
import { chunked } from '../../support/rdb-builder.js';

export interface Kept extends Omit<RdbKeyEntry, 'key'> {
  key: string;
}

export async function readAll(
  data: Uint8Array,
  sizes?: number[],
  options?: RdbReadOptions,
): Promise<{ summary: RdbSummary; keys: Kept[] }> {
  const keys: Kept[] = [];
  const summary = await readRdb(
    chunked(data, sizes),
    (e) => keys.push({ ...e, key: Buffer.from(e.key).toString('latin1') }),
    options,
  );
  return { summary, keys };
}

export function byKey(keys: Kept[]): Record<string, Kept> {
  return Object.fromEntries(keys.map((k) => [k.key, k]));
}
