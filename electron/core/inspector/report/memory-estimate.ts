/**
 * An ESTIMATE of the memory a key takes once loaded into Redis, from what the RDB tells without building the
 * value: the key's file bytes, its element count and its encoding. It is shown as an estimate, never as a
 * measure: the true figure depends on the allocator, the server version and its encoding thresholds.
 *
 * Method:
 * - every key costs a fixed overhead for its dict entry, its key string header and its value object
 *   (`KEY_OVERHEAD`), plus the bytes of its RDB entry (key and value as stored);
 * - encodings Redis keeps in memory as the same compact blob as in the file (listpack, ziplist, intset,
 *   zipmap, quicklist nodes, stream listpacks, int/raw strings) add nothing more: the blob is the memory;
 * - encodings loaded into per-element structures add a per-element overhead (`PER_ELEMENT`): a dict entry
 *   plus an element string header for hash tables, plus a skiplist node for sorted sets, a list node for
 *   linked lists;
 * - LZF-compressed strings are stored compressed in the file but expanded in memory: their estimate is low
 *   by the compression ratio, which the file does not record without decompressing.
 */
import type { RdbKeyEntry } from '../rdb/rdb-types';

/** dictEntry (24) + key sds header (~8) + robj (16), rounded to allocator classes. */
const KEY_OVERHEAD = 56;

const PER_ELEMENT: Readonly<Record<string, number>> = {
  hashtable: 40,
  skiplist: 72,
  linkedlist: 40,
};

export function estimateMemory(entry: Pick<RdbKeyEntry, 'bytes' | 'elements' | 'encoding'>): number {
  return KEY_OVERHEAD + entry.bytes + entry.elements * (PER_ELEMENT[entry.encoding] ?? 0);
}
