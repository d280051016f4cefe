/**
 * The app's CRS clients pointed at a fresh demo sandbox for each test, over real HTTP through the same
 * proxy-aware fetch browser mode uses. Registers its own beforeEach/afterEach.
 */
import { afterEach, beforeEach } from 'vitest';
import { createCrsApi } from '../../electron/core/cloud/create-crs-api';
import type { CrsApi, CrsClientOptions } from '../../electron/core/cloud/crs-api';
import { createProxyFetch } from '../../electron/core/cloud/transport/proxy-fetch';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { type RunningSandbox, startSandbox } from '../../sandbox/index';
import type { ApiGeneration } from '../../shared/domain';

export interface SandboxClients {
  /** This test's sandbox (replaced before each test). */
  readonly sandbox: RunningSandbox;
  client(generation: ApiGeneration, overrides?: Partial<CrsClientOptions>): CrsApi;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function sandboxClientsPerTest(options: {
  taskSeconds: number;
  proxyEnv?: Record<string, string>;
}): SandboxClients {
  let sandbox: RunningSandbox | undefined;
  let fetch: ReturnType<typeof createProxyFetch> | undefined;
  beforeEach(async () => {
    sandbox = await startSandbox({ seed: 'demo', taskSeconds: options.taskSeconds });
    fetch = createProxyFetch({ env: options.proxyEnv ?? {} });
  });
  afterEach(async () => {
    await fetch?.close();
    await sandbox?.stop();
  });
  const current = () => {
    if (!sandbox || !fetch) throw new Error('sandboxClientsPerTest: used outside a test');
    return { sandbox, fetch };
  };
  return {
    get sandbox() {
      return current().sandbox;
    },
    client: (generation, overrides = {}) => {
      const { sandbox: sb, fetch: f } = current();
      return createCrsApi(generation, {
        fetch: f,
        credentials: async () => ({ ...sb.credentials }),
        now: () => Date.now(),
        random: Math.random,
        sleep,
        logger: createMemoryLogger(),
        endpoint: sb.url,
        timeoutMs: 5_000,
        retry: { baseDelayMs: 20, maxDelayMs: 100 },
        ...overrides,
      });
    },
  };
}
