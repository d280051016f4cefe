/**
 * The fleet cache's line layout. The file is one JSON document, written one instance per line:
 *
 *     {"version":1,"regions":{
 *     "ap-guangzhou":{"fetchedAt":"…","instances":[
 *     {…instance…},
 *     {…instance…}
 *     ]}
 *     ,"ap-shanghai":{"fetchedAt":"…","instances":[
 *     ]}
 *     }}
 *
 * so it can be read a line at a time from the file's bytes: never one file-sized string, never a parse of the
 * whole, and the rows of a region about to be replaced are not parsed at all. Any line that does not fit
 * this layout makes the reader give up (undefined) and the caller parses the file as plain JSON, so a file
 * edited by hand or written by an older version reads exactly as before. Either way the value is then
 * checked by fleet-file.ts.
 */
import { open } from 'node:fs/promises';
import { stringifyAscii } from '../cloud/parsing/json-text';
import type { FleetFile } from './fleet-file';

const HEAD = '{"version":1,"regions":{';
const TAIL = '}}';
const REGION_END = ']}';
const NEWLINE = 0x0a;

/**
 * Instances per write: small enough for each piece to be a short-lived young-generation
 * string rather than a large object that lingers until a full collection.
 */
const PER_PIECE = 200;

/** The file in pieces of about 100 KB, ASCII only (non-ASCII escaped): the layout above. */
export function* fleetFileLines(file: FleetFile): Generator<string> {
  yield `${HEAD}\n`;
  let first = true;
  for (const [region, entry] of Object.entries(file.regions)) {
    const fetchedAt = stringifyAscii(entry.fetchedAt);
    yield `${first ? '' : ','}${stringifyAscii(region)}:{"fetchedAt":${fetchedAt},"instances":[\n`;
    first = false;
    const { instances } = entry;
    for (let from = 0; from < instances.length; from += PER_PIECE) {
      const rows: string[] = [];
      const to = Math.min(from + PER_PIECE, instances.length);
      for (let n = from; n < to; n++)
        rows.push(stringifyAscii(instances[n]) + (n < instances.length - 1 ? ',\n' : '\n'));
      yield rows.join('');
    }
    yield `${REGION_END}\n`;
  }
  yield TAIL;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type State = 'head' | 'header' | 'rows' | 'done' | 'failed';

/**
 * Reads the layout above a line at a time. `skip(region)` regions keep their rows unparsed and come back
 * with no instances. Shapes are not checked here; syntax is (every line is parsed as JSON, or skipped).
 */
export class FleetLineReader {
  readonly #skip: (region: string) => boolean;
  readonly #regions: Record<string, Record<string, unknown>> = {};
  #state: State = 'head';
  #first = true;
  #entry: Record<string, unknown> = {};
  #rows: unknown[] = [];
  #skipping = false;
  /** The last row ended with a comma: another must follow. */
  #open = false;

  constructor(skip: (region: string) => boolean = () => false) {
    this.#skip = skip;
  }

  /** Feeds one line, without its newline; false once the text is not in the layout (stop feeding). */
  line(text: string): boolean {
    try {
      this.#state = this.#next(text);
    } catch {
      // A line that is not JSON: not this layout (or damaged); plain JSON.parse decides.
      this.#state = 'failed';
    }
    return this.#state !== 'failed';
  }

  /** The file's value once every line is fed, or undefined when the text is not in the layout. */
  end(): unknown {
    return this.#state === 'done' ? { version: 1, regions: this.#regions } : undefined;
  }

  #next(text: string): State {
    switch (this.#state) {
      case 'head':
        return text === HEAD ? 'header' : 'failed';
      case 'header':
        return text === TAIL ? 'done' : this.#header(text);
      case 'rows':
        return text === REGION_END ? this.#endRegion() : this.#row(text);
      default:
        return 'failed';
    }
  }

  #header(text: string): State {
    if (!text.endsWith('"instances":[') || this.#first === text.startsWith(',')) return 'failed';
    const parsed: unknown = JSON.parse(`{${text.slice(this.#first ? 0 : 1)}]}}`);
    if (!isObject(parsed)) return 'failed';
    const names = Object.keys(parsed);
    const name = names[0] ?? '';
    const entry = parsed[name];
    if (
      names.length !== 1 ||
      name === '__proto__' ||
      !isObject(entry) ||
      Object.hasOwn(this.#regions, name)
    ) {
      return 'failed';
    }
    this.#first = false;
    this.#entry = entry;
    // The header's own object, whatever it holds: the same value JSON.parse would give.
    this.#regions[name] = entry;
    this.#rows = [];
    this.#skipping = this.#skip(name);
    this.#open = false;
    return 'rows';
  }

  #row(text: string): State {
    // Every row but the last ends with a comma, as JSON wants; anything else is for JSON.parse to judge.
    const first = this.#rows.length === 0;
    if (!text.startsWith('{') || (!first && !this.#open)) return 'failed';
    this.#open = text.endsWith(',');
    this.#rows.push(this.#skipping ? null : JSON.parse(this.#open ? text.slice(0, -1) : text));
    return 'rows';
  }

  #endRegion(): State {
    if (this.#open) return 'failed';
    this.#entry.instances = this.#skipping ? [] : this.#rows;
    this.#rows = [];
    return 'header';
  }
}

/** The layout read from bytes in memory; undefined when they are not in it (then parse them as JSON). */
export function readFleetLines(bytes: Buffer, skip?: (region: string) => boolean): unknown {
  const reader = new FleetLineReader(skip);
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(NEWLINE, at);
    const stop = end < 0 ? bytes.length : end;
    // UTF-8, not Latin-1: a file edited by hand may hold non-ASCII (a newline byte is never inside one).
    if (!reader.line(bytes.toString('utf8', at, stop))) return undefined;
    at = stop + 1;
  }
  return reader.end();
}

const CHUNK = 1 << 20;

/**
 * The layout read from a file a megabyte at a time (never the whole file in memory); undefined when it is
 * not in it. Throws the file's own errors (ENOENT when it is missing).
 */
export async function readFleetLinesFrom(path: string, skip?: (region: string) => boolean): Promise<unknown> {
  const reader = new FleetLineReader(skip);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let carry: Buffer | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      let at = 0;
      for (
        let end = buffer.indexOf(NEWLINE, at);
        end >= 0 && end < bytesRead;
        end = buffer.indexOf(NEWLINE, at)
      ) {
        const text = carry
          ? Buffer.concat([carry, buffer.subarray(at, end)]).toString('utf8')
          : buffer.toString('utf8', at, end);
        carry = undefined;
        if (!reader.line(text)) return undefined;
        at = end + 1;
      }
      // The start of a line that goes on in the next chunk; copied, as the buffer is reused.
      if (at < bytesRead)
        carry = Buffer.concat(
          carry ? [carry, buffer.subarray(at, bytesRead)] : [buffer.subarray(at, bytesRead)],
        );
    }
    if (carry && !reader.line(carry.toString('utf8'))) return undefined;
    return reader.end();
  } finally {
    await handle.close();
  }
}
