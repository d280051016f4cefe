/**
 * The rows matching a query, in a column's order: what the grid shows. Two ways, chosen by how many match:
 * - few (under one row in SPARSE_RATIO): sort the matches by their rank in the order, k log k;
 * - many: walk the order and keep the rows that match, lazily, as far as positions are asked for. The grid
 *   asks for the first screenful, which a dense match reaches after a few dozen rows; a key such as End
 *   walks the rest once.
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

export function pickAlongOrder(order: Int32Array, matched: Int32Array, desc: boolean): Picker {
  const n = order.length;
  const k = matched.length;
  // Grown as far as positions are asked for: a keystroke asks for a screenful, not for all k.
  let picked = new Int32Array(Math.min(k, 64));
  // Membership is a binary search in `matched` (ascending) while the walk is short, as it is for the
  // first screenful of a dense match; a mask of all n rows costs more than that walk until it grows long.
  const searchUpTo = k >> 4;
  let mask: Uint8Array | undefined;
  let filled = 0;
  let walked = 0;
  return (i) => {
    if (i < 0 || i >= k) return undefined;
    if (i >= picked.length) {
      const grown = new Int32Array(Math.min(k, Math.max(i + 1, picked.length * 2)));
      grown.set(picked);
      picked = grown;
    }
    while (filled <= i && walked < n) {
      const r = order[desc ? n - 1 - walked : walked] as number;
      walked++;
      if (mask === undefined && walked > searchUpTo) mask = maskOf(matched, n);
      if (mask === undefined ? contains(matched, r) : mask[r] === 1) picked[filled++] = r;
    }
    if (filled === k) mask = undefined;
    return picked[i];
  };
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
