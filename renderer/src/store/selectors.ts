/**
 * Derived data, memoized on the exact inputs it reads: typing in the search box re-filters, but a task
 * update or a toast never re-sorts or re-filters 100,000 fleet rows.
 */
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { isTerminal } from '../../../shared/tasks';
import { FleetIndex, type FleetQuery, type FleetRow, type RowsView } from '../fleet-grid';
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
 * The index of the current rows. There is one at a time: when the rows are replaced (a refresh that changed
 * anything, a profile switch) the old index stops its background sorting and the new one starts sorting
 * every column.
 */
let current: FleetIndex | undefined;
function indexOf(rows: FleetRow[]): FleetIndex {
  if (current?.rows !== rows) {
    current?.dispose();
    current = new FleetIndex(rows);
  }
  return current;
}

const visible = memo((rows: FleetRow[], sort: AppState['fleetSort'], query: FleetQuery): RowsView => {
  const index = indexOf(rows);
  const view = index.view(sort.key, sort.dir, query);
  index.prepare();
  return view;
});

export const selectVisibleRows = (s: AppState): RowsView => visible(s.fleetRows, s.fleetSort, s.fleetQuery);

/** Rows the cloud listed with a field missing, null or malformed: counted once per set of rows. */
const incompleteCount = memo((rows: FleetRow[]): number => {
  let n = 0;
  for (const row of rows) if (row.instance.incomplete) n++;
  return n;
});

export const selectIncompleteCount = (s: AppState): number => incompleteCount(s.fleetRows);

export interface FleetFacets {
  regions: string[];
  statuses: string[];
  engines: string[];
  tags: string[];
}

/** Facets of the rows: one pass over 100,000 rows, done again only when the rows change. */
const rowFacets = memo((rows: FleetRow[]): FleetFacets => {
  const regions = new Set<string>();
  const statuses = new Set<string>();
  const engines = new Set<string>();
  const tags = new Set<string>();
  for (const row of rows) {
    const instance = row.instance;
    regions.add(instance.region);
    statuses.add(instance.status);
    engines.add(instance.engine);
    for (const tag of row.tagKeys) tags.add(tag);
  }
  const sortedOf = (set: Set<string>) => [...set].sort();
  return {
    regions: sortedOf(regions),
    statuses: sortedOf(statuses),
    engines: sortedOf(engines),
    tags: sortedOf(tags),
  };
});

/** Regions being listed count too (a region with no instance yet can be chosen); progress events are many. */
const facets = memo((of: FleetFacets, listing: AppState['fleetRegions']): FleetFacets => {
  const extra = listing.map((r) => r.region).filter((r) => !of.regions.includes(r));
  return extra.length === 0 ? of : { ...of, regions: [...of.regions, ...extra].sort() };
});

export const selectFacets = (s: AppState): FleetFacets => facets(rowFacets(s.fleetRows), s.fleetRegions);

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
