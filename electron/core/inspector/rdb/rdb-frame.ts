/**
 * The parts of an RDB file around its keys: the signature and version, AUX fields, module AUX data,
 * Valkey's SLOT_IMPORT, and the trailing checksum. Sources: redis `src/rdb.c` rdbLoadRioWithLoadingCtx,
 * valkey-io/valkey `src/rdb.c` (the VALKEY magic) and `src/cluster_migrateslots.c` (SLOT_IMPORT).
 */
import * as C from './rdb-constants.js';
import { type Need, type RdbParser, STR_HEAD } from './rdb-parser.js';
import { RdbFormatError, type RdbSummary } from './rdb-types.js';
import { moduleOpcodes } from './value-readers.js';

/** Keys and AUX strings longer than this are taken for corruption (real ones are far shorter). */
export const MAX_KEY = 64 << 20;
const utf8 = new TextDecoder('utf-8');

/** The signature and version: REDIS0001–REDIS0012, or VALKEY080–081. Returns true for Valkey's. */
export function* header(p: RdbParser, summary: RdbSummary): Generator<number, boolean, void> {
  let valkey = false;
  const w = p.w;
  if (w.end - w.pos < 9) yield 9;
  p.need(9);
  const magic = String.fromCharCode(...w.buf.subarray(w.pos, w.pos + 9));
  let version: number;
  if (/^REDIS\d{4}$/.test(magic)) {
    version = Number(magic.slice(5));
    if (version < 1 || version > C.MAX_REDIS_RDB)
      throw new RdbFormatError(
        5,
        `an RDB version from 1 to ${C.MAX_REDIS_RDB} after REDIS`,
        `version ${version}`,
      );
  } else if (/^VALKEY\d{3}$/.test(magic)) {
    version = Number(magic.slice(6));
    valkey = true;
    if (version < C.MIN_VALKEY_RDB || version > C.MAX_VALKEY_RDB)
      throw new RdbFormatError(
        6,
        `an RDB version from ${C.MIN_VALKEY_RDB} to ${C.MAX_VALKEY_RDB} after VALKEY`,
        `version ${version}`,
      );
  } else throw new RdbFormatError(0, 'the RDB signature REDIS0… or VALKEY…', 'not an RDB file');
  w.pos += 9;
  summary.rdbVersion = version;
  return valkey;
}

/** An AUX key or value, as text. */
export function* text(p: RdbParser): Generator<number, string, void> {
  const w = p.w;
  if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
  const n = p.strHead();
  if (n > MAX_KEY) throw new RdbFormatError(p.sAt, `an AUX string of at most ${MAX_KEY} bytes`, `${n} bytes`);
  if (n > w.end - w.pos) yield n;
  return utf8.decode(p.strValue(n));
}

/** MODULE_AUX: a module id, the "when" opcode and value, then the module's opcodes. */
export function* moduleAux(p: RdbParser, summary: RdbSummary): Need {
  const w = p.w;
  const at = w.offset;
  if (w.end - w.pos < 27) yield 27;
  const name = C.moduleNameOf(p.len64('a module id'));
  const whenOpcode = p.len('the module AUX "when" opcode');
  if (whenOpcode !== C.MOD_UINT)
    throw new RdbFormatError(at, 'a module AUX "when" opcode of 2 (UINT)', `${whenOpcode}`);
  p.len('the module AUX "when" value');
  yield* moduleOpcodes(p, name);
  summary.moduleAux.push(name);
}

/** Valkey 9's SLOT_IMPORT: a job name and slot ranges (valkey-io/valkey `src/cluster_migrateslots.c`). */
export function* slotImport(p: RdbParser): Need {
  const w = p.w;
  yield* p.str();
  if (w.end - w.pos < 9) yield 9;
  const ranges = p.len('a slot range count');
  for (let i = 0; i < ranges * 2; i++) {
    if (w.end - w.pos < 9) yield 9;
    p.len('a slot number');
  }
}

/** After EOF: the CRC-64 (RDB 5+), compared with the one computed over the file; 0 means disabled. */
export function* trailer(p: RdbParser, summary: RdbSummary): Need {
  const w = p.w;
  w.feed(w.pos);
  if (summary.rdbVersion < 5) {
    summary.checksum = 'absent';
    return;
  }
  const at = w.offset;
  if (w.end - w.pos < 8) yield 8;
  p.need(8);
  const b = w.buf;
  let zero = true;
  for (let i = 0; i < 8; i++) if (b[w.pos + i] !== 0) zero = false;
  if (zero) summary.checksum = 'disabled';
  else if (w.crc.matches(b, w.pos)) summary.checksum = 'ok';
  else throw new RdbFormatError(at, `the CRC-64 of the file, ${w.crc.hex()}`, 'the stored checksum differs');
  w.pos += 8;
  w.feed(w.pos);
}
