/**
 * Preferences behind one typed service. The storage backend is injected: electron-store in the Electron
 * shell, conf in browser mode, a plain object in tests. Every write is validated before it is stored.
 */
import { AppError } from '../../../shared/errors';
import {
  defaultPreferences,
  type Preferences,
  type PreferencesPatch,
  PreferencesSchema,
} from '../../../shared/settings';
import type { Logger } from '../logging/logger';

/** What electron-store and conf have in common: a whole-document getter and setter. */
export interface DocumentStore {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

export class SettingsService {
  readonly #store: DocumentStore;
  readonly #log: Logger;
  readonly #listeners = new Set<(prefs: Preferences) => void>();

  constructor(deps: { store: DocumentStore; logger: Logger }) {
    this.#store = deps.store;
    this.#log = deps.logger.child('settings');
  }

  /** The stored preferences; any value that fails validation falls back to its default and is reported. */
  get(): Preferences {
    const raw = this.#store.store.preferences;
    const merged = { ...defaultPreferences, ...(isRecord(raw) ? raw : {}) };
    const parsed = PreferencesSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    this.#log.warn('ignored invalid stored preferences', { keys: [...bad] });
    const repaired = Object.fromEntries(
      Object.entries(merged).filter(([k]) => !bad.has(k) && Object.hasOwn(defaultPreferences, k)),
    );
    return PreferencesSchema.parse({ ...defaultPreferences, ...repaired });
  }

  update(patch: PreferencesPatch): Preferences {
    const next = PreferencesSchema.safeParse({ ...this.get(), ...patch });
    if (!next.success) throw new AppError('SETTINGS_INVALID');
    this.#store.store = { ...this.#store.store, preferences: next.data };
    for (const listener of this.#listeners) listener(next.data);
    return next.data;
  }

  onChange(listener: (prefs: Preferences) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
