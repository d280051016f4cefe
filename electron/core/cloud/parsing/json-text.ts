/**
 * JSON text without the UTF-8 slow path. CRS answers are ASCII except a few Chinese words (`InstanceTitle`
 * 运行中 on every instance): one such character makes a whole page decode through the general UTF-8 decoder
 * into a two-byte string (twice the size) that JSON.parse then walks. In JSON, non-ASCII can only stand inside
 * strings, where `\uXXXX` means the same character; so rewriting it as escapes gives a one-byte string,
 * decoded as Latin-1 (a copy), that parses to exactly the same value, faster and in half the memory.
 */

const HEX = '0123456789abcdef';
/** Runs of bytes ≥ 0x80 in a chunk read as Latin-1 (one character a byte). */
const NON_ASCII_BYTES = /[\x80-\xff]+/g;

function escape16(unit: number): string {
  return `\\u${HEX[(unit >> 12) & 15]}${HEX[(unit >> 8) & 15]}${HEX[(unit >> 4) & 15]}${HEX[unit & 15]}`;
}

/** The code point of the UTF-8 sequence at `i` and its length, or undefined when it is not well-formed. */
function codePointAt(bytes: Uint8Array, i: number): { cp: number; length: number } | undefined {
  const lead = bytes[i] ?? 0;
  const length =
    lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return undefined;
  let cp = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k] ?? 0;
    if ((next & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (next & 0x3f);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  if (length === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return undefined;
  if (length === 4 && (cp < 0x10000 || cp > 0x10ffff)) return undefined;
  return { cp, length };
}

/** True when the bytes from `i` to the end are the start of a sequence that the next chunk may complete. */
function incompleteTail(bytes: Uint8Array, i: number): boolean {
  const lead = bytes[i] ?? 0;
  const length =
    lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
  if (length === 0 || i + length <= bytes.length) return false;
  for (let k = i + 1; k < bytes.length; k++) if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * UTF-8 JSON bytes, chunk by chunk (a body as it arrives, never concatenated) → the same JSON as an ASCII
 * string, non-ASCII characters written as `\uXXXX`. From the first byte that is not well-formed UTF-8 on,
 * the standard decoder takes over (U+FFFD replacements); everything before it ended on a character
 * boundary, so the result always parses to what `new TextDecoder().decode(allBytes)` would.
 */
export class AsciiJsonDecoder {
  #out = '';
  /** The start of a character cut by the end of the last chunk. */
  #carry: Buffer | undefined;
  #fallback: TextDecoder | undefined;

  write(chunk: Uint8Array): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#carry) {
      bytes = Buffer.concat([this.#carry, bytes]);
      this.#carry = undefined;
    }
    if (this.#fallback) {
      this.#out += this.#fallback.decode(bytes, { stream: true });
      return;
    }
    // Each byte as one Latin-1 character, so that the regular expression engine finds the non-ASCII runs
    // (a few Chinese words a row) instead of a loop over every byte of the page in JavaScript.
    const text = bytes.toString('latin1');
    NON_ASCII_BYTES.lastIndex = 0;
    let start = 0;
    for (let run = NON_ASCII_BYTES.exec(text); run; run = NON_ASCII_BYTES.exec(text)) {
      const runEnd = run.index + run[0].length;
      let escaped = '';
      // A character's bytes are all ≥ 0x80, so a well-formed one lies wholly inside the run.
      for (let i = run.index; i < runEnd; ) {
        const sequence = codePointAt(bytes, i);
        if (!sequence) {
          this.#out += text.slice(start, run.index) + escaped;
          if (incompleteTail(bytes, i)) {
            this.#carry = Buffer.from(bytes.subarray(i));
          } else {
            this.#fallback = new TextDecoder();
            this.#out += this.#fallback.decode(bytes.subarray(i), { stream: true });
          }
          return;
        }
        const { cp, length } = sequence;
        if (cp >= 0x10000) {
          const v = cp - 0x10000;
          escaped += escape16(0xd800 + (v >> 10)) + escape16(0xdc00 + (v & 0x3ff));
        } else {
          escaped += escape16(cp);
        }
        i += length;
      }
      this.#out += text.slice(start, run.index) + escaped;
      start = runEnd;
    }
    this.#out += text.slice(start);
  }

  end(): string {
    // A character cut off by the end of the body: the standard decoder's replacement for it.
    if (this.#carry) this.#out += (this.#fallback ?? new TextDecoder()).decode(this.#carry);
    else if (this.#fallback) this.#out += this.#fallback.decode();
    this.#carry = undefined;
    return this.#out;
  }
}

/** The same for bytes already in memory. */
export function utf8JsonToAscii(bytes: Uint8Array): string {
  const decoder = new AsciiJsonDecoder();
  decoder.write(bytes);
  return decoder.end();
}

const NON_ASCII = /[\u0080-\uffff]/g;

/** `JSON.stringify(value)` with every non-ASCII character escaped: the same JSON, kept one-byte. */
export function stringifyAscii(value: unknown): string {
  const json = JSON.stringify(value);
  return json.replace(NON_ASCII, (c) => escape16(c.charCodeAt(0)));
}
