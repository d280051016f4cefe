/**
 * The rows matching a query, in a column's order: what the grid shows. Two ways, chosen by how many match:
 * - few (under one row in SPARSE_RATIO): sort the matches by their rank in the order, k log k;
 * - many: walk the order and keep the rows in a mask of the matches, lazily, as far as positions are asked
 *   for. The grid asks for the first screenful, which a dense match reaches after a few dozen rows; a key
 *   such as End walks the rest once.
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
  const picked = new Int32Array(matched.length);
  let mask: Uint8Array | undefined;
  let filled = 0;
  let walked = 0;
  return (i) => {
    if (i < 0 || i >= picked.length) return undefined;
    if (i >= filled) {
      if (!mask) {
        mask = new Uint8Array(n);
        for (let m = 0; m < matched.length; m++) mask[matched[m] as number] = 1;
      }
      const inMask = mask;
      while (filled <= i && walked < n) {
        const r = order[desc ? n - 1 - walked : walked] as number;
        walked++;
        if (inMask[r] === 1) picked[filled++] = r;
      }
      if (filled === picked.length) mask = undefined;
    }
    return picked[i];
  };
}
