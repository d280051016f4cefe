/**
 * Reading (and skipping) one value of each RDB type, counting what LLEN / SCARD / ZCARD / HLEN / XLEN would
 * answer without building anything. Layouts from redis `src/rdb.c` rdbLoadObject (Redis 7.4/8.x, with the
 * hash field TTL types 22–25 and streams 1–3); Valkey's RDB_TYPE_HASH_2 from valkey-io/valkey `src/rdb.c`
 * (each field followed by its expiry in ms, -1 for none).
 */
import * as C from './rdb-constants.js';
import {
  B_INTSET,
  B_LISTPACK,
  B_ZIPLIST,
  B_ZIPMAP,
  MAX_BLOB,
  type Need,
  type RdbParser,
  S_INT,
  S_LZF,
  STR_HEAD,
} from './rdb-parser.js';
import { RdbFormatError } from './rdb-types.js';
import { moduleValue, stream } from './stream-module-readers.js';
import { binaryScore, elements, evenly, fixed, lenOf, type ValueOut } from './value-parts.js';

export { moduleOpcodes } from './stream-module-readers.js';
export { logicalKind, type ValueOut } from './value-parts.js';

/** The value types stored as one compact blob: what the blob is, entries per element, the encoding name. */
const BLOB_KIND = new Int8Array(256).fill(-1);
const PER_ELEMENT = new Uint8Array(256);
const BLOB_ENCODING: string[] = [];
for (const [type, kind, per, name] of [
  [C.T_HASH_ZIPMAP, B_ZIPMAP, 1, 'zipmap'],
  [C.T_LIST_ZIPLIST, B_ZIPLIST, 1, 'ziplist'],
  [C.T_SET_INTSET, B_INTSET, 1, 'intset'],
  [C.T_ZSET_ZIPLIST, B_ZIPLIST, 2, 'ziplist'],
  [C.T_HASH_ZIPLIST, B_ZIPLIST, 2, 'ziplist'],
  [C.T_HASH_LISTPACK, B_LISTPACK, 2, 'listpack'],
  [C.T_ZSET_LISTPACK, B_LISTPACK, 2, 'listpack'],
  [C.T_SET_LISTPACK, B_LISTPACK, 1, 'listpack'],
] as const) {
  BLOB_KIND[type] = kind;
  PER_ELEMENT[type] = per;
  BLOB_ENCODING[type] = name;
}

/**
 * The common case of a small compact value wholly in the window: counted without a generator. Returns false,
 * having consumed nothing, when the value is of another kind or not all there (readValue then takes it).
 */
export function tryBlobValue(p: RdbParser, type: number, out: ValueOut): boolean {
  const kind = BLOB_KIND[type] as number;
  const w = p.w;
  if (kind < 0 || w.end - w.pos < STR_HEAD) return false;
  const start = w.pos;
  const n = p.strHead();
  if (n > w.end - w.pos || p.sKind === S_INT || n > MAX_BLOB || (p.sKind === S_LZF && p.sULen > MAX_BLOB)) {
    w.pos = start;
    return false;
  }
  const q = w.pos;
  w.pos += n;
  const at = p.sAt;
  const per = PER_ELEMENT[type] as number;
  out.n = per === 1 ? p.countBlob(kind, q, n, at) : evenly(p.countBlob(kind, q, n, at), per, at, 'encoded');
  out.encoding = BLOB_ENCODING[type] as string;
  out.moduleName = undefined;
  return true;
}

