/**
 * The streaming RDB reader: the opcode loop of redis `src/rdb.c` rdbLoadRioWithLoadingCtx (and Valkey's,
 * valkey-io/valkey `src/rdb.c`), reporting each key instead of loading it. One long-lived generator parses
 * synchronously over the buffered bytes and yields only when it needs more, so a file of millions of small
 * keys costs no promise per key; values are skipped (or hashed) as they pass, never built.
 */
import { ByteWindow } from './byte-window.js';
import { LogicalHash } from './logical-hash.js';
import { PreviewCollector, readPreview, sameKey } from './preview-reader.js';
import * as C from './rdb-constants.js';
import { header, MAX_KEY, moduleAux, slotImport, text, trailer } from './rdb-frame.js';
import { type Need, RdbParser, S_INT, S_LZF, STR_HEAD } from './rdb-parser.js';
import {
  RdbFormatError,
  type RdbKeyEntry,
  type RdbReadOptions,
  type RdbSummary,
  type RdbValuePreview,
  type ReadRdb,
} from './rdb-types.js';
import { hex64, ValueHash } from './value-hash.js';
import { logicalKind, readValue, tryBlobValue, type ValueOut } from './value-readers.js';

/** A window grown past this for one big record goes back to its work buffer before the next. */
const WINDOW_RESET = 4 << 20;

/** An error thrown by the caller's callback, passed back untouched. */
class CallerError {
  constructor(readonly error: unknown) {}
}

class Reader {
  readonly p: RdbParser;
  readonly summary: RdbSummary = {
    rdbVersion: 0,
    aux: {},
    checksum: 'absent',
    bytesRead: 0,
    keys: 0,
    resizeDb: {},
    functions: 0,
    moduleAux: [],
  };
  private valkey = false;
  private readonly hasher: ValueHash | null;
  private readonly lanes: Int32Array | null;
  private readonly digestLanes = new Int32Array(2);
  private readonly logical = new LogicalHash();
  private readonly out: ValueOut = { n: 0, encoding: '', moduleName: undefined };
  /** The one key whose value is previewed, when asked; null otherwise (every key skipped as usual). */
  private readonly want: RdbReadOptions['preview'] | null;
  private readonly collector: PreviewCollector | null;

  constructor(
    readonly w: ByteWindow,
    private readonly onKey: (entry: RdbKeyEntry) => void,
    options: RdbReadOptions,
  ) {
    this.p = new RdbParser(w);
    this.hasher = options.hashValues ? new ValueHash() : null;
    this.want = options.preview ?? null;
    this.collector = this.want ? new PreviewCollector(this.p) : null;
    this.lanes = options.hashValues === 'lanes' ? new Int32Array(2) : null;
  }

