/**
 * The composition root both shells call: it builds the core services from injected dependencies and
 * returns the handler table for the guard. Shells supply the platform pieces; no business logic lives there.
 */
import type { AppInfo, EventChannel, EventPayloadOf } from '../../shared/ipc-contract';
import type { Handlers } from './ipc/guard';
import type { Logger } from './logging/logger';
import type { SecretStore } from './secrets/secret-store';
import { type DocumentStore, SettingsService } from './settings/settings-service';

export interface CoreDeps {
  shell: AppInfo['shell'];
  version: string;
  platform: string;
  settingsStore: DocumentStore;
  secrets: SecretStore;
  logger: Logger;
  /** Pushes an event to the renderer; each shell implements it over its own transport. */
  emit: <E extends EventChannel>(channel: E, payload: EventPayloadOf<E>) => void;
}

export interface Core {
  handlers: Handlers;
  settings: SettingsService;
  dispose(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const settings = new SettingsService({ store: deps.settingsStore, logger: deps.logger });
  const unsubscribe = settings.onChange((prefs) => deps.emit('settings:changed', prefs));
  const info: AppInfo = {
    name: 'CRS Restore Desk',
    version: deps.version,
    shell: deps.shell,
    platform: deps.platform,
    secretStore: deps.secrets.kind,
  };
  const handlers: Handlers = {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  };
  return {
    handlers,
    settings,
    dispose: async () => {
      unsubscribe();
    },
  };
}
