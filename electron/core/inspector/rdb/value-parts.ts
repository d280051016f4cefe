/**
 * The pieces every value reader is made of: lengths, fixed-size fields, runs of strings, and collection
 * elements (which also feed the content hash when hashValues is on). Layouts from redis `src/rdb.c`.
 */
import type { ByteWindow } from './byte-window.js';
import { L_HASH, L_LIST, L_SET, L_ZSET } from './logical-hash.js';
import * as C from './rdb-constants.js';
import { MAX_BLOB, type Need, type RdbParser, S_INT, S_LZF, STR_HEAD } from './rdb-parser.js';
import { RdbFormatError } from './rdb-types.js';

export interface ValueOut {
  n: number;
  encoding: string;
  moduleName: string | undefined;
}

export const LEN = 9;

export function* lenOf(p: RdbParser, what: string, out: { n: number }): Need {
  if (p.w.end - p.w.pos < LEN) yield LEN;
  out.n = p.len(what);
}

export function* fixed(p: RdbParser, n: number): Need {
  if (p.w.end - p.w.pos < n) yield n;
  p.need(n);
  p.w.pos += n;
}

/** Strings one after another, as linked lists, hashtable sets and hashes store their elements. */
export function* strings(p: RdbParser, w: ByteWindow, count: number): Need {
  for (let i = 0; i < count; i++) {
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = p.strHead();
    if (n <= w.end - w.pos) w.pos += n;
    else yield* p.skip(n);
  }
}

/**
 * Collection elements stored as RDB strings. Without content hashing, the same as `strings`; with it, each
 * element goes to the logical hash in canonical form (integers as text, LZF decompressed).
 */
export function* elements(p: RdbParser, w: ByteWindow, count: number): Need {
  const logical = p.logical;
  if (!logical) return yield* strings(p, w, count);
  for (let i = 0; i < count; i++) {
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = p.strHead();
    if (p.sKind === S_INT) {
      if (n > w.end - w.pos) yield n;
      logical.int(p.intValue(n));
    } else if (p.sKind === S_LZF && n <= MAX_BLOB) {
      if (n > w.end - w.pos) {
        yield n;
        p.need(n);
      }
      const bytes = p.lzfValue(n);
      logical.bytes(bytes, 0, bytes.length);
    } else if (n <= w.end - w.pos && p.sKind !== S_LZF) {
      logical.bytes(w.buf, w.pos, w.pos + n);
      w.pos += n;
    } else {
      // A big element, or one compressed beyond what is decompressed in memory (the same bytes either way,
      // whether or not the window holds them): hashed as it streams through the window.
      w.hash = logical.startStreamed();
      w.hashFrom = w.pos;
      yield* p.skip(n);
      w.feedHash(w.pos);
      w.hash = null;
      logical.endStreamed();
    }
  }
}

const scoreValue = new Float64Array(1);
const scoreBytes = new Uint8Array(scoreValue.buffer);

/** A sorted-set score as a binary double (RDB_TYPE_ZSET_2), hashed as its value when hashing by content. */
export function* binaryScore(p: RdbParser): Need {
  const w = p.w;
  if (w.end - w.pos < 8) yield 8;
  p.need(8);
  if (p.logical) {
    const b = w.buf;
    for (let i = 0; i < 8; i++) scoreBytes[i] = b[w.pos + i] as number;
    p.logical.score(scoreValue[0] as number);
  }
  w.pos += 8;
}

/** How each type is hashed by content: list (ordered), set, hash or sorted set, and elements per group. */
export function logicalKind(type: number, valkey: boolean): [kind: number, per: number] | null {
  switch (type) {
    case C.T_LIST:
    case C.T_LIST_ZIPLIST:
    case C.T_LIST_QUICKLIST:
    case C.T_LIST_QUICKLIST_2:
      return [L_LIST, 1];
    case C.T_SET:
    case C.T_SET_INTSET:
    case C.T_SET_LISTPACK:
      return [L_SET, 1];
    case C.T_ZSET:
    case C.T_ZSET_2:
    case C.T_ZSET_ZIPLIST:
    case C.T_ZSET_LISTPACK:
      return [L_ZSET, 2];
    case C.T_HASH:
    case C.T_HASH_ZIPMAP:
    case C.T_HASH_ZIPLIST:
    case C.T_HASH_LISTPACK:
    case C.T_HASH_METADATA:
    case C.T_HASH_METADATA_PRE_GA:
      return [L_HASH, 2];
    case C.T_HASH_LISTPACK_EX:
    case C.T_HASH_LISTPACK_EX_PRE_GA:
      return valkey ? null : [L_HASH, 3];
    default:
      return null;
  }
}

export function evenly(total: number, per: number, at: number, what: string): number {
  if (total % per !== 0)
    throw new RdbFormatError(at, `${what} entries in groups of ${per}`, `${total} entries`);
  return total / per;
}
