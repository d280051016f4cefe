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
 * so it can be read a line at a time from the file's bytes: never one 48 MB string, never a parse of the
 * whole, and the rows of a region about to be replaced are not parsed at all. Any line that does not fit
 * this layout makes the reader give up (undefined) and the caller parses the file as plain JSON, so a file
 * edited by hand or written by an older version reads exactly as before. Either way the value is then
 * checked by fleet-file.ts.
 */
import { stringifyAscii } from '../cloud/json-text';
import type { FleetFile } from './fleet-file';

const HEAD = '{"version":1,"regions":{';
const TAIL = '}}';
const REGION_END = ']}';
const NEWLINE = 0x0a;

/** Instances per write: about a megabyte of JSON. */
const PER_PIECE = 2000;

/** The file in pieces of about a megabyte, ASCII only (non-ASCII escaped): the layout above. */
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

/**
 * Reads the layout above from the file's bytes; undefined when they are not in it (then parse the file as
 * JSON). `skip(region)` regions keep their rows unparsed and come back with no instances. Shapes are not
 * checked here; syntax is (every line is parsed as JSON, or skipped whole).
 */
export function readFleetLines(bytes: Buffer, skip: (region: string) => boolean = () => false): unknown {
  const regions: Record<string, Record<string, unknown>> = {};
  let at = 0;
  const line = (): string | undefined => {
    if (at >= bytes.length) return undefined;
    const end = bytes.indexOf(NEWLINE, at);
    const stop = end < 0 ? bytes.length : end;
    // UTF-8, not Latin-1: a file edited by hand may hold non-ASCII (a newline byte is never inside one).
    const text = bytes.toString('utf8', at, stop);
    at = stop + 1;
    return text;
  };
  try {
    if (line() !== HEAD) return undefined;
    for (let first = true; ; first = false) {
      const header = line();
      if (header === TAIL && at >= bytes.length) return { version: 1, regions };
      if (header === undefined || !header.endsWith('"instances":[')) return undefined;
      if (first === header.startsWith(',')) return undefined;
      const parsed: unknown = JSON.parse(`{${header.slice(first ? 0 : 1)}]}}`);
      if (!isObject(parsed)) return undefined;
      const names = Object.keys(parsed);
      const name = names[0];
      const entry = name === undefined ? undefined : parsed[name];
      if (
        names.length !== 1 ||
        name === '__proto__' ||
        !isObject(entry) ||
        Object.hasOwn(regions, name ?? '')
      ) {
        return undefined;
      }
      const rows: unknown[] = [];
      const skipped = skip(name ?? '');
      // Every row but the last ends with a comma, as JSON wants; anything else is for JSON.parse to judge.
      let open = false;
      for (let row = line(); row !== REGION_END; row = line()) {
        if (row === undefined || !row.startsWith('{') || (rows.length > 0 && !open)) return undefined;
        open = row.endsWith(',');
        rows.push(skipped ? null : JSON.parse(open ? row.slice(0, -1) : row));
      }
      if (open) return undefined;
      if (skipped) rows.length = 0;
      // The header's own object, whatever it holds: the same value JSON.parse would give.
      entry.instances = rows;
      regions[name ?? ''] = entry;
    }
  } catch {
    // A line that is not JSON: not this layout (or damaged); plain JSON.parse decides.
    return undefined;
  }
}
