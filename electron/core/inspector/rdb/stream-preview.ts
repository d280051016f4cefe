/**
 * A stream's first entries for the value preview, as XRANGE - + answers them: each entry's ID, then its
 * fields and values. Decoded from the stream's first nodes only (each a 16-byte master ID and a listpack),
 * until the preview is full; the remaining nodes, the consumer groups and the rest pass as usual. Node layout
 * from redis `src/t_stream.c` (the comment above streamAppendItem): a master entry (count, deleted,
 * master field count, master fields, 0), then per entry: flags (1 deleted, 2 same fields as the master),
 * ms and seq differences from the master ID, [field count, fields and values | values], and lp-count.
 */
import type { ByteSink } from './byte-window.js';
import { LogicalHash } from './logical-hash.js';
import type { PreviewCollector } from './preview-reader.js';
import { MAX_KEY } from './rdb-frame.js';
import { B_LISTPACK, type Need, type RdbParser, STR_HEAD } from './rdb-parser.js';
import { RdbFormatError } from './rdb-types.js';
import { streamAfterNodes } from './stream-module-readers.js';
import { lenOf, strings, type ValueOut } from './value-parts.js';

const F_DELETED = 1;
const F_SAMEFIELDS = 2;
const ascii = new TextEncoder();
const latin1 = new TextDecoder('latin1');

// Where the walk over one node's listpack entries stands.
const S_COUNT = 0;
const S_DELETED = 1;
const S_MASTER_COUNT = 2;
const S_MASTER_FIELD = 3;
const S_MASTER_END = 4;
const S_FLAGS = 5;
const S_MS = 6;
const S_SEQ = 7;
const S_FIELD_COUNT = 8;
const S_FIELD = 9;
const S_VALUE = 10;
const S_LP_COUNT = 11;

/** Receives a node's listpack entries in order (through the blob walk the content hash uses). */
class StreamNodeWalk extends LogicalHash {
  #state = S_COUNT;
  #masterMs = 0n;
  #masterSeq = 0n;
  #masterFields: Uint8Array[] = [];
  #masterCount = 0;
  #flags = 0;
  #ms = 0n;
  #fields = 0;
  #entry: Uint8Array[] = [];
  #at = 0;

  constructor(
    private readonly out: PreviewCollector,
    private readonly where: () => number,
  ) {
    super();
  }

  /** The node's master ID: 64-bit ms and seq, big-endian. */
  masterId(id: Uint8Array): void {
    if (id.length !== 16)
      throw new RdbFormatError(this.where(), 'a 16-byte stream node ID', `${id.length} bytes`);
    const v = new DataView(id.buffer, id.byteOffset, 16);
    this.#masterMs = v.getBigUint64(0);
    this.#masterSeq = v.getBigUint64(8);
    this.#state = S_COUNT;
  }

  override bytes(buf: Uint8Array, start: number, end: number): void {
    this.#next(buf.slice(start, end), null);
  }

  override int(v: number): void {
    this.#next(null, BigInt(v));
  }

  override bigint(v: bigint): void {
    this.#next(null, v);
  }

  override startStreamed(): ByteSink {
    // Listpack entries are always in memory; a node ID never streams.
    throw new RdbFormatError(this.where(), 'a stream node in memory');
  }

  #number(b: Uint8Array | null, v: bigint | null): bigint {
    if (v !== null) return v;
    const t = latin1.decode(b ?? new Uint8Array(0));
    if (!/^-?\d+$/.test(t))
      throw new RdbFormatError(this.where(), 'a number in a stream node', t.slice(0, 20));
    return BigInt(t);
  }

  #next(b: Uint8Array | null, v: bigint | null): void {
    const text = () => b ?? ascii.encode(String(v));
    switch (this.#state) {
      case S_COUNT:
        this.#state = S_DELETED;
        return;
      case S_DELETED:
        this.#state = S_MASTER_COUNT;
        return;
      case S_MASTER_COUNT:
        this.#masterCount = Number(this.#number(b, v));
        this.#masterFields = [];
        this.#state = this.#masterCount > 0 ? S_MASTER_FIELD : S_MASTER_END;
        return;
      case S_MASTER_FIELD:
        this.#masterFields.push(text());
        if (this.#masterFields.length === this.#masterCount) this.#state = S_MASTER_END;
        return;
      case S_MASTER_END:
        this.#state = S_FLAGS;
        return;
      case S_FLAGS:
        this.#flags = Number(this.#number(b, v));
        this.#state = S_MS;
        return;
      case S_MS:
        this.#ms = this.#masterMs + this.#number(b, v);
        this.#state = S_SEQ;
        return;
      case S_SEQ: {
        const seq = this.#masterSeq + this.#number(b, v);
        this.#entry = [ascii.encode(`${this.#ms}-${seq}`)];
        this.#at = 0;
        if (this.#flags & F_SAMEFIELDS) {
          this.#fields = this.#masterCount;
          this.#state = this.#fields > 0 ? S_VALUE : S_LP_COUNT;
        } else this.#state = S_FIELD_COUNT;
        return;
      }
      case S_FIELD_COUNT:
        this.#fields = Number(this.#number(b, v));
        this.#state = this.#fields > 0 ? S_FIELD : S_LP_COUNT;
        return;
      case S_FIELD:
        this.#entry.push(text());
        this.#state = S_VALUE;
        return;
      case S_VALUE:
        if (this.#flags & F_SAMEFIELDS) this.#entry.push(this.#masterFields[this.#at] as Uint8Array);
        this.#entry.push(text());
        this.#at++;
        this.#state = this.#at < this.#fields ? (this.#flags & F_SAMEFIELDS ? S_VALUE : S_FIELD) : S_LP_COUNT;
        return;
      case S_LP_COUNT:
        if (!(this.#flags & F_DELETED)) this.out.addGroup(this.#entry);
        this.#entry = [];
        this.#state = S_FLAGS;
        return;
    }
  }
}

/** Reads a stream value (its type byte and key already read), keeping its first entries in `collector`. */
export function* streamPreview(p: RdbParser, type: number, out: ValueOut, collector: PreviewCollector): Need {
  const w = p.w;
  const tmp = { n: 0 };
  yield* lenOf(p, 'a stream listpack count', tmp);
  const nodes = tmp.n;
  const walk = new StreamNodeWalk(collector, () => w.offset);
  for (let i = 0; i < nodes; i++) {
    if (collector.full) {
      collector.markCut();
      yield* strings(p, w, (nodes - i) * 2);
      break;
    }
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = p.strHead();
    if (n > MAX_KEY) throw new RdbFormatError(p.sAt, 'a 16-byte stream node ID', `${n} bytes`);
    if (n > w.end - w.pos) yield n;
    walk.masterId(p.strValue(n));
    p.logical = walk;
    try {
      yield* p.blob(B_LISTPACK, tmp);
    } finally {
      p.logical = null;
    }
  }
  yield* streamAfterNodes(p, type, out);
}
