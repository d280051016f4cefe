/**
 * Streams (RDB_TYPE_STREAM_LISTPACKS 1–3: listpack nodes, length and IDs, consumer groups with their PEL
 * and consumers) and module values (RDB_TYPE_MODULE_2 sub-opcodes, redis `src/rdb.c`
 * rdbLoadCheckModuleValue), skipped without being built.
 */
import * as C from './rdb-constants.js';
import type { Need, RdbParser } from './rdb-parser.js';
import { RdbFormatError } from './rdb-types.js';
import { fixed, LEN, lenOf, strings, type ValueOut } from './value-parts.js';

export function* stream(p: RdbParser, type: number, out: ValueOut): Need {
  const tmp = { n: 0 };
  yield* lenOf(p, 'a stream listpack count', tmp);
  // Each node: its master entry ID (16 bytes) and a listpack of entries, counted by the length that follows.
  yield* strings(p, p.w, tmp.n * 2);
  yield* streamAfterNodes(p, type, out);
}

/** What follows a stream's nodes: its length, IDs and consumer groups. */
export function* streamAfterNodes(p: RdbParser, type: number, out: ValueOut): Need {
  const w = p.w;
  const tmp = { n: 0 };
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

export function* moduleValue(p: RdbParser, type: number, out: ValueOut): Need {
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
