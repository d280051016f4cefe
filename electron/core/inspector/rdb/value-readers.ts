/**
 * Reading (and skipping) one value of each RDB type, counting what LLEN / SCARD / ZCARD / HLEN / XLEN would
 * answer without building anything. Layouts from redis `src/rdb.c` rdbLoadObject (Redis 7.4/8.x, with the
 * hash field TTL types 22–25 and streams 1–3) and rdbLoadCheckModuleValue (module sub-opcodes); Valkey's
 * RDB_TYPE_HASH_2 from valkey-io/valkey `src/rdb.c` (each field followed by its expiry in ms, -1 for none).
 */
import type { ByteWindow } from './byte-window.js';
import * as C from './rdb-constants.js';
import {
  B_INTSET,
  B_LISTPACK,
  B_ZIPLIST,
  B_ZIPMAP,
  type Need,
  type RdbParser,
  STR_HEAD,
} from './rdb-parser.js';
import { RdbFormatError } from './rdb-types.js';

export interface ValueOut {
  n: number;
  encoding: string;
  moduleName: string | undefined;
}

const LEN = 9;

function* lenOf(p: RdbParser, what: string, out: { n: number }): Need {
  if (p.w.end - p.w.pos < LEN) yield LEN;
  out.n = p.len(what);
}

function* fixed(p: RdbParser, n: number): Need {
  if (p.w.end - p.w.pos < n) yield n;
  p.need(n);
  p.w.pos += n;
}

/** Strings one after another, as linked lists, hashtable sets and hashes store their elements. */
function* strings(p: RdbParser, w: ByteWindow, count: number): Need {
  for (let i = 0; i < count; i++) {
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = p.strHead();
    if (n <= w.end - w.pos) w.pos += n;
    else yield* p.skip(n);
  }
}

function evenly(total: number, per: number, at: number, what: string): number {
  if (total % per !== 0)
    throw new RdbFormatError(at, `${what} entries in groups of ${per}`, `${total} entries`);
  return total / per;
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
      yield* strings(p, w, tmp.n);
      return;
    case C.T_ZSET:
    case C.T_ZSET_2: {
      yield* lenOf(p, 'a sorted set size', tmp);
      const count = tmp.n;
      out.n = count;
      out.encoding = 'skiplist';
      for (let i = 0; i < count; i++) {
        yield* strings(p, w, 1);
        if (type === C.T_ZSET_2) yield* fixed(p, 8);
        else {
          // Old text doubles: a length byte (253 NaN, 254 +inf, 255 -inf carry no text), then the text.
          if (w.end - w.pos < 1) yield 1;
          const l = p.u8();
          if (l < 253) yield* fixed(p, l);
        }
      }
      return;
    }
    case C.T_HASH:
      yield* lenOf(p, 'a hash size', tmp);
      out.n = tmp.n;
      out.encoding = 'hashtable';
      yield* strings(p, w, tmp.n * 2);
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
      for (let i = 0; i < tmp.n; i++) {
        yield* strings(p, w, 2);
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
      yield* strings(p, w, 2);
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
      yield* strings(p, w, 1);
      total += 1;
    } else {
      yield* p.blob(v2 ? B_LISTPACK : B_ZIPLIST, tmp);
      total += tmp.n;
    }
  }
  out.n = total;
  out.encoding = v2 ? 'quicklist2' : 'quicklist';
}

function* stream(p: RdbParser, type: number, out: ValueOut): Need {
  const w = p.w;
  const tmp = { n: 0 };
  yield* lenOf(p, 'a stream listpack count', tmp);
  // Each node: its master entry ID (16 bytes) and a listpack of entries, counted by the length that follows.
  yield* strings(p, w, tmp.n * 2);
  yield* lenOf(p, 'a stream length', tmp);
  out.n = tmp.n;
  out.encoding = 'stream';
  // Last ID; from v2 on also the first ID, the max deleted ID and the entries-added counter.
  const ids = type >= C.T_STREAM_LISTPACKS_2 ? 7 : 2;
  for (let i = 0; i < ids; i++) yield* lenOf(p, 'a stream ID part', tmp);
  yield* lenOf(p, 'a consumer group count', tmp);
  const groups = tmp.n;
  for (let g = 0; g < groups; g++) {
    yield* strings(p, w, 1);
    const parts = type >= C.T_STREAM_LISTPACKS_2 ? 3 : 2;
    for (let i = 0; i < parts; i++) yield* lenOf(p, 'a consumer group ID part', tmp);
    yield* lenOf(p, 'a PEL size', tmp);
    const pel = tmp.n;
    for (let i = 0; i < pel; i++) {
      // Raw 128-bit entry ID, delivery time (ms), delivery count.
      yield* fixed(p, 24);
      yield* lenOf(p, 'a delivery count', tmp);
    }
    yield* lenOf(p, 'a consumer count', tmp);
    const consumers = tmp.n;
    for (let c = 0; c < consumers; c++) {
      yield* strings(p, w, 1);
      yield* fixed(p, type >= C.T_STREAM_LISTPACKS_3 ? 16 : 8);
      yield* lenOf(p, 'a consumer PEL size', tmp);
      const own = tmp.n;
      if (own * 16 <= w.end - w.pos) w.pos += own * 16;
      else yield* p.skip(own * 16);
    }
  }
}

/** A module value (type 7) or MODULE_AUX payload: sub-opcodes until RDB_MODULE_OPCODE_EOF. */
export function* moduleOpcodes(p: RdbParser, name: string): Need {
  const tmp = { n: 0 };
  for (;;) {
    const at = p.w.offset;
    yield* lenOf(p, 'a module opcode', tmp);
    switch (tmp.n) {
      case C.MOD_EOF:
        return;
      case C.MOD_SINT:
      case C.MOD_UINT:
        yield* lenOf(p, 'a module integer', tmp);
        break;
      case C.MOD_FLOAT:
        yield* fixed(p, 4);
        break;
      case C.MOD_DOUBLE:
        yield* fixed(p, 8);
        break;
      case C.MOD_STRING:
        yield* strings(p, p.w, 1);
        break;
      default:
        throw new RdbFormatError(
          at,
          `a module opcode (0–5) in the value of module ${name}`,
          `opcode ${tmp.n}`,
        );
    }
  }
}

function* moduleValue(p: RdbParser, type: number, out: ValueOut): Need {
  const at = p.w.offset;
  if (p.w.end - p.w.pos < LEN) yield LEN;
  const name = C.moduleNameOf(p.len64('a module id'));
  out.moduleName = name;
  out.encoding = 'module';
  out.n = 0;
  if (type === C.T_MODULE_PRE_GA)
    throw new RdbFormatError(
      at,
      'a module value the reader can skip (type 7)',
      `module ${name} is stored in the Redis 4.0 release-candidate format (type 6), which only the module can read`,
    );
  yield* moduleOpcodes(p, name);
}
