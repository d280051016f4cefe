/**
 * The fleet's rows indexed for the grid, so that a keystroke, a filter change or a sort click at 100,000
 * rows costs a few milliseconds:
 * - every column's order is a sorted array of row indexes, computed in background slices after the rows arrive
 *   (sliced-sort.ts), the shown column first; descending is the same array read backwards;
 * - the rows matching a query are kept (a few recent queries), and a query that only adds characters to a
 *   kept one scans that one's matches instead of every row: every row containing "orders-0" is among those
 *   containing "orders-";
 * - what the grid shows is a view over those arrays: the matches in the column's order (one pass over the
 *   order with a mask, or, for few matches, the matches sorted by their rank in it).
 */
import { type FleetQuery, type FleetRow, type SortKey, sortKeys, sortValue } from './fleet-rows';
import { SlicedSort } from './sliced-sort';

/** The rows the grid shows, in order; `at` is O(1). */
export interface RowsView {
  readonly length: number;
  at(index: number): FleetRow | undefined;
}

/** Runs `work` in background slices until it returns true; `stop()` tells it that the slice is over. */
export type BackgroundRunner = (work: (stop: () => boolean) => boolean) => () => void;

/** A slice short enough that a keystroke arriving during it is not held up noticeably. */
const SLICE_MS = 4;

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * Slices run as background-priority tasks (Chromium's `scheduler.postTask`), which yield to input and
 * rendering but otherwise follow each other at once. `requestIdleCallback` would be the obvious choice, but
 * a callback requested during an idle period waits for the next one, so 4 ms slices would get 4 ms of every
 * 50: sorting 100,000 rows by ten columns took 20 s of wall time that way.
 */
export const backgroundRunner: BackgroundRunner = (work) => {
  let cancelled = false;
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  const next = () => {
    if (scheduler) void scheduler.postTask(tick, { priority: 'background' });
    else setTimeout(tick, 0);
  };
  const tick = () => {
    if (cancelled) return;
    const end = performance.now() + SLICE_MS;
    if (!work(() => performance.now() >= end)) next();
  };
  next();
  return () => {
    cancelled = true;
  };
};

interface Match {
  facets: string;
  text: string;
  rows: Int32Array;
}

/** Recent queries kept: a whole word typed and deleted again, plus the filters around it. */
const KEPT_MATCHES = 32;

/** Below one match in this many rows, a view sorts its matches by rank instead of passing over every row. */
const SPARSE_RATIO = 16;

export class FleetIndex {
  readonly rows: readonly FleetRow[];
  readonly #sorts = new Map<SortKey, SlicedSort>();
  readonly #matches: Match[] = [];
  readonly #runInBackground: BackgroundRunner;
  #cancelBackground: (() => void) | undefined;
  readonly #ranks = new Map<SortKey, Int32Array>();
  #keys: string[] | undefined;
  #buffer = new Int32Array(0);
  #mask = new Uint8Array(0);

  constructor(rows: readonly FleetRow[], runInBackground: BackgroundRunner = backgroundRunner) {
    this.rows = rows;
    this.#runInBackground = runInBackground;
  }

  /** Ascending order of `key` (ties by id); computed now if the background slices have not done it yet. */
  order(key: SortKey): Int32Array {
    return this.#sort(key).result();
  }

  /** Sorts every column not sorted yet, in background slices: the id column first, since the others start from it. */
  prepare(): void {
    if (this.#cancelBackground) return;
    const pending: SortKey[] = ['id', ...sortKeys.filter((key) => key !== 'id')];
    this.#cancelBackground = this.#runInBackground((stop) => {
      this.#searchKeys();
      while (pending.length > 0) {
        if (!this.#sort(pending[0] as SortKey).step(stop)) return false;
        pending.shift();
      }
      return true;
    });
  }

  /** Stops background work: these rows have been replaced. */
  dispose(): void {
    this.#cancelBackground?.();
  }

  /** Indexes (ascending) of the rows matching `query`; undefined when it matches everything. */
  matches(query: FleetQuery): Int32Array | undefined {
    const text = query.text.trim().toLowerCase();
    const facets = [query.region, query.status, query.engine, query.tag].join('\u0000');
    if (!text && facets === '\u0000\u0000\u0000') return undefined;
    const kept = this.#matches.findIndex((m) => m.facets === facets && m.text === text);
    if (kept >= 0) {
      const [hit] = this.#matches.splice(kept, 1) as [Match];
      this.#matches.push(hit);
      return hit.rows;
    }
    let base: Int32Array | undefined;
    for (const m of this.#matches) {
      if (m.facets === facets && text.startsWith(m.text) && (!base || m.rows.length < base.length))
        base = m.rows;
    }
    const rows = base ? this.#scanText(base, text) : this.#scanAll(query, text);
    this.#matches.push({ facets, text, rows });
    if (this.#matches.length > KEPT_MATCHES) this.#matches.shift();
    return rows;
  }

  /** The rows matching `query` in the order of `key` and `dir`. */
  view(key: SortKey, dir: 'asc' | 'desc', query: FleetQuery): RowsView {
    const order = this.order(key);
    const n = order.length;
    const rows = this.rows;
    const matched = this.matches(query);
    if (!matched) {
      const at = dir === 'asc' ? (i: number) => order[i] : (i: number) => order[n - 1 - i];
      return { length: n, at: (i) => (i >= 0 && i < n ? rows[at(i) as number] : undefined) };
    }
    const k = matched.length;
    const picked = k * SPARSE_RATIO < n ? this.#pickByRank(key, matched) : this.#pickByOrder(order, matched);
    if (dir === 'desc') picked.reverse();
    return { length: k, at: (i) => (i >= 0 && i < k ? rows[picked[i] as number] : undefined) };
  }

  /** Few matches: sort them by their position in the column's order (k log k, not a pass over every row). */
  #pickByRank(key: SortKey, matched: Int32Array): Int32Array {
    let rank = this.#ranks.get(key);
    if (!rank) {
      const order = this.order(key);
      rank = new Int32Array(order.length);
      for (let i = 0; i < order.length; i++) rank[order[i] as number] = i;
      this.#ranks.set(key, rank);
    }
    const byRank = rank;
    const positions = new Int32Array(matched.length);
    for (let i = 0; i < matched.length; i++) positions[i] = byRank[matched[i] as number] as number;
    positions.sort();
    const order = this.order(key);
    for (let i = 0; i < positions.length; i++) positions[i] = order[positions[i] as number] as number;
    return positions;
  }

  /** Many matches: one pass over the column's order with a mask of the matching rows. */
  #pickByOrder(order: Int32Array, matched: Int32Array): Int32Array {
    const n = order.length;
    if (this.#mask.length !== n) this.#mask = new Uint8Array(n);
    const mask = this.#mask;
    for (let i = 0; i < matched.length; i++) mask[matched[i] as number] = 1;
    const picked = new Int32Array(matched.length);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = order[i] as number;
      if (mask[r] === 1) picked[k++] = r;
    }
    // The mask is shared by every view of this index: clear what was set (k writes, not n).
    for (let i = 0; i < matched.length; i++) mask[matched[i] as number] = 0;
    return picked;
  }

  #sort(key: SortKey): SlicedSort {
    let sort = this.#sorts.get(key);
    if (!sort) {
      const rows = this.rows;
      const byId = this.#sorts.get('id');
      sort = new SlicedSort(
        rows.length,
        (i) => sortValue(rows[i] as FleetRow, key),
        (i) => (rows[i] as FleetRow).instance.id,
        key !== 'id' && byId?.done ? byId.result() : undefined,
      );
      this.#sorts.set(key, sort);
    }
    return sort;
  }

  /** The rows' search keys in one array: the scans below touch nothing else of a row. */
  #searchKeys(): string[] {
    if (!this.#keys) this.#keys = this.rows.map((row) => row.searchKey);
    return this.#keys;
  }

  /** A buffer as long as the rows, reused by every scan (a new one per keystroke made work for the GC). */
  #scratch(): Int32Array {
    if (this.#buffer.length !== this.rows.length) this.#buffer = new Int32Array(this.rows.length);
    return this.#buffer;
  }

  // `indexOf(...) !== -1` rather than `includes`: V8 runs it about 40% faster on a fresh query string.
  #scanText(base: Int32Array, text: string): Int32Array {
    const keys = this.#searchKeys();
    const out = this.#scratch();
    let k = 0;
    for (let i = 0; i < base.length; i++) {
      const r = base[i] as number;
      if ((keys[r] as string).indexOf(text) !== -1) out[k++] = r;
    }
    return out.slice(0, k);
  }

  #scanAll(query: FleetQuery, text: string): Int32Array {
    const keys = this.#searchKeys();
    const rows = this.rows;
    const out = this.#scratch();
    const facets = Boolean(query.region || query.status || query.engine || query.tag);
    let k = 0;
    for (let r = 0; r < rows.length; r++) {
      if (facets && !matchesFacets(rows[r] as FleetRow, query)) continue;
      if (text && (keys[r] as string).indexOf(text) === -1) continue;
      out[k++] = r;
    }
    return out.slice(0, k);
  }
}

function matchesFacets(row: FleetRow, query: FleetQuery): boolean {
  const i = row.instance;
  return (
    (!query.region || i.region === query.region) &&
    (!query.status || i.status === query.status) &&
    (!query.engine || i.engine === query.engine) &&
    (!query.tag || row.tagKeys.includes(query.tag))
  );
}

/** The rows of a view as an array (tests, exports); the grid itself never copies them. */
export function viewRows(view: RowsView): FleetRow[] {
  const out: FleetRow[] = [];
  for (let i = 0; i < view.length; i++) out.push(view.at(i) as FleetRow);
  return out;
}
