/**
 * A pull-based queue over a stream of chunks: look at the next bytes without consuming them, hand out an exact
 * number of bytes as a stream of its own, or skip them. Memory holds at most the chunks a peek needs.
 */
export class ByteQueue {
  readonly #source: AsyncIterator<Uint8Array>;
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #ended = false;
  /** Bytes consumed so far (taken or skipped). */
  consumed = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** Buffers until `n` bytes are available or the stream ended; answers how many are. */
  async fill(n: number): Promise<number> {
    while (this.#buffered < n && !this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else if (next.value.length > 0) {
        this.#chunks.push(next.value);
        this.#buffered += next.value.length;
      }
    }
    return Math.min(n, this.#buffered);
  }

  /** Up to `n` next bytes, not consumed (fewer at the end of the stream). */
  async peek(n: number): Promise<Uint8Array> {
    const available = await this.fill(n);
    const first = this.#chunks[0];
    if (first && first.length >= available) return first.subarray(0, available);
    const out = new Uint8Array(available);
    let at = 0;
    for (const chunk of this.#chunks) {
      const part = chunk.subarray(0, available - at);
      out.set(part, at);
      at += part.length;
      if (at === available) break;
    }
    return out;
  }

  /** The next `n` bytes as a stream (or everything left when `n` is Infinity); short at the end. */
  async *take(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      if (this.#chunks.length === 0 && (await this.fill(1)) === 0) return;
      const chunk = this.#chunks[0] as Uint8Array;
      if (chunk.length <= left) {
        this.#chunks.shift();
        this.#buffered -= chunk.length;
        this.consumed += chunk.length;
        left -= chunk.length;
        yield chunk;
      } else {
        this.#chunks[0] = chunk.subarray(left);
        this.#buffered -= left;
        this.consumed += left;
        const part = chunk.subarray(0, left);
        left = 0;
        yield part;
      }
    }
  }

  /** Skips `n` bytes; answers how many were there. */
  async skip(n: number): Promise<number> {
    let skipped = 0;
    for await (const chunk of this.take(n)) skipped += chunk.length;
    return skipped;
  }
}