  *run(): Need {
    const w = this.w;
    const p = this.p;
    this.valkey = yield* header(p, this.summary);
    let db = 0;
    let expireAt: number | null = null;
    let idle: number | undefined;
    let freq: number | undefined;
    for (;;) {
      if (w.buf.length > WINDOW_RESET) w.release();
      if (w.end - w.pos < STR_HEAD + 2) yield STR_HEAD + 2;
      const typeAt = w.offset;
      const type = p.u8();
      if (type >= C.OP_SLOT_IMPORT) {
        switch (type) {
          case C.OP_EXPIRETIME_MS:
            if (w.end - w.pos < 8) yield 8;
            expireAt = this.int64();
            continue;
          case C.OP_EXPIRETIME: {
            if (w.end - w.pos < 4) yield 4;
            p.need(4);
            const b = w.buf;
            const q = w.pos;
            w.pos += 4;
            expireAt =
              ((b[q] as number) |
                ((b[q + 1] as number) << 8) |
                ((b[q + 2] as number) << 16) |
                ((b[q + 3] as number) << 24)) *
              1000;
            continue;
          }
          case C.OP_IDLE:
            idle = p.len('an LRU idle time');
            continue;
          case C.OP_FREQ:
            freq = p.u8();
            continue;
          case C.OP_SELECTDB:
            db = p.len('a database number');
            continue;
          case C.OP_RESIZEDB: {
            const keys = p.len('a RESIZEDB key count');
            if (w.end - w.pos < 9) yield 9;
            const expires = p.len('a RESIZEDB expires count');
            this.summary.resizeDb[db] = { keys, expires };
            continue;
          }
          case C.OP_AUX: {
            const key = yield* text(p);
            const value = yield* text(p);
            this.summary.aux[key] = value;
            continue;
          }
          case C.OP_MODULE_AUX:
            yield* moduleAux(p, this.summary);
            continue;
          case C.OP_FUNCTION_PRE_GA:
            throw new RdbFormatError(
              typeAt,
              'a function library in the released format (FUNCTION2)',
              'the Redis 7.0 release-candidate format',
            );
          case C.OP_FUNCTION2:
            yield* p.str();
            this.summary.functions++;
            continue;
          case C.OP_SLOT_INFO:
            for (let i = 0; i < 3; i++) {
              if (w.end - w.pos < 9) yield 9;
              p.len('a SLOT_INFO field');
            }
            continue;
          case C.OP_SLOT_IMPORT:
            if (!this.valkey) break;
            yield* slotImport(p);
            continue;
          case C.OP_EOF:
            yield* trailer(p, this.summary);
            return;
        }
        throw new RdbFormatError(typeAt, 'a known opcode', `opcode ${type}`);
      }
      if (type > C.T_HASH_LISTPACK_EX || type === 8 || (this.valkey && type > C.T_VALKEY_HASH_2))
        throw new RdbFormatError(typeAt, 'a known value type or opcode', `byte ${type}`);

      // The key.
      const keyAt = w.offset;
      const keyLen = p.strHead();
      if (keyLen > MAX_KEY)
        throw new RdbFormatError(keyAt, `a key of at most ${MAX_KEY} bytes`, `${keyLen} bytes`);
      if (keyLen > w.end - w.pos) yield keyLen;
      let key = p.strValue(keyLen);

      // The value.
      // Hashing: straight over the buffer when the value was all there, else fed as the window moved.
      const hasher = this.hasher;
      const valueStart = w.pos;
      const moves = w.moves;
      // Collections are hashed by content, so a re-encoded but equal value keeps its hash.
      const byContent = hasher && type !== C.T_STRING ? logicalKind(type, this.valkey) : null;
      if (byContent) {
        this.logical.begin(byContent[0], byContent[1]);
        p.logical = this.logical;
      } else if (hasher) {
        hasher.reset();
        w.hash = hasher;
        w.hashFrom = valueStart;
      }
      let elements = 1;
      let encoding: string;
      let moduleName: string | undefined;
      let preview: RdbValuePreview | undefined;
      const want = this.want;
      if (want && this.collector && db === want.db && sameKey(key, want.key)) {
        key = key.slice();
        const out = this.out;
        preview = yield* readPreview(p, type, this.valkey, out, this.collector, want.maxBytes);
        elements = out.n;
        encoding = out.encoding;
        moduleName = out.moduleName;
      } else if (type === C.T_STRING && w.end - w.pos >= STR_HEAD) {
        const n = p.strHead();
        encoding = p.sKind === S_INT ? 'int' : p.sKind === S_LZF ? 'lzf' : 'raw';
        if (n <= w.end - w.pos) w.pos += n;
        else {
          key = key.slice();
          yield* p.skip(n);
        }
      } else if (tryBlobValue(p, type, this.out)) {
        elements = this.out.n;
        encoding = this.out.encoding;
      } else {
        // Values of the other types may need more input: keep the key, the window moves on.
        key = key.slice();
        const out = this.out;
        if (type === C.T_STRING) {
          yield* p.str();
          out.encoding = p.sKind === S_INT ? 'int' : p.sKind === S_LZF ? 'lzf' : 'raw';
          out.n = 1;
        } else yield* readValue(p, type, this.valkey, out);
        elements = out.n;
        encoding = out.encoding;
        moduleName = out.moduleName;
      }
      let valueHash: string | undefined;
      const lanes = this.lanes;
      if (byContent) {
        p.logical = null;
        if (lanes) this.logical.finish(lanes);
        else valueHash = this.logical.digest();
      } else if (hasher) {
        // A value the window held throughout (nothing fed to the stream yet) is hashed in one call.
        const out = lanes ?? this.digestLanes;
        if (w.moves === moves) hasher.once(w.buf, valueStart, w.pos, out);
        else {
          w.feedHash(w.pos);
          hasher.finish(out);
        }
        w.hash = null;
        if (!lanes) valueHash = hex64(out[0] as number, out[1] as number);
      }
      // One object shape for every entry (optional fields present, undefined when absent) keeps creation cheap.
      const entry: RdbKeyEntry = {
        db,
        key,
        type: C.typeOf(type),
        encoding,
        expireAtMs: expireAt,
        elements,
        bytes: w.offset - keyAt,
        valueHash,
        valueLanes: lanes ?? undefined,
        moduleName,
        idleSeconds: idle,
        frequency: freq,
        preview,
      };
      this.summary.keys++;
      try {
        this.onKey(entry);
      } catch (error) {
        throw new CallerError(error);
      }
      expireAt = null;
      idle = undefined;
      freq = undefined;
    }
  }

