/**
 * What a search or a filter reads of the fleet's rows, as flat columns: every row's search key in one
 * array, and region, status and engine as small integer codes. Filtering 100,000 rows is then a tight loop
 * over arrays instead of a walk through row objects (whose shapes differ with their optional fields, which
 * made each property read slow; docs/BENCHMARKS.md, Design measurements). The columns are built in background
 * slices after the rows arrive (fleet-index.ts), or at once if a query comes first.
 */
import type { FleetQuery, FleetRow } from '../rows/fleet-rows';

/** Rows handled between two looks at the clock while building in the background. */
const CHUNK = 2048;
/** Characters below this code get a bitset of the rows whose search key contains them. */
const ASCII = 128;
/** A facet value no row has. */
const NONE = -2;
/** No filter on this facet. */
const ANY = -1;

class Dictionary {
  readonly #codes = new Map<string, number>();
  code(value: string): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.#codes.size;
      this.#codes.set(value, code);
    }
    return code;
  }
  /** The code to filter on: ANY for no filter, NONE for a value no row has. */
  wanted(value: string): number {
    return value ? (this.#codes.get(value) ?? NONE) : ANY;
  }
}

export class FleetColumns {
  readonly #rows: readonly FleetRow[];
  readonly #keys: string[] = [];
  readonly #region: Int32Array;
  readonly #status: Int32Array;
  readonly #engine: Int32Array;
  readonly #regions = new Dictionary();
  readonly #statuses = new Dictionary();
  readonly #engines = new Dictionary();
  readonly #tagMasks = new Map<string, Uint8Array>();
  /**
   * For each ASCII character, a bitset of the rows whose search key contains it. The first key of a search
   * is answered from it without reading a row (it was a scan of every key while the JIT was still cold),
   * and a longer search skips, with one bit test per character, the rows that cannot contain it before
   * asking `indexOf`. 128 × n bits at most.
   */
  readonly #chars: Array<Uint32Array | undefined> = new Array(ASCII);
  /**
   * For each region, status and engine code, its rows (ascending), made when the last row is in: a filter
   * on one of them is answered without a scan, and a search or a second filter scans only those rows.
   */
  #byRegion: Int32Array[] = [];
  #byStatus: Int32Array[] = [];
  #byEngine: Int32Array[] = [];
  /** One buffer as long as the rows for every scan's output (a new one per keystroke was work for the GC). */
  readonly #out: Int32Array;
  #built = 0;

  constructor(rows: readonly FleetRow[]) {
    this.#rows = rows;
    this.#region = new Int32Array(rows.length);
    this.#status = new Int32Array(rows.length);
    this.#engine = new Int32Array(rows.length);
    this.#out = new Int32Array(rows.length);
  }

