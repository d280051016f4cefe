/**
 * Type codes and opcodes of the RDB format. Sources: redis `src/rdb.h` (types 0–25, opcodes 244–255, RDB
 * 12 for Redis 7.4/8.x) and valkey-io/valkey `src/rdb.h` (the `VALKEY` magic for RDB 80+, the "foreign"
 * range 12–79, its own type 22 RDB_TYPE_HASH_2 and opcode 243 RDB_OPCODE_SLOT_IMPORT).
 */
import type { RedisType } from './rdb-types.js';

export const T_STRING = 0;
export const T_LIST = 1;
export const T_SET = 2;
export const T_ZSET = 3;
export const T_HASH = 4;
export const T_ZSET_2 = 5;
export const T_MODULE_PRE_GA = 6;
export const T_MODULE_2 = 7;
export const T_HASH_ZIPMAP = 9;
export const T_LIST_ZIPLIST = 10;
export const T_SET_INTSET = 11;
export const T_ZSET_ZIPLIST = 12;
export const T_HASH_ZIPLIST = 13;
export const T_LIST_QUICKLIST = 14;
export const T_STREAM_LISTPACKS = 15;
export const T_HASH_LISTPACK = 16;
export const T_ZSET_LISTPACK = 17;
export const T_LIST_QUICKLIST_2 = 18;
export const T_STREAM_LISTPACKS_2 = 19;
export const T_SET_LISTPACK = 20;
export const T_STREAM_LISTPACKS_3 = 21;
/** Redis 7.4 release candidates: hash with field TTLs, absolute TTLs, no minimum expiry up front. */
export const T_HASH_METADATA_PRE_GA = 22;
export const T_HASH_LISTPACK_EX_PRE_GA = 23;
/** Redis 7.4 GA and 8.x: hash with field TTLs, the minimum expiry first, TTLs relative to it. */
export const T_HASH_METADATA = 24;
export const T_HASH_LISTPACK_EX = 25;
/** Valkey 9 (RDB 80+, `VALKEY` magic): the same code 22 means a hash whose fields each carry an expiry. */
export const T_VALKEY_HASH_2 = 22;

export const OP_SLOT_IMPORT = 243;
export const OP_SLOT_INFO = 244;
export const OP_FUNCTION2 = 245;
export const OP_FUNCTION_PRE_GA = 246;
export const OP_MODULE_AUX = 247;
export const OP_IDLE = 248;
export const OP_FREQ = 249;
export const OP_AUX = 250;
export const OP_RESIZEDB = 251;
export const OP_EXPIRETIME_MS = 252;
export const OP_EXPIRETIME = 253;
export const OP_SELECTDB = 254;
export const OP_EOF = 255;

/** Module value sub-opcodes (RDB_MODULE_OPCODE_* in redis `src/rdb.h`). */
export const MOD_EOF = 0;
export const MOD_SINT = 1;
export const MOD_UINT = 2;
export const MOD_FLOAT = 3;
export const MOD_DOUBLE = 4;
export const MOD_STRING = 5;

/** Highest RDB version with the `REDIS` magic we read: 12 (Redis 7.4 and 8.x). */
export const MAX_REDIS_RDB = 12;
/** Valkey 9.0 writes RDB 80, 9.2 RDB 81 (valkey-io/valkey `src/rdb.h` RDB_VERSION_MAP). */
export const MIN_VALKEY_RDB = 80;
export const MAX_VALKEY_RDB = 81;

/** What a compact blob holds (the reader's own numbering). */
export const B_ZIPLIST = 0;
export const B_LISTPACK = 1;
export const B_INTSET = 2;
export const B_ZIPMAP = 3;

/** Quicklist 2 node containers (redis `src/quicklist.h`): a single plain element, or a listpack. */
export const QL_PLAIN = 1;
export const QL_PACKED = 2;

export function typeOf(code: number): RedisType {
  switch (code) {
    case T_STRING:
      return 'string';
    case T_LIST:
    case T_LIST_ZIPLIST:
    case T_LIST_QUICKLIST:
    case T_LIST_QUICKLIST_2:
      return 'list';
    case T_SET:
    case T_SET_INTSET:
    case T_SET_LISTPACK:
      return 'set';
    case T_ZSET:
    case T_ZSET_2:
    case T_ZSET_ZIPLIST:
    case T_ZSET_LISTPACK:
      return 'zset';
    case T_STREAM_LISTPACKS:
    case T_STREAM_LISTPACKS_2:
    case T_STREAM_LISTPACKS_3:
      return 'stream';
    case T_MODULE_PRE_GA:
    case T_MODULE_2:
      return 'module';
    default:
      return 'hash';
  }
}

/** The module name encoded in a 64-bit module id: 9 characters of 6 bits above a 10-bit encoding version. */
const MODULE_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function moduleNameOf(id: bigint): string {
  let rest = id >> 10n;
  const chars: string[] = [];
  for (let j = 0; j < 9; j++) {
    chars.unshift(MODULE_CHARSET[Number(rest & 63n)] as string);
    rest >>= 6n;
  }
  return chars.join('');
}
