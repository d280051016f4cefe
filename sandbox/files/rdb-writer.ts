// A small RDB writer for the demo seed's backup files (when no real redis-server takes the snapshot). It
// writes only the plain object encodings every Redis since 2.8 loads — string (raw or int-encoded), list
// (RDB_TYPE_LIST), set, sorted set (RDB_TYPE_ZSET before version 8, RDB_TYPE_ZSET_2 from 8), hash — plus
// AUX fields, SELECTDB, RESIZEDB (version 7+), millisecond expiries, EOF and the CRC64 checksum (version 5+).
// Opcodes, type codes and the length/string encodings are those of redis src/rdb.h and rdb.c;
// tests/integration/sandbox/backup-layouts.test.ts loads the output into the real redis-server.
import { Crc64 } from './crc64.js';

export type RdbValue =
  | { type: 'string'; value: Buffer | string }
  | { type: 'list'; items: readonly (Buffer | string)[] }
  | { type: 'set'; members: readonly (Buffer | string)[] }
  | { type: 'zset'; entries: readonly (readonly [Buffer | string, number])[] }
  | { type: 'hash'; fields: readonly (readonly [Buffer | string, Buffer | string])[] };

export interface RdbEntry {
  key: Buffer | string;
  value: RdbValue;
  /** Absolute expiry, Unix milliseconds. */
  expireAtMs?: number;
}

export interface RdbDatabase {
  index: number;
  entries: readonly RdbEntry[];
}

const OP = { aux: 0xfa, resizeDb: 0xfb, expireMs: 0xfc, selectDb: 0xfe, eof: 0xff } as const;
const TYPE = { string: 0, list: 1, set: 2, zset: 3, hash: 4, zset2: 5 } as const;

/** A growable buffer: fixtures are written byte by byte without an allocation per field. */
class ByteSink {
  private buf = Buffer.alloc(64 * 1024);
  private size = 0;

  private reserve(n: number): void {
    if (this.size + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.size + n));
    this.buf.copy(next, 0, 0, this.size);
    this.buf = next;
  }

  push(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.buf.set(chunk, this.size);
    this.size += chunk.length;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buf[this.size++] = value;
  }

  /** rdbSaveLen: 6-bit, 14-bit (big-endian), 32-bit (0x80) or 64-bit (0x81) big-endian lengths. */
  length(n: number): void {
    this.reserve(9);
    if (n < 1 << 6) {
      this.buf[this.size++] = n;
    } else if (n < 1 << 14) {
      this.buf[this.size++] = 0x40 | (n >> 8);
      this.buf[this.size++] = n & 0xff;
    } else if (n <= 0xffffffff) {
      this.buf[this.size++] = 0x80;
      this.size = this.buf.writeUInt32BE(n, this.size);
    } else {
      this.buf[this.size++] = 0x81;
      this.size = this.buf.writeBigUInt64BE(BigInt(n), this.size);
    }
  }

  /** rdbSaveRawString: integers of up to 11 characters are stored int-encoded, as redis does. */
  string(value: Buffer | string): void {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const asInt = intEncodable(bytes);
    if (asInt === null) {
      this.length(bytes.length);
      this.push(bytes);
      return;
    }
    this.reserve(5);
    if (asInt >= -128 && asInt <= 127) {
      this.buf[this.size++] = 0xc0;
      this.size = this.buf.writeInt8(asInt, this.size);
    } else if (asInt >= -32768 && asInt <= 32767) {
      this.buf[this.size++] = 0xc1;
      this.size = this.buf.writeInt16LE(asInt, this.size);
    } else {
      this.buf[this.size++] = 0xc2;
      this.size = this.buf.writeInt32LE(asInt, this.size);
    }
  }

  double(value: number): void {
    this.reserve(8);
    this.size = this.buf.writeDoubleLE(value, this.size);
  }

  uint64LE(value: number): void {
    this.reserve(8);
    this.size = this.buf.writeBigUInt64LE(BigInt(value), this.size);
  }

  concat(): Buffer {
    return this.buf.subarray(0, this.size);
  }
}

