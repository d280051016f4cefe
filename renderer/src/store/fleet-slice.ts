/**
 * The fleet of the active profile: the cached copy first (instant, offline), then a live refresh whose pages
 * stream in as `fleet:page` events. Rows are kept with precomputed search and sort keys (fleet-rows.ts).
 */
import type { EventPayloadOf, FleetSnapshot, RegionProgress } from '../../../shared/ipc-contract';
import { emptyQuery, type FleetQuery, type FleetRow, type SortKey, toRow } from './fleet-rows';
import { call, type SliceCreator, type UiError } from './types';

export type Freshness = FleetSnapshot['freshness'];

export interface FleetSlice {
  fleetProfileId?: string;
  fleetRows: FleetRow[];
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

export const createFleetSlice: SliceCreator<FleetSlice> = (api) => (set, get) => ({
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
    set({
      fleetLoading: false,
      fleetProfileId: profileId,
      fleetRows: [],
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
        fleetRegions: cached.value.regions,
        freshness: cached.value.freshness,
      });
    }
    await get().refreshFleet();
  },
  refreshFleet: async () => {
    const profileId = get().fleetProfileId;
    if (!profileId || get().fleetLoading) return;
    set({ fleetLoading: true, fleetError: undefined, fleetRegions: [] });
    const result = await call(() => api.fleet.refresh({ profileId }));
    if (get().fleetProfileId !== profileId) return;
    if (result.ok) {
      set({
        fleetRows: rowsOf(result.value),
        fleetRegions: result.value.regions,
        freshness: result.value.freshness,
        fleetLoading: false,
      });
      return;
    }
    // Keep whatever was shown (cache or streamed pages) and say it is stale.
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
    const incoming = page.instances.map(toRow);
    const ids = new Set(incoming.map((r) => r.instance.id));
    // Streamed pages replace cached rows of the same id; the final snapshot replaces everything.
    const kept = ids.size === 0 ? get().fleetRows : get().fleetRows.filter((r) => !ids.has(r.instance.id));
    const regions = get().fleetRegions.filter((r) => r.region !== page.region);
    set({ fleetRows: kept.concat(incoming), fleetRegions: [...regions, page.progress] });
  },
  setFleetQuery: (patch) => set({ fleetQuery: { ...get().fleetQuery, ...patch } }),
  setFleetSort: (key) => {
    const current = get().fleetSort;
    set({ fleetSort: { key, dir: current.key === key && current.dir === 'asc' ? 'desc' : 'asc' } });
  },
});
