/** The settings document in memory (what electron-store / conf hold on disk), with a write count. */
import type { DocumentStore } from '../../electron/core/settings/settings-service';

export interface FakeSettingsStore extends DocumentStore {
  writes: number;
}

export function fakeSettingsStore(initial: Record<string, unknown> = {}): FakeSettingsStore {
  let data = structuredClone(initial);
  const store: FakeSettingsStore = {
    writes: 0,
    get store() {
      return structuredClone(data);
    },
    set store(value: Record<string, unknown>) {
      store.writes++;
      data = structuredClone(value);
    },
  };
  return store;
}