/** The integer a string stands for when redis would int-encode it (canonical form, fits in 32 bits). */
function intEncodable(bytes: Buffer): number | null {
  if (bytes.length === 0 || bytes.length > 11) return null;
  const lead = bytes[0] as number;
  if (lead !== 0x2d && (lead < 0x30 || lead > 0x39)) return null;
  const text = bytes.toString('latin1');
  if (!/^-?(0|[1-9]\d*)$/.test(text)) return null;
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}

/** rdbSaveDoubleValue (RDB_TYPE_ZSET): one length byte, then "%.17g"; 253/254/255 for nan/+inf/-inf. */
function oldDouble(sink: ByteSink, score: number): void {
  if (Number.isNaN(score) || !Number.isFinite(score)) {
    sink.byte(Number.isNaN(score) ? 253 : score > 0 ? 254 : 255);
    return;
  }
  const text = Number.isInteger(score) ? String(score) : score.toPrecision(17).replace(/\.?0+$/, '');
  sink.byte(text.length);
  sink.push(Buffer.from(text, 'latin1'));
}

function writeValue(sink: ByteSink, value: RdbValue, version: number): void {
  switch (value.type) {
    case 'string':
      sink.string(value.value);
      return;
    case 'list':
      sink.length(value.items.length);
      for (const item of value.items) sink.string(item);
      return;
    case 'set':
      sink.length(value.members.length);
      for (const member of value.members) sink.string(member);
      return;
    case 'zset':
      sink.length(value.entries.length);
      for (const [member, score] of value.entries) {
        sink.string(member);
        if (version >= 8) {
          sink.double(score);
        } else {
          oldDouble(sink, score);
        }
      }
      return;
    case 'hash':
      sink.length(value.fields.length);
      for (const [field, fieldValue] of value.fields) {
        sink.string(field);
        sink.string(fieldValue);
      }
      return;
  }
}

function typeByte(value: RdbValue, version: number): number {
  if (value.type === 'zset') return version >= 8 ? TYPE.zset2 : TYPE.zset;
  return TYPE[value.type];
}

export interface RdbFile {
  /** RDB format version, 6 (Redis 2.8) … 12 (Redis 7.4). */
  version: number;
  /** AUX fields (redis-ver, ctime, …), written when the version has them (7+). */
  aux?: readonly (readonly [string, string])[];
  databases: readonly RdbDatabase[];
}

/** The whole file in memory: demo fixtures are a few hundred kilobytes. */
export function writeRdb(file: RdbFile): Buffer {
  if (!Number.isInteger(file.version) || file.version < 6 || file.version > 12) {
    throw new Error(`RDB version ${file.version} is outside 6..12`);
  }
  const sink = new ByteSink();
  sink.push(Buffer.from(`REDIS${String(file.version).padStart(4, '0')}`, 'latin1'));
  if (file.version >= 7) {
    for (const [key, value] of file.aux ?? []) {
      sink.byte(OP.aux);
      sink.string(key);
      sink.string(value);
    }
  }
  for (const db of file.databases) {
    if (db.entries.length === 0) continue;
    sink.byte(OP.selectDb);
    sink.length(db.index);
    if (file.version >= 7) {
      sink.byte(OP.resizeDb);
      sink.length(db.entries.length);
      sink.length(db.entries.filter((e) => e.expireAtMs !== undefined).length);
    }
    for (const entry of db.entries) {
      if (entry.expireAtMs !== undefined) {
        sink.byte(OP.expireMs);
        sink.uint64LE(Math.floor(entry.expireAtMs));
      }
      sink.byte(typeByte(entry.value, file.version));
      sink.string(entry.key);
      writeValue(sink, entry.value, file.version);
    }
  }
  sink.byte(OP.eof);
  const body = sink.concat();
  return Buffer.concat([body, new Crc64().update(body).digestLE()]);
}
