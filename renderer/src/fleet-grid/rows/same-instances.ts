/**
 * Whether a listing brings nothing new: the same instances, with the same values, in the same order.
 *
 * Why: replacing the rows throws away the fleet's index (fleet-index.ts), and rebuilding it for 100,000
 * rows takes seconds of background slices, during which every keystroke shares the page with them and
 * the first keys typed after a refresh were slow. Most refreshes change nothing, so the rows (and with
 * them the index, the scroll position and the selection) are kept when nothing changed. Comparing the
 * instances costs less than making their rows again, and it saves the index's slices (figures in
 * docs/BENCHMARKS.md, Design measurements).
 */
import type { Instance } from '../../../../shared/domain';
import { sameList } from '../../../../shared/same-json';
import type { FleetRow } from './fleet-rows';

/** True when `instances` are exactly the instances `rows` show, in the same order. */
export function sameInstances(rows: readonly FleetRow[], instances: readonly Instance[]): boolean {
  return sameList(rows, instances, (row) => row.instance);
}
