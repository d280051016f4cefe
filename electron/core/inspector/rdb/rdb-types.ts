/**
 * What the streaming RDB reader reports, one call per key, and how it fails. The reader (rdb-reader.ts) and
 * everything built on it (report, find, diff, the `npm run inspect` command line, the inspector service) meet
 * here. Format source: redis `src/rdb.h` and `src/rdb.c`.
 */

/** The names Redis's `TYPE` command answers. */
export type RedisType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream' | 'module';

/**
 * How the value is stored in the file: `raw`, `int`, `lzf` (strings); `linkedlist`, `ziplist`, `quicklist`,
 * `quicklist2` (lists); `hashtable`, `intset`, `listpack` (sets); `skiplist`, `ziplist`, `listpack` (sorted
 * sets); `hashtable`, `zipmap`, `ziplist`, `listpack`, `listpack-ex`, `metadata` (hashes); `stream`
 * (streams, any of the three layouts); `module` (any module value).
 */
export type RdbEncoding = string;

export interface RdbKeyEntry {
  /** The database number, from the last SELECTDB opcode (0 when none came). */
  db: number;
  /** The key's bytes as stored; not necessarily valid UTF-8. Only valid during the callback: copy to keep. */
  key: Uint8Array;
  type: RedisType;
  encoding: RdbEncoding;
  /** Absolute expiry in epoch ms (EXPIRETIME_MS, or EXPIRETIME in seconds × 1000), or null when none. */
  expireAtMs: number | null;
  /** What LLEN / SCARD / ZCARD / HLEN / XLEN would answer; 1 for a string; 0 when unknown (module). */
  elements: number;
  /** Bytes the key and its value occupy in the RDB file (opcode, expiry and LRU/LFU bytes excluded). */
  bytes: number;
  /**
   * A 64-bit hash of the value, as 16 hex digits: present only when asked (`hashValues`). Collections are
   * hashed by content (lists in order; sets, hashes and sorted sets in any order; whatever the encoding), so
   * a value Redis merely re-encoded keeps its hash; hash field TTLs are not part of it. Strings, streams and
   * module values are hashed as stored.
   */
  valueHash?: string;
  /**
   * The same hash as two signed 32-bit halves, given instead of `valueHash` when asked (`hashValues:
   * 'lanes'`): one array reused for every entry, valid only during the callback, so that a diff of millions
   * of keys builds no string per key.
   */
  valueLanes?: Int32Array;
  /** The module's name (9 characters, decoded from its 64-bit module id) when `type` is `module`. */
  moduleName?: string;
  /** The key's idle time (LRU, seconds) or access frequency (LFU, 0–255) when the file carries them. */
  idleSeconds?: number;
  frequency?: number;
  /** The first bytes or elements of the value: only for the one key named by the `preview` read option. */
  preview?: RdbValuePreview;
}

/** The start of one key's value, as the `preview` read option asks for it. */
export interface RdbValuePreview {
  /** Strings: the first bytes of the value (integers as decimal text, LZF decompressed). */
  bytes?: Uint8Array;
  /**
   * Collections: the first elements, as Redis answers them: list items, set members, sorted-set member then
   * score, hash field then value, stream entry ID then its fields and values (XRANGE's order). Whole groups
   * only (never a field without its value); each element cut at the preview's size.
   */
  items?: Uint8Array[];
  /** True when the value holds more than what was handed back. */
  truncated: boolean;
}

export interface RdbReadOptions {
  /** Compute `valueHash` for every key (costs a pass over the value bytes); `'lanes'`: `valueLanes`. */
  hashValues?: boolean | 'lanes';
  /** Called with the number of bytes read so far, at most every few MB. */
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /**
   * Decode the start of one key's value (at most `maxBytes` of it) into `entry.preview`; every other key is
   * skipped as usual. Module values get no preview. Not combinable with `hashValues`.
   */
  preview?: { db: number; key: Uint8Array; maxBytes: number };
}

export interface RdbSummary {
  rdbVersion: number;
  /** AUX fields (redis-ver, redis-bits, ctime, used-mem, repl-id, aof-base, …) as text. */
  aux: Record<string, string>;
  /** `ok` when the trailing CRC64 matched; `disabled` when the file carries 0 (rdbchecksum no); `absent` before v5. */
  checksum: 'ok' | 'disabled' | 'absent';
  bytesRead: number;
  keys: number;
  /** RESIZEDB hints per database: the sizes the writer announced. */
  resizeDb: Record<number, { keys: number; expires: number }>;
  /** Function libraries (FUNCTION2 opcodes) found. */
  functions: number;
  /** Module auxiliary blobs (MODULE_AUX opcodes), by module name. */
  moduleAux: string[];
}

/** Corrupt or truncated input: names the byte offset and what the reader expected there. */
export class RdbFormatError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
    detail?: string,
  ) {
    super(`RDB format error at byte ${offset}: expected ${expected}${detail ? ` (${detail})` : ''}`);
    this.name = 'RdbFormatError';
  }
}

/**
 * The reader's signature (implemented in rdb-reader.ts): reads the whole stream in constant memory, calls
 * `onKey` once per key in file order, and resolves with the summary only when the file ended cleanly with a
 * matching checksum; any failure rejects (never a partial summary presented as whole).
 */
export type ReadRdb = (
  source: AsyncIterable<Uint8Array>,
  onKey: (entry: RdbKeyEntry) => void,
  options?: RdbReadOptions,
) => Promise<RdbSummary>;
