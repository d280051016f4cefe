/**
 * The rows matching a query, in a column's order: what the grid shows. Two ways, chosen by how many match:
 * - few (under one row in SPARSE_RATIO): sort the matches by their rank in the order, k log k;
 * - many: walk the order and keep the rows that match, lazily, as far as positions are asked for. The grid
 *   asks for the first screenful, which a dense match spread along the order reaches after a few dozen
 *   rows; when the walk gets long (the matches sit further down), the next matches are selected by their
 *   rank in one pass over the matches; a key such as End walks the rest once, with a mask.
 */

/** Below one match in this many rows, the matches are sorted by rank instead of found along the order. */
export const SPARSE_RATIO = 16;

/** A position → row index lookup over the matches; undefined outside [0, length). */
export type Picker = (position: number) => number | undefined;

/** The inverse of an order: `rank[row]` is the row's position in it. */
export function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i] as number] = i;
  return rank;
}

export function pickByRank(order: Int32Array, rank: Int32Array, matched: Int32Array, desc: boolean): Picker {
  const positions = new Int32Array(matched.length);
  for (let i = 0; i < matched.length; i++) positions[i] = rank[matched[i] as number] as number;
  positions.sort();
  if (desc) positions.reverse();
  for (let i = 0; i < positions.length; i++) positions[i] = order[positions[i] as number] as number;
  return (i) => positions[i];
}

/** Rows walked along the order, with a binary search per row, before the picker selects by rank instead. */
const WALK = 256;
/** A selection by rank takes at least this many matches, so that a scroll does not select row by row. */
const SELECT_MIN = 64;
/** Past this many positions asked at once (a key such as End), the picker walks with a mask of the rows. */
const SELECT_MAX = 4096;

/**
 * `rank` is asked for only when a walk is long: when the matches sit far down the order (a search for
 * "orders" sorted by name starts far down the sample fleet), walking there row by row was the largest part of a
 * keystroke, and selecting the next matches by their rank costs one pass over the matches instead.
 */
export function pickAlongOrder(
  order: Int32Array,
  matched: Int32Array,
  desc: boolean,
  rank: () => Int32Array = () => rankOf(order),
): Picker {
  const n = order.length;
  const k = matched.length;
  // Grown as far as positions are asked for: a keystroke asks for a screenful, not for all k.
  let picked = new Int32Array(Math.min(k, 64));
  let mask: Uint8Array | undefined;
  let filled = 0;
  /** How many rows of the order (from its start, or its end when `desc`) are behind the picker. */
  let walked = 0;
  const at = (step: number) => order[desc ? n - 1 - step : step] as number;
  const reserve = (total: number) => {
    if (total <= picked.length) return;
    const grown = new Int32Array(Math.min(k, Math.max(total, picked.length * 2)));
    grown.set(picked);
    picked = grown;
  };
  /** Walks until position `i` is found, `until` rows are behind, or the order ends. */
  const walk = (i: number, until: number, member: (r: number) => boolean) => {
    const end = Math.min(n, until);
    while (filled <= i && walked < end) {
      const r = at(walked++);
      if (member(r)) picked[filled++] = r;
    }
  };
  /** The next `count` matches along the order, found by their rank (a bounded max-heap of steps). */
  const select = (count: number) => {
    const ranks = rank();
    const heap = new Int32Array(count);
    let size = 0;
    for (let m = 0; m < k; m++) {
      const rk = ranks[matched[m] as number] as number;
      const step = desc ? n - 1 - rk : rk;
      if (step < walked) continue;
      if (size < count) siftUp(heap, size++, step);
      else if (step < (heap[0] as number)) siftDown(heap, size, step);
    }
    const steps = heap.subarray(0, size).sort();
    reserve(filled + size);
    for (let s = 0; s < size; s++) picked[filled++] = at(steps[s] as number);
    walked = size < count ? n : (steps[size - 1] as number) + 1;
  };
  const inMatch = (r: number) => contains(matched, r);
  const inMask = (r: number) => (mask as Uint8Array)[r] === 1;
  return (i) => {
    if (i < 0 || i >= k) return undefined;
    reserve(i + 1);
    if (filled <= i) walk(i, walked + WALK, inMatch);
    if (filled <= i && walked < n) {
      const need = i + 1 - filled;
      if (need <= SELECT_MAX) select(Math.min(k - filled, Math.max(need, SELECT_MIN, filled)));
      else {
        mask ??= maskOf(matched, n);
        walk(i, n, inMask);
      }
    }
    if (filled === k) mask = undefined;
    return picked[i];
  };
}

/** Pushes `value` onto the max-heap `heap[0, size)`. */
function siftUp(heap: Int32Array, size: number, value: number): void {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if ((heap[parent] as number) >= value) break;
    heap[at] = heap[parent] as number;
    at = parent;
  }
  heap[at] = value;
}

/** Replaces the max-heap's top with the smaller `value`. */
function siftDown(heap: Int32Array, size: number, value: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && (heap[child + 1] as number) > (heap[child] as number)) child++;
    if ((heap[child] as number) <= value) break;
    heap[at] = heap[child] as number;
    at = child;
  }
  heap[at] = value;
}

function maskOf(matched: Int32Array, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (let m = 0; m < matched.length; m++) mask[matched[m] as number] = 1;
  return mask;
}

/** Whether the ascending `sorted` holds `value`. */
function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] as number;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