  /**
   * The 8-byte millisecond time of EXPIRETIME_MS, signed. Little-endian; before RDB 9 it was written in the
   * writer's byte order (redis `src/rdb.c` rdbLoadMillisecondTime), which is little-endian on x86 and ARM.
   */
  private int64(): number {
    const p = this.p;
    p.need(8);
    const w = this.w;
    const b = w.buf;
    const q = w.pos;
    w.pos += 8;
    const lo =
      (b[q] as number) |
      ((b[q + 1] as number) << 8) |
      ((b[q + 2] as number) << 16) |
      ((b[q + 3] as number) << 24);
    const hi =
      (b[q + 4] as number) |
      ((b[q + 5] as number) << 8) |
      ((b[q + 6] as number) << 16) |
      ((b[q + 7] as number) << 24);
    return hi * 0x100000000 + (lo >>> 0);
  }
}

/**
 * Implements ReadRdb. The source's chunks are read in place, without a copy, and may still be read after
 * the next one arrived: a chunk's bytes must stay as they are once yielded (Node streams never reuse them).
 */
export const readRdb: ReadRdb = async (source, onKey, options = {}) => {
  if (options.preview && options.hashValues)
    throw new TypeError('A value preview is read without hashing values: ask for one or the other.');
  if (options.preview && !(Number.isInteger(options.preview.maxBytes) && options.preview.maxBytes > 0))
    throw new TypeError('A value preview needs a positive whole number of bytes.');
  const onProgress = options.onProgress;
  // The caller's progress callback failing is the caller's error, passed back as thrown.
  const progress =
    onProgress &&
    ((bytes: number) => {
      try {
        onProgress(bytes);
      } catch (error) {
        throw new CallerError(error);
      }
    });
  const w = new ByteWindow(source, options.signal, progress);
  const reader = new Reader(w, onKey, options);
  const run = reader.run();
  try {
    for (;;) {
      const step = run.next();
      if (step.done) break;
      if (step.value === 0) await w.skip();
      else await w.fill(step.value);
    }
    if (!(await w.atEnd()))
      throw new RdbFormatError(w.offset, 'the end of the file after the checksum', 'more bytes follow');
  } catch (error) {
    await w.close();
    throw translate(error, w, options.signal);
  }
  reader.summary.bytesRead = w.offset;
  onProgress?.(w.offset);
  return reader.summary;
};

function translate(error: unknown, w: ByteWindow, signal: AbortSignal | undefined): unknown {
  if (error instanceof CallerError) return error.error;
  if (error instanceof RdbFormatError) return error;
  if (signal?.aborted && error === signal.reason) return error;
  if (w.sourceError !== undefined && error === w.sourceError) return error;
  // Anything else escaping the parser is corrupt input it did not foresee: report it as such, with where.
  const detail = error instanceof Error ? error.message : String(error);
  return new RdbFormatError(w.offset, 'valid RDB data', detail);
}
