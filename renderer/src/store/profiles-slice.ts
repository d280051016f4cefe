/** Cloud profiles: the list, the active one, and the create / test / update / delete / sandbox actions. */
import type { RequestOf, ResponseOf } from '../../../shared/ipc-contract';
import type { ProfileInput, ProfilePatch, ProfileView } from '../../../shared/profiles';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export type ConnectionTest = ResponseOf<'profiles:test'>;
type Result<T> = { ok: true; value: T } | { ok: false; error: UiError };

export interface ProfilesSlice {
  profiles: ProfileView[];
  profilesStatus: LoadStatus;
  profilesError?: UiError;
  activeProfileId?: string;
  loadProfiles(): Promise<void>;
  setProfiles(profiles: ProfileView[]): void;
  selectProfile(id: string): void;
  createProfile(input: ProfileInput): Promise<Result<ProfileView>>;
  updateProfile(patch: ProfilePatch): Promise<Result<ProfileView>>;
  deleteProfile(id: string): Promise<Result<{ removedSecrets: number }>>;
  testProfile(request: RequestOf<'profiles:test'>): Promise<Result<ConnectionTest>>;
  startSandbox(): Promise<Result<ProfileView>>;
  stopSandbox(): Promise<Result<{ stopped: boolean }>>;
  sandboxStatus(): Promise<Result<{ running: boolean; profileId?: string }>>;
}

export const createProfilesSlice: SliceCreator<ProfilesSlice> = (api) => (set, get) => {
  /** Adds or replaces one profile and makes it active: used after create and sandbox start. */
  const adopt = (profile: ProfileView) => {
    const others = get().profiles.filter((p) => p.id !== profile.id);
    set({ profiles: [...others, profile] });
    get().selectProfile(profile.id);
  };
  return {
    profiles: [],
    profilesStatus: 'idle',
    loadProfiles: async () => {
      set({ profilesStatus: 'loading' });
      const result = await call(() => api.profiles.list({}));
      if (!result.ok || !Array.isArray(result.value)) {
        set({ profilesStatus: 'error', profilesError: result.ok ? undefined : result.error });
        return;
      }
      set({ profilesStatus: 'ready', profilesError: undefined });
      get().setProfiles(result.value);
    },
    setProfiles: (profiles) => {
      set({ profiles });
      const active = get().activeProfileId;
      if (active && profiles.some((p) => p.id === active)) return;
      // The profile in use when the app last ran comes back first (the core restarted its sandbox for it).
      const last = profiles.find((p) => p.id === get().prefs?.lastProfileId);
      const first = last ?? profiles[0];
      if (first) get().selectProfile(first.id);
      else set({ activeProfileId: undefined });
    },
    selectProfile: (id) => {
      if (get().activeProfileId === id) return;
      set({ activeProfileId: id });
      void get().loadFleet(id);
      if (get().prefs && get().prefs?.lastProfileId !== id)
        void call(() => api.settings.update({ lastProfileId: id }));
    },
    createProfile: async (input) => {
      const result = await call(() => api.profiles.create(input));
      if (result.ok) adopt(result.value);
      return result;
    },
    updateProfile: async (patch) => {
      const result = await call(() => api.profiles.update(patch));
      if (result.ok) set({ profiles: get().profiles.map((p) => (p.id === patch.id ? result.value : p)) });
      return result;
    },
    deleteProfile: async (id) => {
      const result = await call(() => api.profiles.delete({ id }));
      if (result.ok) get().setProfiles(get().profiles.filter((p) => p.id !== id));
      return result;
    },
    testProfile: (request) => call(() => api.profiles.test(request)),
    startSandbox: async () => {
      const result = await call(() => api.sandbox.start({}));
      if (result.ok) adopt(result.value);
      return result;
    },
    stopSandbox: () => call(() => api.sandbox.stop({})),
    sandboxStatus: () => call(() => api.sandbox.status({})),
  };
};
