/**
 * The start-up both shells share: open the keychain (probed in a child process first), check the settings file
 * before its store opens it, build the core and the one guard. What differs is passed in: how keytar loads and
 * where the probe runs, the settings store, the network, how events reach the window and which sender is
 * trusted. The shells keep only their own transport and window.
 */
import { join } from 'node:path';
import type { Notice } from '../../shared/ipc-contract';
import { type Core, type CoreDeps, createCore } from '../core/app-core';
import type { FetchLike } from '../core/cloud/crs-api';
import { IpcGuard } from '../core/ipc/guard';
import type { Logger } from '../core/logging/logger';
import type { SandboxStarter } from '../core/sandbox/sandbox-launcher';
import { type ProbeRunner, probeKeychain } from '../core/secrets/keychain-probe';
import { type KeytarLike, openSecretStore, type SecretStore } from '../core/secrets/secret-store';
import { checkSettingsFile } from '../core/settings/settings-file';
import type { DocumentStore } from '../core/settings/settings-service';

export interface BootParts<Sender> {
  shell: CoreDeps['shell'];
  version: string;
  userData: string;
  logger: Logger;
  /** A store given by a test, or how this shell loads keytar and where it runs the keychain probe. */
  secrets: SecretStore | { loadKeytar: () => Promise<KeytarLike>; probe: ProbeRunner };
  /** Opens the settings store; called after the file was checked (a damaged one is moved aside first). */
  settingsStore: () => DocumentStore;
  fetch: FetchLike;
  emit: CoreDeps['emit'];
  isTrustedSender: (sender: Sender) => boolean;
  /** Tests inject one; the app loads the demo sandbox only when it is used (the core never imports it). */
  startSandbox?: SandboxStarter;
  /** The diff worker's entry when the shell knows it is elsewhere (a packaged app: unpacked from the asar). */
  diffWorkerEntry?: URL;
}

export interface Booted<Sender> {
  core: Core;
  guard: IpcGuard<Sender>;
  secrets: SecretStore;
}

export async function bootCore<Sender>(parts: BootParts<Sender>): Promise<Booted<Sender>> {
  const { logger } = parts;
  const secrets =
    'kind' in parts.secrets
      ? parts.secrets
      : await openSecretStore(
          parts.secrets.loadKeytar,
          (reason) =>
            logger.warn('no keychain; credentials are session-only', { reason: reason.slice(0, 200) }),
          () =>
            probeKeychain({
              platform: process.platform,
              env: process.env,
              run: (parts.secrets as { probe: ProbeRunner }).probe,
            }),
        );
  const notices: Notice[] = [];
  const settingsNotice = checkSettingsFile(join(parts.userData, 'settings.json'));
  if (settingsNotice) notices.push(settingsNotice);
  const core = createCore({
    shell: parts.shell,
    version: parts.version,
    platform: process.platform,
    settingsStore: parts.settingsStore(),
    secrets,
    logger,
    userData: parts.userData,
    fetch: parts.fetch,
    startSandbox:
      parts.startSandbox ?? (async (port) => (await import('./demo-sandbox')).startDemoSandbox(port)),
    notices,
    emit: parts.emit,
    ...(parts.diffWorkerEntry ? { diffWorkerEntry: parts.diffWorkerEntry } : {}),
  });
  const guard = new IpcGuard<Sender>({
    handlers: core.handlers,
    logger,
    isTrustedSender: parts.isTrustedSender,
  });
  return { core, guard, secrets };
}
