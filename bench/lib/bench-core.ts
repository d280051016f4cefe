/**
 * A real core for benchmarks whose sandbox lives in another process: createCore with every service, real
 * files in a temp user-data folder, session-memory secrets, and the IPC guard in front, as the shells wire it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, createCore } from '../../electron/core/app-core';
import { IpcGuard } from '../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { REGIONS } from '../../sandbox/state/catalog';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { ProfileView } from '../../shared/profiles';
import { memoryDocument } from '../../tests/support/core-harness';

/** The regions a `fleet:N` sandbox spreads its instances over: every region of the SDK's list. */
export const FLEET_REGIONS = REGIONS.map((r) => r.name);

export interface BenchCore {
  core: Core;
  userData: string;
  profile: ProfileView;
  value<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

export async function startBenchCore(sandbox: {
  url: string;
  credentials: { secretId: string; secretKey: string };
}): Promise<BenchCore> {
  const userData = mkdtempSync(join(tmpdir(), 'crs-bench-'));
  const logger = createMemoryLogger();
  const core = createCore({
    shell: 'browser',
    version: '0.0.0-bench',
    platform: process.platform,
    userData,
    settingsStore: memoryDocument(),
    secrets: new MemorySecretStore(),
    fetch: (url, init) => fetch(url, init),
    logger,
    startSandbox: () => Promise.reject(new Error('not used by benchmarks')),
    emit: () => undefined,
  });
  const guard = new IpcGuard<true>({ handlers: core.handlers, logger, isTrustedSender: (s) => s === true });
  await core.start();
  const value: BenchCore['value'] = async (channel, request) => {
    const response = await guard.dispatch(channel, true, request);
    if (!response.ok) throw new Error(`${channel} failed: ${response.error.code} ${response.error.message}`);
    return response.value as never;
  };
  const profile = await value('profiles:create', {
    name: 'bench',
    secretId: sandbox.credentials.secretId,
    secretKey: sandbox.credentials.secretKey,
    generation: 'v3',
    endpoint: sandbox.url,
    regions: FLEET_REGIONS,
    defaultRegion: FLEET_REGIONS[0] ?? 'ap-guangzhou',
    environment: 'testing',
    requestTimeoutSeconds: 60,
  });
  return {
    core,
    userData,
    profile,
    value,
    close: async () => {
      await core.dispose();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
