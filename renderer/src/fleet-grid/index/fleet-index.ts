/**
 * The fleet's rows indexed for the grid, so that a keystroke, a filter change or a sort click at 100,000
 * rows costs a few milliseconds:
 * - every column's order is a sorted array of row indexes, computed in background slices after the rows arrive
 *   (sliced-sort.ts), the shown column first; descending is the same array read backwards;
 * - the rows matching a query are kept (a few recent queries), and a query that only adds characters to a
 *   kept one scans that one's matches instead of every row: every row containing "orders-0" is among those
 *   containing "orders-";
 * - searches and filters read flat columns (fleet-columns.ts), and what the grid shows is a view over
 *   those arrays: the matches in the column's order, found only as far as the grid asks (matched-order.ts).
 */

import {
  emptyQuery,
  type FleetQuery,
  type FleetRow,
  type SortKey,
  sortKeys,
  sortValue,
} from '../rows/fleet-rows';
import { FleetColumns } from './fleet-columns';
import { type Picker, pickAlongOrder, pickByRank, rankOf, SPARSE_RATIO } from './matched-order';
import { SlicedSort } from './sliced-sort';

/**
 * The rows the grid shows, in order. `at` is O(1), amortised for a dense match, whose rows are found along
 * the order as far as they are asked for (matched-order.ts).
 */
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
 * a callback requested during an idle period waits for the next one, so slices would get a small share of
 * each frame budget and sorting 100,000 rows by ten columns took many times longer that way.
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

export class FleetIndex {
  readonly rows: readonly FleetRow[];
  readonly #sorts = new Map<SortKey, SlicedSort>();
  readonly #matches: Match[] = [];
  readonly #runInBackground: BackgroundRunner;
  #cancelBackground: (() => void) | undefined;
  readonly #ranks = new Map<SortKey, Int32Array>();
  readonly #columns: FleetColumns;

  constructor(rows: readonly FleetRow[], runInBackground: BackgroundRunner = backgroundRunner) {
    this.rows = rows;
    this.#runInBackground = runInBackground;
    this.#columns = new FleetColumns(rows);
  }

  /** Ascending order of `key` (ties by id); computed now if the background slices have not done it yet. */
  order(key: SortKey): Int32Array {
    return this.#sort(key).result();
  }

  /**
   * Builds the search and filter columns, then sorts every column not sorted yet, in background slices: the
   * id column first, since the others start from it.
   */
  prepare(): void {
    if (this.#cancelBackground) return;
    const pending: SortKey[] = ['id', ...sortKeys.filter((key) => key !== 'id')];
    let warm = false;
    const warmViews = this.#warmViews();
    this.#cancelBackground = this.#runInBackground((stop) => {
      if (!this.#columns.build(stop)) return false;
      if (!warm) {
        warm = true;
        this.#warmUp();
        if (stop()) return false;
      }
      while (pending.length > 0) {
        const key = pending[0] as SortKey;
        if (!this.#sort(key).step(stop)) return false;
        // Its ranks too (a pass over the rows): the first search whose matches sit far down this order
        // needs them, and making them then would land on that keystroke.
        this.#rank(key, this.#sort(key).result());
        pending.shift();
        if (stop()) return false;
      }
      while (warmViews.length > 0) {
        (warmViews.shift() as () => void)();
        if (stop()) return false;
      }
      return true;
    });
  }

  /**
   * Once every column is sorted: the first screenful of a few searches and a filter, both ways, read and
   * thrown away. The first keystrokes after a load otherwise ran the pickers and the narrowing scans in the
   * interpreter, and were the slowest of a session (before and after in docs/BENCHMARKS.md, Design
   * measurements).
   */
  #warmViews(): Array<() => void> {
    const first = this.rows[0];
    if (!first) return [];
    const key = first.searchKey;
    const queries: FleetQuery[] = [1, 2, 3, 4]
      .filter((length) => length <= key.length)
      .map((length) => ({ ...emptyQuery, text: key.slice(0, length) }));
    queries.push({ ...emptyQuery, region: first.instance.region });
    return queries.flatMap((query) =>
      (['asc', 'desc'] as const).map((dir) => () => {
        const view = this.view('name', dir, query);
        for (let i = 0; i < 48; i++) view.at(i);
      }),
    );
  }

  /**
   * Runs a search of two characters narrowed from one, as the first keys of a search do, and throws the
   * answer away: until the JIT has seen the scan loop, the first longer search ran it in the interpreter.
   */
  #warmUp(): void {
    const key = this.rows[0]?.searchKey ?? '';
    if (key.length < 2) return;
    const one = this.#columns.scan(emptyQuery, key.slice(0, 1));
    this.#columns.scan(emptyQuery, key.slice(0, 2), one, key.slice(0, 1));
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
    let base: Match | undefined;
    for (const m of this.#matches) {
      if (m.facets === facets && text.startsWith(m.text) && (!base || m.rows.length < base.rows.length))
        base = m;
    }
    const rows = this.#columns.scan(query, text, base?.rows, base?.text);
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
    const desc = dir === 'desc';
    const pick: Picker =
      k * SPARSE_RATIO < n
        ? pickByRank(order, this.#rank(key, order), matched, desc)
        : pickAlongOrder(order, matched, desc, () => this.#rank(key, order));
    return {
      length: k,
      at: (i) => {
        const r = pick(i);
        return r === undefined ? undefined : rows[r];
      },
    };
  }

  #rank(key: SortKey, order: Int32Array): Int32Array {
    let rank = this.#ranks.get(key);
    if (!rank) {
      rank = rankOf(order);
      this.#ranks.set(key, rank);
    }
    return rank;
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
}

/** The rows of a view as an array (tests, exports); the grid itself never copies them. */
export function viewRows(view: RowsView): FleetRow[] {
  const out: FleetRow[] = [];
  for (let i = 0; i < view.length; i++) out.push(view.at(i) as FleetRow);
  return out;
}
