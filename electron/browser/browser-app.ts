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
import { defaultPreferences, type ProxySetting } from '../../shared/settings';
import { type Core, createCore } from '../core/app-core';
import type { FetchLike } from '../core/cloud/crs-api';
import { createProxyFetch, proxyEnvFor } from '../core/cloud/proxy-fetch';
import { IpcGuard } from '../core/ipc/guard';
import type { Logger } from '../core/logging/logger';
import type { SandboxStarter } from '../core/sandbox/sandbox-launcher';
import { forkProbeRunner } from '../core/secrets/fork-probe';
import { probeKeychain } from '../core/secrets/keychain-probe';
import { type KeytarLike, openSecretStore, type SecretStore } from '../core/secrets/secret-store';
import { checkSettingsFile } from '../core/settings/settings-file';
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
  // The proxy preference is read per request: the core that holds it is built below.
  let proxySetting = (): ProxySetting => defaultPreferences.proxy;
  const proxyFetch = options.fetch
    ? undefined
    : createProxyFetch({ env: () => proxyEnvFor(proxySetting(), process.env) });
  const settingsStore = createSettingsStore(options.userData);
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
    // Loaded only when used: the core never imports the sandbox (electron/boot/demo-sandbox.ts).
    startSandbox:
      options.startSandbox ?? (async (port) => (await import('../boot/demo-sandbox')).startDemoSandbox(port)),
    notices,
    emit: (channel, payload) => server.broadcast(channel, payload),
  });
  proxySetting = () => core.settings.get().proxy;
  server.attach(
    new IpcGuard<BridgeConnection>({
      handlers: core.handlers,
      logger,
      isTrustedSender: (c) => c.authenticated,
    }),
  );
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
