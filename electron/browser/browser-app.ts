/**
 * Browser mode's wiring: conf for settings, keytar (or session memory) for secrets, the core, the guard
 * and the bridge server. The CLI entry and the tests both start the app through this one function.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import type { Notice } from '../../shared/ipc-contract';
import { type Core, createCore } from '../core/app-core';
import type { FetchLike } from '../core/cloud/crs-api';
import { createProxyFetch } from '../core/cloud/proxy-fetch';
import { IpcGuard } from '../core/ipc/guard';
import type { Logger } from '../core/logging/logger';
import { startDemoSandbox } from '../core/sandbox/default-sandbox';
import type { SandboxStarter } from '../core/sandbox/sandbox-launcher';
import { forkProbeRunner } from '../core/secrets/fork-probe';
import { probeKeychain } from '../core/secrets/keychain-probe';
import { type KeytarLike, openSecretStore, type SecretStore } from '../core/secrets/secret-store';
import { checkSettingsFile } from '../core/settings/settings-file';
import type { DocumentStore } from '../core/settings/settings-service';
import { type BridgeConnection, BridgeServer } from './bridge-server';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export interface BrowserAppOptions {
  userData: string;
  port?: number;
  logger: Logger;
  rendererRoot?: string;
  /** Tests may pass a store; the app opens the keychain and falls back to session memory. */
  secrets?: SecretStore;
  token?: string;
  /** Tests may inject a transport or a sandbox; the app uses undici with the proxy environment. */
  fetch?: FetchLike;
  startSandbox?: SandboxStarter;
}

export interface BrowserApp {
  server: BridgeServer;
  core: Core;
  secrets: SecretStore;
  stop(): Promise<void>;
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const { logger } = options;
  mkdirSync(options.userData, { recursive: true, mode: 0o700 });
  const secrets =
    options.secrets ??
    (await openSecretStore(
      async () => require('keytar') as KeytarLike,
      (reason) => logger.warn('no keychain; credentials are session-only', { reason: reason.slice(0, 200) }),
      () => probeKeychain({ platform: process.platform, env: process.env, run: forkProbeRunner() }),
    ));
  const notices: Notice[] = [];
  const settingsNotice = checkSettingsFile(join(options.userData, 'settings.json'));
  if (settingsNotice) notices.push(settingsNotice);
  const proxyFetch = options.fetch ? undefined : createProxyFetch({ env: process.env });
  const settingsStore = createSettingsStore(options.userData);
  const server = new BridgeServer({
    rendererRoot: options.rendererRoot ?? join(projectRoot, 'out/renderer'),
    port: options.port ?? 0,
    logger,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const core = createCore({
    shell: 'browser',
    version: (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
      .version,
    platform: process.platform,
    settingsStore: settingsStore as unknown as DocumentStore,
    secrets,
    logger,
    userData: options.userData,
    fetch: options.fetch ?? (proxyFetch as FetchLike),
    startSandbox: options.startSandbox ?? startDemoSandbox,
    notices,
    emit: (channel, payload) => server.broadcast(channel, payload),
  });
  server.attach(
    new IpcGuard<BridgeConnection>({
      handlers: core.handlers,
      logger,
      isTrustedSender: (c) => c.authenticated,
    }),
  );
  await server.listen();
  await core.start();
  return {
    server,
    core,
    secrets,
    stop: async () => {
      await server.close();
      await core.dispose();
      await proxyFetch?.close();
    },
  };
}

/** Browser mode's settings file. Profiles name endpoints, ids and regions: readable by the user only. */
export function createSettingsStore(userData: string): Conf {
  return new Conf({
    cwd: userData,
    configName: 'settings',
    projectName: 'crs-restore-desk',
    configFileMode: 0o600,
  });
}
