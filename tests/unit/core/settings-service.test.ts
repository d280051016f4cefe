import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { type DocumentStore, SettingsService } from '../../../electron/core/settings/settings-service';
import { AppError } from '../../../shared/errors';
import { defaultPreferences } from '../../../shared/settings';

function memoryStore(initial: Record<string, unknown> = {}): DocumentStore {
  let doc = initial;
  return {
    get store() {
      return doc;
    },
    set store(value) {
      doc = structuredClone(value);
    },
  };
}

describe('SettingsService', () => {
  it('starts from the defaults', () => {
    const service = new SettingsService({ store: memoryStore(), logger: createMemoryLogger() });
    expect(service.get()).toEqual(defaultPreferences);
  });

  it('stores a valid patch, keeps other keys of the document, and notifies', () => {
    const store = memoryStore({ profiles: [{ id: 'p1' }] });
    const service = new SettingsService({ store, logger: createMemoryLogger() });
    const seen: unknown[] = [];
    service.onChange((prefs) => seen.push(prefs.theme));
    service.update({ theme: 'dark', pollIntervalSeconds: 5 });
    expect(service.get()).toMatchObject({ theme: 'dark', pollIntervalSeconds: 5, language: 'en' });
    expect(store.store.profiles).toEqual([{ id: 'p1' }]);
    expect(seen).toEqual(['dark']);
  });

  it('refuses an out-of-range value and keeps what was stored', () => {
    const service = new SettingsService({ store: memoryStore(), logger: createMemoryLogger() });
    service.update({ theme: 'light' });
    expect(() => service.update({ pollIntervalSeconds: 0 })).toThrow(AppError);
    expect(service.get().theme).toBe('light');
  });

  it('repairs only the invalid values of a hand-edited file and says which', () => {
    const logger = createMemoryLogger();
    const store = memoryStore({ preferences: { theme: 'neon', language: 'zh-CN', stray: 1 } });
    const service = new SettingsService({ store, logger });
    expect(service.get()).toEqual({ ...defaultPreferences, language: 'zh-CN' });
    expect(logger.lines.join('\n')).toContain('theme');
  });
});
