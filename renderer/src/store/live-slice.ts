/**
 * Instances read one at a time while a restore of theirs runs (`fleet:instance`): the instance page shows
 * this fresher copy over the fleet's row, without listing the whole region again or touching the fleet's
 * rows (re-indexing 100,000 rows for one status would cost far more than it shows).
 */
import type { Instance } from '../../../shared/domain';
import { call, type SliceCreator, type UiError } from './types';

export interface LiveInstance {
  /** Absent when the cloud no longer lists the instance. */
  instance?: Instance;
  fetchedAt: string;
  /** The last read failed; `instance` is the one before, if any. */
  error?: UiError;
}

export interface LiveSlice {
  liveInstances: Record<string, LiveInstance>;
  refreshInstance(target: { profileId: string; region: string; instanceId: string }): Promise<void>;
}

export const liveKey = (t: { profileId: string; instanceId: string }) => `${t.profileId}/${t.instanceId}`;

export const createLiveSlice: SliceCreator<LiveSlice> = (api) => (set, get) => ({
  liveInstances: {},
  refreshInstance: async (target) => {
    const result = await call(() => api.fleet.instance(target));
    const key = liveKey(target);
    const before = get().liveInstances[key];
    const next: LiveInstance = result.ok
      ? {
          fetchedAt: result.value.fetchedAt,
          ...(result.value.instance ? { instance: result.value.instance } : {}),
        }
      : { ...(before ?? { fetchedAt: '' }), error: result.error };
    set({ liveInstances: { ...get().liveInstances, [key]: next } });
  },
});
