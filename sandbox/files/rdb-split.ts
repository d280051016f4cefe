// Splits one real RDB snapshot into per-shard files by hash slot. With --redis one redis-server plays a
// whole cluster instance, so its snapshot holds every shard's keys; the cloud hands out one file per shard
// (the official DescribeBackupUrl example), so the sandbox cuts the snapshot the way Redis Cluster would
// have spread the keys. Records are copied byte for byte; only SELECTDB/RESIZEDB, EOF and the checksum are
// rewritten. Value layouts follow redis src/rdb.h and rdb.c; a type this splitter cannot walk (streams,
// modules, function libraries, anything newer) makes it give up, and the snapshot is served whole.
import { Crc64 } from './crc64.js';
import { keySlot } from './demo-rdb.js';

const OP = {
  function2: 0xf5,
  moduleAux: 0xf7,
  idle: 0xf8,
  freq: 0xf9,
  aux: 0xfa,
  resizeDb: 0xfb,
  expireMs: 0xfc,
  expireSec: 0xfd,
  selectDb: 0xfe,
  eof: 0xff,
} as const;

class Cursor {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error('truncated');
  }

  byte(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  /** rdbLoadLen; `encoded` is set for the 0xC0.. special string encodings. */
  length(): { value: number; encoded: boolean } {
    const first = this.byte();
    const kind = first >> 6;
    if (kind === 0) return { value: first & 0x3f, encoded: false };
    if (kind === 1) return { value: ((first & 0x3f) << 8) | this.byte(), encoded: false };
    if (kind === 3) return { value: first & 0x3f, encoded: true };
    if (first === 0x80) {
      this.need(4);
      const v = this.buf.readUInt32BE(this.pos);
      this.pos += 4;
      return { value: v, encoded: false };
    }
    if (first === 0x81) {
      this.need(8);
      const v = Number(this.buf.readBigUInt64BE(this.pos));
      this.pos += 8;
      return { value: v, encoded: false };
    }
    throw new Error('bad length');
  }

  count(): number {
    const { value, encoded } = this.length();
    if (encoded) throw new Error('encoded count');
    return value;
  }

  /** rdbGenericLoadStringObject, skipped; returns the raw bytes only when asked (keys). */
  string(keep = false): Buffer | null {
    const { value, encoded } = this.length();
    if (encoded) {
      if (value <= 2) {
        const size = [1, 2, 4][value] as number;
        const start = this.pos;
        this.skip(size);
        if (!keep) return null;
        const n =
          value === 0
            ? this.buf.readInt8(start)
            : value === 1
              ? this.buf.readInt16LE(start)
              : this.buf.readInt32LE(start);
        return Buffer.from(String(n), 'latin1');
      }
      if (value === 3) {
        // LZF (redis src/lzf_d.c): redis compresses strings over 20 bytes when rdbcompression is on.
        const compressed = this.count();
        const plain = this.count();
        const start = this.pos;
        this.skip(compressed);
        return keep ? lzfDecompress(this.buf.subarray(start, start + compressed), plain) : null;
      }
      throw new Error('bad string encoding');
    }
    const start = this.pos;
    this.skip(value);
    return keep ? this.buf.subarray(start, start + value) : null;
  }
}

/** lzf_decompress: literal runs (ctrl < 32) and back references (length ctrl >> 5, +2). */
export function lzfDecompress(input: Buffer, outLength: number): Buffer {
  const out = Buffer.alloc(outLength);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++] as number;
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (ip + run > input.length || op + run > outLength) throw new Error('bad lzf literal');
      input.copy(out, op, ip, ip + run);
      ip += run;
      op += run;
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) len += input[ip++] as number;
    const ref = op - ((ctrl & 0x1f) << 8) - 1 - (input[ip++] as number);
    len += 2;
    if (ref < 0 || op + len > outLength || ip > input.length) throw new Error('bad lzf reference');
    for (let i = 0; i < len; i++) out[op++] = out[ref + i] as number;
  }
  if (op !== outLength) throw new Error('bad lzf length');
  return out;
}

