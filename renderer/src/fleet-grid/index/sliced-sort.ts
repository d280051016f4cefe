/**
 * A bottom-up merge sort of row indexes that can stop and resume at any point, so sorting 100,000 rows by
 * every column runs in the background in slices of a few milliseconds instead of one long task that would hold
 * up the next keystroke. Keys are computed once per row (in slices too) and compared with `<`, which is
 * the order the grid has always used; equal keys fall back to the instance id, so the order is total.
 */

export type SortKeyValue = string | number;

/** Steps between two looks at the clock: cheap enough to check, small enough to stop on time. */
const CHECK_EVERY = 512;

export class SlicedSort {
  readonly #count: number;
  readonly #keyOf: (index: number) => SortKeyValue;
  readonly #idOf: (index: number) => string;
  readonly #keys: SortKeyValue[];
  #keyed = 0;
  #src: Int32Array;
  #dst: Int32Array;
  #width = 1;
  /** The merge in progress: [lo, mid) and [mid, hi) into dst from k; i and j walk the two runs. */
  #lo = 0;
  #i = -1;
  #j = 0;
  #k = 0;
  #result: Int32Array | undefined;

  /** Stepping starts from the rows in id order: the merge is stable, so ties then need no comparing. */
  readonly #byId: boolean;

  /**
   * `idOrder`, when given, is every row index sorted by id (the id column's own result): starting from it,
   * ties keep id order by stability and the merge compares keys only, which is most of the speed on
   * columns with few distinct values (region, status, size).
   */
  constructor(
    count: number,
    keyOf: (index: number) => SortKeyValue,
    idOf: (index: number) => string,
    idOrder?: Int32Array,
  ) {
    this.#count = count;
    this.#keyOf = keyOf;
    this.#idOf = idOf;
    this.#keys = new Array<SortKeyValue>(count);
    this.#byId = idOrder !== undefined && idOrder.length === count;
    this.#src = this.#byId && idOrder ? idOrder.slice() : new Int32Array(count);
    if (!this.#byId) for (let i = 0; i < count; i++) this.#src[i] = i;
    this.#dst = new Int32Array(count);
    if (count < 2) this.#result = this.#src;
  }

  get done(): boolean {
    return this.#result !== undefined;
  }

  /**
   * The ascending order. When it is needed before the background slices finish (a click on a column not sorted
   * yet), the rest is done at once with the engine's own sort, which is quicker than stepping: the current
   * source array is always a whole permutation, and the order is total, so any correct sort gives the same.
   */
  result(): Int32Array {
    if (this.#result) return this.#result;
    while (this.#keyed < this.#count) {
      this.#keys[this.#keyed] = this.#keyOf(this.#keyed);
      this.#keyed++;
    }
    this.#result = this.#src.slice().sort((a, b) => this.#compare(a, b));
    return this.#result;
  }

  /** Works until `stop()` says so (asked every few hundred steps) or the sort is done; true when done. */
  step(stop: () => boolean): boolean {
    while (!this.#result) {
      if (this.#keyed < this.#count) this.#keyBatch();
      else this.#mergeBatch();
      if (!this.#result && stop()) return false;
    }
    return true;
  }

  #keyBatch(): void {
    const end = Math.min(this.#count, this.#keyed + CHECK_EVERY);
    for (let i = this.#keyed; i < end; i++) this.#keys[i] = this.#keyOf(i);
    this.#keyed = end;
  }

  #compare(a: number, b: number): number {
    const x = this.#keys[a] as SortKeyValue;
    const y = this.#keys[b] as SortKeyValue;
    if (x < y) return -1;
    if (x > y) return 1;
    const p = this.#idOf(a);
    const q = this.#idOf(b);
    return p < q ? -1 : p > q ? 1 : 0;
  }

  /**
   * Moves up to CHECK_EVERY elements, across as many merges as that covers, in a tight loop over locals
   * (the state lives in fields only between batches).
   */
  #mergeBatch(): void {
    const n = this.#count;
    const src = this.#src;
    const dst = this.#dst;
    const keys = this.#keys;
    const byId = this.#byId;
    const w = this.#width;
    let lo = this.#lo;
    let fresh = this.#i < 0;
    let i = this.#i;
    let j = this.#j;
    let k = this.#k;
    let budget = CHECK_EVERY;
    while (budget > 0) {
      const mid = Math.min(lo + w, n);
      const hi = Math.min(lo + 2 * w, n);
      if (fresh) {
        i = lo;
        j = mid;
        k = lo;
      }
      while (i < mid && j < hi && budget-- > 0) {
        const a = src[i] as number;
        const b = src[j] as number;
        const x = keys[a] as SortKeyValue;
        const y = keys[b] as SortKeyValue;
        // Taking from the left run unless the right one is strictly first keeps the merge stable.
        if (y < x || (!byId && y === x && this.#idOf(b) < this.#idOf(a))) {
          dst[k++] = b;
          j++;
        } else {
          dst[k++] = a;
          i++;
        }
      }
      if (i < mid && j < hi) {
        this.#i = i;
        this.#j = j;
        this.#k = k;
        this.#lo = lo;
        return;
      }
      budget -= mid - i + (hi - j);
      while (i < mid) dst[k++] = src[i++] as number;
      while (j < hi) dst[k++] = src[j++] as number;
      fresh = true;
      lo += 2 * w;
      if (lo >= n) {
        // The pass is complete: the merged runs become the source of the next, twice as wide.
        this.#src = dst;
        this.#dst = src;
        this.#lo = 0;
        this.#i = -1;
        this.#width = w * 2;
        if (this.#width >= n) this.#result = this.#src;
        return;
      }
    }
    this.#lo = lo;
    this.#i = -1;
  }
}
