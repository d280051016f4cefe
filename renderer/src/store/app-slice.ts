/**
 * Start-up and preferences: reads app:info and settings, subscribes to every push from main, then loads the
 * profiles, tasks and fleet. The app is `ready` as soon as info and settings answer, so a core that cannot
 * list profiles yet still shows a usable window.
 */
import type { AppInfo } from '../../../shared/ipc-contract';
import type { Preferences, PreferencesPatch } from '../../../shared/settings';
import { navigate } from '../lib/route';
import { call, type SliceCreator, type UiError } from './types';

export interface AppSlice {
  status: 'loading' | 'ready' | 'error';
  startError?: UiError;
  info?: AppInfo;
  prefs?: Preferences;
  prefsError?: UiError;
  /** Connects to main; returns the function that unsubscribes every listener. */
  init(): () => void;
  updatePrefs(patch: PreferencesPatch): Promise<boolean>;
}

export const createAppSlice: SliceCreator<AppSlice> = (api) => (set, get) => ({
  status: 'loading',
  init: () => {
    const offs = [
      api.on.settingsChanged((prefs) => set({ prefs })),
      api.on.profilesChanged((profiles) => get().setProfiles(profiles)),
      api.on.fleetPage((page) => get().onFleetPage(page)),
      api.on.taskUpdated((record) => get().upsertTask(record)),
      api.on.taskFinished((record) => get().onTaskFinished(record)),
      api.on.auditRecorded((entry) => get().onAuditRecorded(entry)),
      api.on.appNotice((notice) => get().addNotices([notice])),
      // Electron's main process shows the desktop notification; its click arrives here to open the instance.
      api.on.appNavigate((target) => {
        if (get().activeProfileId !== target.profileId) get().selectProfile(target.profileId);
        navigate({ name: 'instance', region: target.region, id: target.instanceId });
      }),
    ];
    void (async () => {
      const [info, prefs] = await Promise.all([
        call(() => api.app.info({})),
        call(() => api.settings.get({})),
      ]);
      if (!info.ok || !prefs.ok) {
        set({ status: 'error', startError: !info.ok ? info.error : !prefs.ok ? prefs.error : undefined });
        return;
      }
      set({ status: 'ready', info: info.value, prefs: prefs.value });
      const notices = await call(() => api.app.notices({}));
      if (notices.ok && Array.isArray(notices.value)) get().addNotices(notices.value);
      await Promise.all([get().loadProfiles(), get().loadTasks()]);
    })();
    return () => {
      for (const off of offs) off();
    };
  },
  updatePrefs: async (patch) => {
    const result = await call(() => api.settings.update(patch));
    if (!result.ok) {
      set({ prefsError: result.error });
      return false;
    }
    set({ prefs: result.value, prefsError: undefined });
    return true;
  },
});