  /** Builds the next rows; true when every row is in. */
  build(stop: () => boolean = () => false): boolean {
    const rows = this.#rows;
    while (this.#built < rows.length) {
      const end = Math.min(rows.length, this.#built + CHUNK);
      for (let r = this.#built; r < end; r++) {
        const row = rows[r] as FleetRow;
        const instance = row.instance;
        this.#keys.push(row.searchKey);
        this.#region[r] = this.#regions.code(instance.region);
        this.#status[r] = this.#statuses.code(instance.status);
        this.#engine[r] = this.#engines.code(instance.engine);
        this.#indexChars(row.searchKey, r);
      }
      this.#built = end;
      if (end === rows.length) {
        this.#byRegion = rowsByCode(this.#region);
        this.#byStatus = rowsByCode(this.#status);
        this.#byEngine = rowsByCode(this.#engine);
      } else if (stop()) return false;
    }
    return true;
  }

  /**
   * The rows (ascending) among `base` (or all rows) that match the query's filters and contain `text`
   * (already lowercased) in their search key. Every row of `base` contains `baseText`.
   */
  scan(query: FleetQuery, text: string, base?: Int32Array, baseText = ''): Int32Array {
    this.build();
    const region = this.#regions.wanted(query.region);
    const status = this.#statuses.wanted(query.status);
    const engine = this.#engines.wanted(query.engine);
    if (region === NONE || status === NONE || engine === NONE) return new Int32Array(0);
    const tags = query.tag ? this.#tagMask(query.tag) : undefined;
    const bits = this.#charBits(text, baseText);
    if (bits === undefined) return new Int32Array(0);
    const filtered = region !== ANY || status !== ANY || engine !== ANY || tags !== undefined;
    // One ASCII character is answered by its bitset alone.
    const exact = text.length === 1 && bits.length === 1 && !baseText;
    if (exact && !base && !filtered) return this.#rowsOf(bits[0] as Uint32Array);
    if (!base && filtered) {
      // Start from the fewest rows any one filter allows; alone, it is the answer.
      const lists = [
        region === ANY ? undefined : this.#byRegion[region],
        status === ANY ? undefined : this.#byStatus[status],
        engine === ANY ? undefined : this.#byEngine[engine],
      ].filter((list): list is Int32Array => list !== undefined);
      const fewest = lists.sort((a, b) => a.length - b.length)[0];
      if (fewest && lists.length === 1 && !tags && !text) return fewest;
      base = fewest;
    }
    const keys = this.#keys;
    const regions = this.#region;
    const statuses = this.#status;
    const engines = this.#engine;
    const out = this.#out;
    const count = base ? base.length : this.#rows.length;
    let k = 0;
    rows: for (let i = 0; i < count; i++) {
      const r = base ? (base[i] as number) : i;
      if (filtered) {
        if (region !== ANY && regions[r] !== region) continue;
        if (status !== ANY && statuses[r] !== status) continue;
        if (engine !== ANY && engines[r] !== engine) continue;
        if (tags && tags[r] === 0) continue;
      }
      if (!text) {
        out[k++] = r;
        continue;
      }
      const word = r >>> 5;
      const bit = 1 << (r & 31);
      for (let b = 0; b < bits.length; b++)
        if ((((bits[b] as Uint32Array)[word] as number) & bit) === 0) continue rows;
      // `indexOf(...) !== -1` rather than `includes`: V8 runs it faster on a fresh query string (measured).
      if (exact || (keys[r] as string).indexOf(text) !== -1) out[k++] = r;
    }
    return out.slice(0, k);
  }

  #indexChars(key: string, r: number): void {
    const word = r >>> 5;
    const bit = 1 << (r & 31);
    for (let c = 0; c < key.length; c++) {
      const code = key.charCodeAt(c);
      if (code >= ASCII) continue;
      let bits = this.#chars[code];
      if (!bits) {
        bits = new Uint32Array((this.#rows.length + 31) >>> 5);
        this.#chars[code] = bits;
      }
      bits[word] = (bits[word] as number) | bit;
    }
  }

  /**
   * The bitsets of the text's distinct ASCII characters that `known` lacks (characters beyond ASCII have
   * none and are left to `indexOf`); undefined when no row contains one of them.
   */
  #charBits(text: string, known: string): Uint32Array[] | undefined {
    const out: Uint32Array[] = [];
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code >= ASCII || known.includes(text[c] as string)) continue;
      const bits = this.#chars[code];
      if (!bits) return undefined;
      if (!out.includes(bits)) out.push(bits);
    }
    return out;
  }

  /** The rows (ascending) whose bit is set. */
  #rowsOf(bits: Uint32Array): Int32Array {
    const out = this.#out;
    let k = 0;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        out[k++] = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out.slice(0, k);
  }

  /** Rows carrying a `key:value` tag, as a mask; kept, since a fleet has few tag values. */
  #tagMask(tag: string): Uint8Array {
    let mask = this.#tagMasks.get(tag);
    if (!mask) {
      mask = new Uint8Array(this.#rows.length);
      this.#rows.forEach((row, r) => {
        if (row.tagKeys.includes(tag)) (mask as Uint8Array)[r] = 1;
      });
      this.#tagMasks.set(tag, mask);
    }
    return mask;
  }
}

/** The rows of each code, ascending (a counting sort of the column). */
function rowsByCode(column: Int32Array): Int32Array[] {
  const counts: number[] = [];
  for (let r = 0; r < column.length; r++) {
    const code = column[r] as number;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  const lists = Array.from(counts, (count) => new Int32Array(count ?? 0));
  const filled = new Int32Array(lists.length);
  for (let r = 0; r < column.length; r++) {
    const code = column[r] as number;
    const at = filled[code] as number;
    (lists[code] as Int32Array)[at] = r;
    filled[code] = at + 1;
  }
  return lists;
}