/** Skips one value of an RDB object type; false for a type this splitter does not walk. */
function skipValue(c: Cursor, type: number): boolean {
  switch (type) {
    case 0: // string
    case 9: // zipmap
    case 10: // ziplist
    case 11: // intset
    case 12: // zset ziplist
    case 13: // hash ziplist
    case 16: // hash listpack
    case 17: // zset listpack
    case 20: // set listpack
      c.string();
      return true;
    case 1: // list (linked)
    case 2: // set
    case 14: {
      // quicklist: each node a ziplist
      for (let n = c.count(); n > 0; n--) c.string();
      return true;
    }
    case 3: // zset, scores as text
      for (let n = c.count(); n > 0; n--) {
        c.string();
        const len = c.byte();
        if (len < 253) c.skip(len);
      }
      return true;
    case 5: // zset, binary scores
      for (let n = c.count(); n > 0; n--) {
        c.string();
        c.skip(8);
      }
      return true;
    case 4: // hash
      for (let n = c.count(); n > 0; n--) {
        c.string();
        c.string();
      }
      return true;
    case 18: // quicklist 2: container kind, then the node
      for (let n = c.count(); n > 0; n--) {
        c.count();
        c.string();
      }
      return true;
    default:
      return false;
  }
}

interface KeyRecord {
  db: number;
  key: Buffer;
  bytes: Buffer;
  expires: boolean;
}

/** The snapshot's records per shard, or null when it holds something this splitter cannot walk. */
export function splitRdb(rdb: Buffer, shards: number): Buffer[] | null {
  if (shards <= 1) return [rdb];
  try {
    const c = new Cursor(rdb);
    const magic = rdb.subarray(0, 9).toString('latin1');
    if (!/^REDIS\d{4}$/.test(magic)) return null;
    const version = Number(magic.slice(5));
    c.skip(9);
    const aux: Buffer[] = [];
    const records: KeyRecord[] = [];
    let db = 0;
    for (;;) {
      const start = c.pos;
      let type = c.byte();
      if (type === OP.eof) break;
      if (type === OP.aux) {
        c.string();
        c.string();
        aux.push(rdb.subarray(start, c.pos));
        continue;
      }
      if (type === OP.selectDb) {
        db = c.count();
        continue;
      }
      if (type === OP.resizeDb) {
        c.count();
        c.count();
        continue;
      }
      if (type === OP.function2 || type === OP.moduleAux) return null;
      let expires = false;
      // Per-key prefixes: expiry, LRU idle time, LFU frequency, in any order before the type.
      for (;;) {
        if (type === OP.expireMs) {
          c.skip(8);
          expires = true;
        } else if (type === OP.expireSec) {
          c.skip(4);
          expires = true;
        } else if (type === OP.idle) {
          c.count();
        } else if (type === OP.freq) {
          c.skip(1);
        } else {
          break;
        }
        type = c.byte();
      }
      const key = c.string(true);
      if (!key || !skipValue(c, type)) return null;
      records.push({ db, key: Buffer.from(key), bytes: rdb.subarray(start, c.pos), expires });
    }
    const perShard = Math.ceil(16384 / shards);
    return Array.from({ length: shards }, (_, shard) =>
      assemble(
        version,
        aux,
        records.filter((r) => Math.floor(keySlot(r.key) / perShard) === shard),
      ),
    );
  } catch {
    return null;
  }
}

function length(n: number): Buffer {
  if (n < 1 << 6) return Buffer.from([n]);
  if (n < 1 << 14) return Buffer.from([0x40 | (n >> 8), n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 0x80;
  b.writeUInt32BE(n, 1);
  return b;
}

function assemble(version: number, aux: readonly Buffer[], records: readonly KeyRecord[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`REDIS${String(version).padStart(4, '0')}`, 'latin1'), ...aux];
  const dbs = [...new Set(records.map((r) => r.db))].sort((a, b) => a - b);
  for (const db of dbs) {
    const rows = records.filter((r) => r.db === db);
    parts.push(Buffer.from([OP.selectDb]), length(db));
    if (version >= 7) {
      parts.push(
        Buffer.from([OP.resizeDb]),
        length(rows.length),
        length(rows.filter((r) => r.expires).length),
      );
    }
    for (const row of rows) parts.push(row.bytes);
  }
  parts.push(Buffer.from([OP.eof]));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, new Crc64().update(body).digestLE()]);
}