export function* readValue(p: RdbParser, type: number, valkey: boolean, out: ValueOut): Need {
  const w = p.w;
  const at = w.offset;
  const tmp = { n: 0 };
  out.moduleName = undefined;
  switch (type) {
    case C.T_LIST:
    case C.T_SET:
      yield* lenOf(p, 'an element count', tmp);
      out.n = tmp.n;
      out.encoding = type === C.T_LIST ? 'linkedlist' : 'hashtable';
      yield* elements(p, w, tmp.n);
      return;
    case C.T_ZSET:
    case C.T_ZSET_2: {
      yield* lenOf(p, 'a sorted set size', tmp);
      const count = tmp.n;
      out.n = count;
      out.encoding = 'skiplist';
      for (let i = 0; i < count; i++) {
        yield* elements(p, w, 1);
        if (type === C.T_ZSET_2) yield* binaryScore(p);
        else {
          // Old text doubles: a length byte (253 NaN, 254 +inf, 255 -inf carry no text), then the text.
          if (w.end - w.pos < 1) yield 1;
          const l = p.u8();
          if (l < 253) {
            if (p.logical) {
              if (w.end - w.pos < l) yield l;
              p.need(l);
              p.logical.bytes(w.buf, w.pos, w.pos + l);
            }
            yield* fixed(p, l);
          } else
            p.logical?.score(
              l === 253 ? Number.NaN : l === 254 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY,
            );
        }
      }
      return;
    }
    case C.T_HASH:
      yield* lenOf(p, 'a hash size', tmp);
      out.n = tmp.n;
      out.encoding = 'hashtable';
      yield* elements(p, w, tmp.n * 2);
      return;
    case C.T_HASH_ZIPMAP:
      yield* p.blob(B_ZIPMAP, tmp);
      out.n = tmp.n;
      out.encoding = 'zipmap';
      return;
    case C.T_LIST_ZIPLIST:
      yield* p.blob(B_ZIPLIST, tmp);
      out.n = tmp.n;
      out.encoding = 'ziplist';
      return;
    case C.T_SET_INTSET:
      yield* p.blob(B_INTSET, tmp);
      out.n = tmp.n;
      out.encoding = 'intset';
      return;
    case C.T_SET_LISTPACK:
      yield* p.blob(B_LISTPACK, tmp);
      out.n = tmp.n;
      out.encoding = 'listpack';
      return;
    case C.T_ZSET_ZIPLIST:
    case C.T_HASH_ZIPLIST:
      yield* p.blob(B_ZIPLIST, tmp);
      out.n = evenly(tmp.n, 2, at, 'ziplist');
      out.encoding = 'ziplist';
      return;
    case C.T_ZSET_LISTPACK:
    case C.T_HASH_LISTPACK:
      yield* p.blob(B_LISTPACK, tmp);
      out.n = evenly(tmp.n, 2, at, 'listpack');
      out.encoding = 'listpack';
      return;
    case C.T_LIST_QUICKLIST:
    case C.T_LIST_QUICKLIST_2:
      yield* quicklist(p, type === C.T_LIST_QUICKLIST_2, out);
      return;
    case C.T_STREAM_LISTPACKS:
    case C.T_STREAM_LISTPACKS_2:
    case C.T_STREAM_LISTPACKS_3:
      yield* stream(p, type, out);
      return;
    case C.T_MODULE_PRE_GA:
    case C.T_MODULE_2:
      yield* moduleValue(p, type, out);
      return;
    default:
      break;
  }
  if (valkey) {
    if (type === C.T_VALKEY_HASH_2) {
      yield* lenOf(p, 'a hash size', tmp);
      out.n = tmp.n;
      out.encoding = 'hashtable';
      for (let i = 0; i < out.n; i++) {
        yield* elements(p, w, 2);
        yield* fixed(p, 8);
      }
      return;
    }
  } else if (type === C.T_HASH_METADATA || type === C.T_HASH_METADATA_PRE_GA) {
    if (type === C.T_HASH_METADATA) yield* fixed(p, 8);
    yield* lenOf(p, 'a hash size', tmp);
    const count = tmp.n;
    out.n = count;
    out.encoding = 'metadata';
    for (let i = 0; i < count; i++) {
      yield* lenOf(p, 'a hash field TTL', tmp);
      yield* elements(p, w, 2);
    }
    return;
  } else if (type === C.T_HASH_LISTPACK_EX || type === C.T_HASH_LISTPACK_EX_PRE_GA) {
    if (type === C.T_HASH_LISTPACK_EX) yield* fixed(p, 8);
    yield* p.blob(B_LISTPACK, tmp);
    out.n = evenly(tmp.n, 3, at, 'listpack-ex');
    out.encoding = 'listpack-ex';
    return;
  }
  throw new RdbFormatError(at - 1, 'a known value type', `type ${type}`);
}

function* quicklist(p: RdbParser, v2: boolean, out: ValueOut): Need {
  const w = p.w;
  const tmp = { n: 0 };
  yield* lenOf(p, 'a quicklist node count', tmp);
  const nodes = tmp.n;
  let total = 0;
  for (let i = 0; i < nodes; i++) {
    let container = C.QL_PACKED;
    if (v2) {
      const at = w.offset;
      yield* lenOf(p, 'a quicklist container', tmp);
      container = tmp.n;
      if (container !== C.QL_PLAIN && container !== C.QL_PACKED)
        throw new RdbFormatError(at, 'a quicklist container of 1 (plain) or 2 (packed)', `${container}`);
    }
    if (container === C.QL_PLAIN) {
      yield* elements(p, w, 1);
      total += 1;
    } else {
      yield* p.blob(v2 ? B_LISTPACK : B_ZIPLIST, tmp);
      total += tmp.n;
    }
  }
  out.n = total;
  out.encoding = v2 ? 'quicklist2' : 'quicklist';
}
