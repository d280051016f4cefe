/**
 * The fleet of the active profile: the cached copy first (instant, offline), then a live refresh whose pages
 * stream in as `fleet:page` events (applied in batches, and only when no rows are shown yet). Rows are kept
 * with precomputed search and tag keys (fleet-rows.ts).
 */
import type { EventPayloadOf, FleetSnapshot, RegionProgress } from '../../../shared/ipc-contract';
import {
  emptyQuery,
  type FleetQuery,
  type FleetRow,
  type SortKey,
  sameInstances,
  toRow,
} from '../fleet-grid';
import { call, type SliceCreator, type UiError } from './types';

export type Freshness = FleetSnapshot['freshness'];

export interface FleetSlice {
  fleetProfileId?: string;
  fleetRows: FleetRow[];
  /** The core's name for the answer the rows came from (see `fleet:refresh`); none for streamed rows. */
  fleetRevision?: string;
  fleetRegions: RegionProgress[];
  freshness?: Freshness;
  fleetLoading: boolean;
  fleetError?: UiError;
  fleetQuery: FleetQuery;
  fleetSort: { key: SortKey; dir: 'asc' | 'desc' };
  loadFleet(profileId: string): Promise<void>;
  refreshFleet(): Promise<void>;
  cancelFleet(): Promise<void>;
  onFleetPage(page: EventPayloadOf<'fleet:page'>): void;
  setFleetQuery(patch: Partial<FleetQuery>): void;
  setFleetSort(key: SortKey): void;
}

const rowsOf = (snapshot: FleetSnapshot) => snapshot.instances.map(toRow);

/**
 * Streamed pages are applied at most this often. Each change of the rows re-indexes them (the shown
 * column sorted again), so applying each 1000-row page of a 100,000-instance listing as it came cost
 * seconds of a busy page.
 */
export const PAGE_FLUSH_MS = 400;

export const createFleetSlice: SliceCreator<FleetSlice> = (api) => (set, get) => {
  /** Rows of pages received but not applied yet, and whether this listing streams rows at all. */
  let pending: FleetRow[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let streamRows = false;
  const dropPending = () => {
    pending = [];
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
  };
  const flush = () => {
    flushTimer = undefined;
    if (pending.length === 0) return;
    const incoming = pending;
    pending = [];
    // The core sends each instance of a listing once, so pages only add rows.
    set({ fleetRows: get().fleetRows.concat(incoming), fleetRevision: undefined });
    flushTimer = setTimeout(flush, PAGE_FLUSH_MS);
  };
  return {
    fleetRows: [],
    fleetRegions: [],
    fleetLoading: false,
    fleetQuery: emptyQuery,
    fleetSort: { key: 'name', dir: 'asc' },
    loadFleet: async (profileId) => {
      const previous = get().fleetProfileId;
      // A listing of the previous profile still running is stopped: its answer would be dropped anyway.
      if (previous && previous !== profileId && get().fleetLoading)
        void call(() => api.fleet.cancel({ profileId: previous }));
      dropPending();
      set({
        fleetLoading: false,
        fleetProfileId: profileId,
        fleetRows: [],
        fleetRevision: undefined,
        fleetRegions: [],
        freshness: undefined,
        fleetError: undefined,
        fleetQuery: emptyQuery,
      });
      const cached = await call(() => api.fleet.cached({ profileId }));
      // A profile switch while waiting makes this answer obsolete.
      if (get().fleetProfileId !== profileId) return;
      if (cached.ok) {
        set({
          fleetRows: rowsOf(cached.value),
          fleetRevision: cached.value.revision,
          fleetRegions: cached.value.regions,
          freshness: cached.value.freshness,
        });
      }
      await get().refreshFleet();
    },
    refreshFleet: async () => {
      const profileId = get().fleetProfileId;
      if (!profileId || get().fleetLoading) return;
      // Over rows already shown (the cached copy, or the last listing), pages only move the progress bar and
      // the final answer replaces the rows once: rows do not jump around while the DBA reads them.
      streamRows = get().fleetRows.length === 0;
      set({ fleetLoading: true, fleetError: undefined, fleetRegions: [] });
      const known = streamRows ? undefined : get().fleetRevision;
      const result = await call(() =>
        api.fleet.refresh({ profileId, pageRows: streamRows, ...(known ? { knownRevision: known } : {}) }),
      );
      if (get().fleetProfileId !== profileId) return;
      if (result.ok) {
        dropPending();
        // An unchanged fleet keeps its rows, so the index built for them is kept too (same-instances.ts). The
        // core says so itself when it knew the rows' revision; a full answer may still be equal (a restarted
        // core knows no revision).
        const unchanged =
          result.value.unchanged === true || sameInstances(get().fleetRows, result.value.instances);
        set({
          ...(unchanged ? {} : { fleetRows: rowsOf(result.value) }),
          fleetRevision: result.value.revision,
          fleetRegions: result.value.regions,
          freshness: result.value.freshness,
          fleetLoading: false,
        });
        return;
      }
      // Keep whatever was shown (cache or streamed pages, including those not applied yet) and say it is stale.
      flush();
      dropPending();
      const previous = get().freshness;
      set({
        fleetLoading: false,
        fleetError: result.error,
        freshness: {
          source: 'cache',
          fetchedAt: previous?.fetchedAt,
          stale: true,
          errorCode: result.error.code,
        },
      });
    },
    cancelFleet: async () => {
      const profileId = get().fleetProfileId;
      if (profileId) await call(() => api.fleet.cancel({ profileId }));
    },
    onFleetPage: (page) => {
      if (page.profileId !== get().fleetProfileId) return;
      const regions = get().fleetRegions.filter((r) => r.region !== page.region);
      set({ fleetRegions: [...regions, page.progress] });
      if (!streamRows || !get().fleetLoading || page.instances.length === 0) return;
      for (const instance of page.instances) pending.push(toRow(instance));
      // The first page shows at once; later ones in batches.
      if (flushTimer === undefined) flush();
    },
    setFleetQuery: (patch) => set({ fleetQuery: { ...get().fleetQuery, ...patch } }),
    setFleetSort: (key) => {
      const current = get().fleetSort;
      set({ fleetSort: { key, dir: current.key === key && current.dir === 'asc' ? 'desc' : 'asc' } });
    },
  };
};
