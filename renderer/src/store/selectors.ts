/**
 * Derived data, memoized on the exact inputs it reads: typing in the search box re-filters, but a task
 * update or a toast never re-sorts or re-filters 100,000 fleet rows.
 */
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { isTerminal } from '../../../shared/tasks';
import { type FleetQuery, type FleetRow, filterRows, sortRows } from './fleet-rows';
import type { AppState } from './types';

/** One-slot memo: recomputes when any input changes by identity. */
function memo<I extends readonly unknown[], R>(compute: (...inputs: I) => R): (...inputs: I) => R {
  let last: { inputs: I; result: R } | undefined;
  return (...inputs) => {
    if (last && last.inputs.length === inputs.length && last.inputs.every((v, i) => v === inputs[i])) {
      return last.result;
    }
    const result = compute(...inputs);
    last = { inputs, result };
    return result;
  };
}

/**
 * Sorted orders of the current rows, kept per column and direction: flipping a column's direction, or coming
 * back to a column sorted before, reuses the order instead of sorting 100,000 rows again.
 */
const sortCache = new WeakMap<FleetRow[], Map<string, FleetRow[]>>();
function sorted(rows: FleetRow[], key: AppState['fleetSort']['key'], dir: 'asc' | 'desc'): FleetRow[] {
  let orders = sortCache.get(rows);
  if (!orders) {
    orders = new Map();
    sortCache.set(rows, orders);
  }
  const hit = orders.get(`${key}:${dir}`);
  if (hit) return hit;
  const other = orders.get(`${key}:${dir === 'asc' ? 'desc' : 'asc'}`);
  // The reverse of the other direction is a valid order (ties then run by id the other way too).
  const order = other ? [...other].reverse() : sortRows(rows, key, dir);
  orders.set(`${key}:${dir}`, order);
  return order;
}
const filtered = memo((rows: FleetRow[], query: FleetQuery) => filterRows(rows, query));

export const selectVisibleRows = (s: AppState): readonly FleetRow[] =>
  filtered(sorted(s.fleetRows, s.fleetSort.key, s.fleetSort.dir), s.fleetQuery);

export interface FleetFacets {
  regions: string[];
  statuses: string[];
  engines: string[];
  tags: string[];
}

const facets = memo((rows: FleetRow[], regionsDone: AppState['fleetRegions']): FleetFacets => {
  const regions = new Set<string>(regionsDone.map((r) => r.region));
  const statuses = new Set<string>();
  const engines = new Set<string>();
  const tags = new Set<string>();
  for (const { instance } of rows) {
    regions.add(instance.region);
    statuses.add(instance.status);
    engines.add(instance.engine);
    for (const t of instance.tags) tags.add(`${t.key}:${t.value}`);
  }
  const sortedOf = (set: Set<string>) => [...set].sort();
  return {
    regions: sortedOf(regions),
    statuses: sortedOf(statuses),
    engines: sortedOf(engines),
    tags: sortedOf(tags),
  };
});

export const selectFacets = (s: AppState): FleetFacets => facets(s.fleetRows, s.fleetRegions);

export const selectActiveProfile = (s: AppState): ProfileView | undefined =>
  s.profiles.find((p) => p.id === s.activeProfileId);

/**
 * Restores need a fleet that is live: an offline or stale copy may describe an instance that no longer
 * looks like that. While a refresh runs over the cached copy, restore waits too.
 */
export const selectFleetUsable = (s: AppState): boolean =>
  s.freshness !== undefined && !s.freshness.stale && s.freshness.source === 'live';

const taskList = memo((tasks: Record<string, RestoreRecord>) =>
  Object.values(tasks).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
);

export const selectTaskList = (s: AppState): RestoreRecord[] => taskList(s.tasks);

export const selectRunningCount = (s: AppState): number =>
  selectTaskList(s).filter((t) => !isTerminal(t.status)).length;

const indexById = memo((rows: FleetRow[]) => new Map(rows.map((r) => [r.instance.id, r])));

export const selectRowById = (s: AppState, id: string): FleetRow | undefined =>
  indexById(s.fleetRows).get(id);
