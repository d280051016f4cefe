/**
 * Browser mode's wiring: conf for settings, keytar (or session memory) for secrets, the core, the guard
 * and the bridge server. The CLI entry and the tests both start the app through this one function.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { defaultPreferences, type ProxySetting } from '../../shared/settings';
import { bootCore } from '../boot/boot-core';
import type { Core } from '../core/app-core';
import type { FetchLike } from '../core/cloud/crs-api';
import { createProxyFetch, proxyEnvFor } from '../core/cloud/transport/proxy-fetch';
import type { Logger } from '../core/logging/logger';
import type { SandboxStarter } from '../core/sandbox/sandbox-launcher';
import { forkProbeRunner } from '../core/secrets/fork-probe';
import type { KeytarLike, SecretStore } from '../core/secrets/secret-store';
import type { DocumentStore } from '../core/settings/settings-service';
import type { BridgeAuthOptions } from './bridge-auth';
import type { BridgeLimits } from './bridge-limits';
import { type BridgeConnection, BridgeServer } from './bridge-server';
import { LaunchFile } from './launch-file';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export interface BrowserAppOptions {
  userData: string;
  port?: number;
  logger: Logger;
  rendererRoot?: string;
  /** Tests may pass a store; the app opens the keychain and falls back to session memory. */
  secrets?: SecretStore;
  /** Tests shorten the codes' life or observe the secrets minted, and tighten the bridge's limits. */
  auth?: BridgeAuthOptions;
  limits?: Partial<BridgeLimits>;
  /** Tests may inject a transport or a sandbox; the app uses undici with the proxy environment. */
  fetch?: FetchLike;
  startSandbox?: SandboxStarter;
}

export interface BrowserApp {
  server: BridgeServer;
  /** The private page that lets its reader in (launch-file.ts). */
  launchFile: LaunchFile;
  core: Core;
  secrets: SecretStore;
  stop(): Promise<void>;
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const { logger } = options;
  mkdirSync(options.userData, { recursive: true, mode: 0o700 });
  // The proxy preference is read per request: the core that holds it is built below.
  let proxySetting = (): ProxySetting => defaultPreferences.proxy;
  const proxyFetch = options.fetch
    ? undefined
    : createProxyFetch({ env: () => proxyEnvFor(proxySetting(), process.env) });
  let launchFile: LaunchFile | undefined;
  const server = new BridgeServer({
    rendererRoot: options.rendererRoot ?? join(projectRoot, 'out/renderer'),
    port: options.port ?? 0,
    logger,
    auth: {
      ...options.auth,
      onRedeem: (code) => {
        options.auth?.onRedeem?.(code);
        launchFile?.redeemed(code);
      },
    },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const { core, guard, secrets } = await bootCore<BridgeConnection>({
    shell: 'browser',
    version: (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
      .version,
    userData: options.userData,
    logger,
    secrets: options.secrets ?? {
      loadKeytar: async () => require('keytar') as KeytarLike,
      probe: forkProbeRunner(),
    },
    settingsStore: () => createSettingsStore(options.userData) as unknown as DocumentStore,
    fetch: options.fetch ?? (proxyFetch as FetchLike),
    emit: (channel, payload) => server.broadcast(channel, payload),
    isTrustedSender: (c) => c.authenticated,
    ...(options.startSandbox ? { startSandbox: options.startSandbox } : {}),
  });
  proxySetting = () => core.settings.get().proxy;
  server.attach(guard);
  await server.listen();
  // Renewed at half a code's life, so whatever code a reader finds in the file has at least that long left.
  launchFile = new LaunchFile({
    folder: join(options.userData, 'launch'),
    appUrl: server.url,
    mintCode: () => server.issueCode(),
    refreshMs: server.auth.codeTtlMs / 2,
    onError: (error) =>
      logger.warn('could not renew the launch file', {
        reason: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      }),
  });
  const opened = launchFile;
  await core.start();
  return {
    server,
    launchFile: opened,
    core,
    secrets,
    stop: async () => {
      opened.remove();
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
