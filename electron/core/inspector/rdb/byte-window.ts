/**
 * The reader's window over the input: one buffer holding the bytes not yet parsed, refilled from the
 * source's chunks. Parsing runs synchronously on `buf[pos, end)`; when a record needs more, the caller awaits
 * `fill(n)`. Big payloads the reader does not need (a 300 MB string) pass through `skip(n)` chunk by chunk
 * and are never held. Every byte is fed exactly once, in order, to the CRC-64 (and, while a value is being
 * hashed, to its hash) just before it leaves the window, so the checksum covers the file without a second pass.
 * Each buffer is mirrored into WebAssembly memory once as it arrives (wasm-kernel.ts), where the CRC and
 * the value hash read it: every change to the buffer is followed by a new mirror of what changed.
 */
import { Crc64 } from './crc64.js';
import { RdbFormatError } from './rdb-types.js';
import { wasmKernel } from './wasm-kernel.js';

const kernel = wasmKernel();

/** Where value bytes go as they pass: a value hash, or a preview catching an element's first bytes. */
export interface ByteSink {
  update(buf: Uint8Array, start: number, end: number): void;
}

const EMPTY = new Uint8Array(0);
/** Below this the window reuses one work buffer; a bigger record gets its own, dropped once it is parsed. */
const WORK_SIZE = 4 << 20;

export class ByteWindow {
  buf: Uint8Array = EMPTY;
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  base = 0;
  eof = false;
  readonly crc = new Crc64();
  /** Set while a value's bytes are being hashed, from buffer index `hashFrom` on. */
  hash: ByteSink | null = null;
  hashFrom = 0;
  /** Counts the times the buffer was replaced or shifted, so a caller can tell its indexes still hold. */
  moves = 0;
  /** Bytes a value reader asked to pass through with `skip` (it yields 0 to ask for it). */
  skipLeft = 0;
  private fed = 0;
  /** What the source itself threw (an I/O error), passed back untouched. */
  sourceError: unknown;
  /** True when buf is ours to write (the work buffer or one we allocated), false for a source chunk. */
  private owned = false;
  private work = new Uint8Array(WORK_SIZE);
  private lastProgress = 0;
  private readonly it: AsyncIterator<Uint8Array>;

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((bytesRead: number) => void) | undefined,
  ) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** File offset of `pos`. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Feeds buf[fed, upto) to the CRC and the active value hash. */
  feed(upto: number): void {
    if (upto <= this.fed) return;
    this.crc.update(this.buf, this.fed, upto);
    if (this.hash) this.feedHash(upto);
    this.fed = upto;
  }

  /** Hashes the value bytes not hashed yet, up to `upto`. */
  feedHash(upto: number): void {
    const from = Math.max(this.fed, this.hashFrom);
    if (this.hash && upto > from) this.hash.update(this.buf, from, upto);
    this.hashFrom = upto;
  }

  /** Waits until at least n bytes are buffered after pos, or the input ended (callers then see the shortfall). */
  async fill(n: number): Promise<void> {
    while (this.end - this.pos < n && !this.eof) {
      const chunk = await this.next();
      if (chunk === null) {
        this.eof = true;
        break;
      }
      this.append(chunk, n);
    }
  }

  /** Passes `skipLeft` bytes through (CRC and hash included) without keeping them. */
  async skip(): Promise<void> {
    let left = this.skipLeft;
    this.skipLeft = 0;
    const inBuf = Math.min(left, this.end - this.pos);
    this.pos += inBuf;
    left -= inBuf;
    if (left === 0) return;
    this.feed(this.end);
    this.moves++;
    this.hashFrom = 0;
    this.base += this.end;
    this.buf = EMPTY;
    this.owned = false;
    this.pos = this.end = this.fed = 0;
    while (left > 0) {
      const chunk = await this.next();
      if (chunk === null) {
        this.eof = true;
        throw new RdbFormatError(this.base, `${left} more bytes`, 'the file ends inside a value');
      }
      kernel.mirror(chunk, 0, chunk.length);
      if (chunk.length <= left) {
        this.crc.update(chunk, 0, chunk.length);
        if (this.hash) this.hash.update(chunk, 0, chunk.length);
        this.base += chunk.length;
        left -= chunk.length;
      } else {
        this.buf = chunk;
        this.owned = false;
        this.end = chunk.length;
        this.pos = left;
        left = 0;
      }
    }
  }

  private async next(): Promise<Uint8Array | null> {
    this.signal?.throwIfAborted();
    for (;;) {
      let r: IteratorResult<Uint8Array>;
      try {
        r = await this.it.next();
      } catch (error) {
        this.sourceError = error;
        throw error;
      }
      this.signal?.throwIfAborted();
      if (r.done) return null;
      const chunk = r.value;
      if (!(chunk instanceof Uint8Array)) throw new TypeError('The RDB source must yield Uint8Array chunks.');
      if (chunk.length === 0) continue;
      const read = this.base + this.end + chunk.length;
      if (this.onProgress && read - this.lastProgress >= 4 << 20) {
        this.lastProgress = read;
        this.onProgress(read);
      }
      return chunk;
    }
  }

  private append(chunk: Uint8Array, want: number): void {
    this.feed(this.pos);
    this.moves++;
    this.hashFrom = 0;
    const keep = this.end - this.pos;
    if (keep === 0) {
      // Nothing pending: take the chunk as the buffer, no copy.
      this.base += this.end;
      this.buf = chunk;
      this.owned = false;
      this.pos = this.fed = 0;
      this.end = chunk.length;
      kernel.mirror(chunk, 0, chunk.length);
      return;
    }
    const size = keep + chunk.length;
    let target: Uint8Array;
    if (this.owned && size <= this.buf.length) target = this.buf;
    else if (size <= this.work.length) target = this.work;
    // Grow by doubling towards what the record needs, never to a length the input has not shown yet.
    else target = new Uint8Array(Math.max(size, Math.min(want, size * 2)));
    this.owned = true;
    // Appended in place with nothing shifted: only the chunk's bytes are new to the mirror.
    const unshifted = target === this.buf && this.pos === 0;
    if (target === this.buf) target.copyWithin(0, this.pos, this.end);
    else target.set(this.buf.subarray(this.pos, this.end), 0);
    target.set(chunk, keep);
    kernel.mirror(target, unshifted ? keep : 0, size);
    this.base += this.pos;
    this.buf = target;
    this.pos = this.fed = 0;
    this.end = size;
  }

  /** Returns to the shared work buffer after a big record, so memory stays flat. */
  release(): void {
    if (this.buf.length > WORK_SIZE && this.buf !== this.work && this.end - this.pos <= WORK_SIZE) {
      this.feed(this.pos);
      this.moves++;
      this.hashFrom = 0;
      const keep = this.end - this.pos;
      this.work.set(this.buf.subarray(this.pos, this.end), 0);
      kernel.mirror(this.work, 0, keep);
      this.base += this.pos;
      this.buf = this.work;
      this.owned = true;
      this.pos = this.fed = 0;
      this.end = keep;
    }
  }

  /** Stops the source early (after an error), so a file stream closes its descriptor. */
  async close(): Promise<void> {
    try {
      await this.it.return?.();
    } catch {
      // The source failing to close changes nothing about the error being reported.
    }
  }

  /** Reads whatever is left after the end, to tell a clean end of file from trailing bytes. */
  async atEnd(): Promise<boolean> {
    if (this.end > this.pos) return false;
    const chunk = await this.next();
    if (chunk === null) {
      this.eof = true;
      return true;
    }
    this.append(chunk, 1);
    return false;
  }
}
