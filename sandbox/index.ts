// Programmatic entry: tests, benchmarks and the app's "Explore with the built-in sandbox" start a
// sandbox in-process with startSandbox() and always call stop().
import type { AddressInfo } from 'node:net';
import { warmInstanceRows } from './api/instance-listing.js';
import { type Credentials, KeyRing } from './auth/keys.js';
import { NonceCache } from './auth/legacy-verify.js';
import { type MintedCredentials, type MintOptions, parseMintOptions } from './auth/sts.js';
import { type Clock, systemClock } from './clock.js';
import {
  DEFAULT_RATE_LIMITS,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  DEFAULT_TASK_SECONDS,
  MAX_CLOCK_SKEW_SECONDS,
} from './constants.js';
import { FaultBook, type FaultSpec } from './faults/faults.js';
import { BackupFileStore, DEFAULT_LINK_SECONDS } from './files/backup-files.js';
import { createFileServer } from './files/file-server.js';
import { createSandboxServer } from './http/server.js';
import { RateLimiter } from './rate-limiter.js';
import { provisionRedis } from './redis/demo-data.js';
import { RedisManager } from './redis/redis-manager.js';
import { applySeed } from './seeds/index.js';
import { SandboxState } from './state/store.js';

export type { Credentials } from './auth/keys.js';
export type { MintedCredentials, MintOptions } from './auth/sts.js';
export { type Clock, ManualClock } from './clock.js';
export * from './constants.js';
export type { FaultSpec } from './faults/faults.js';
export { DEMO_BACKUPS, DEMO_INSTANCES } from './seeds/demo.js';

export interface SandboxOptions {
  /** 0 (default) = any free port. The sandbox always binds 127.0.0.1. */
  port?: number;
  /** Replaces the default full-access key pair. */
  credentials?: Credentials;
  /** `demo` (default), `empty` or `fleet:N`. */
  seed?: string;
  /** Added to every API response. */
  latencyMs?: number;
  /** Duration of restore and backup tasks (default 20). */
  taskSeconds?: number;
  /** Back running demo instances with real redis-servers. */
  redis?: boolean;
  /** Injectable time source (use ManualClock in tests). */
  clock?: Clock;
  /** Override per-action rate limits (requests per second per SecretId). */
  rateLimits?: Readonly<Record<string, number>>;
  /** Faults active from the start. */
  faults?: readonly FaultSpec[];
  /** Port of the backup file server (object storage); 0 (default) = any free port, always 127.0.0.1. */
  filePort?: number;
  /** How long DescribeBackupUrl's links stay valid, in seconds (default 21600: the models' 6 hours). */
  linkSeconds?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  credentials: Credentials;
  state: SandboxState;
  faults: FaultBook;
  redis: RedisManager | null;
  /** Base URL of the backup file server (object storage) that DescribeBackupUrl's links point to. */
  fileUrl: string;
  filePort: number;
  /** New temporary credentials (TmpSecretId, TmpSecretKey, Token) expiring as asked; see POST /__sandbox/sts. */
  mintTemporaryCredentials(options?: MintOptions): MintedCredentials;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? systemClock;
  const credentials = options.credentials ?? { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
  const state = new SandboxState(clock, options.taskSeconds ?? DEFAULT_TASK_SECONDS);
  applySeed(state, options.seed ?? 'demo');
  const faults = new FaultBook(state);
  for (const spec of options.faults ?? []) faults.add(spec);

  let redis: RedisManager | null = null;
  if (options.redis) {
    redis = new RedisManager();
    try {
      await redis.init();
      await provisionRedis(state, redis);
    } catch (error) {
      await redis.stopAll();
      throw error;
    }
    state.engine = redis;
  }

  // Before serving, as a cloud has its listing at hand: at fleet:100000 this is about 2.5 s that would
  // otherwise land on the first listing's page requests (rows are encoded on demand after any change).
  await warmInstanceRows(state);

  const keys = new KeyRing(credentials);
  const front = createSandboxServer({
    state,
    keys,
    limiter: new RateLimiter(clock, { ...DEFAULT_RATE_LIMITS, ...options.rateLimits }),
    faults,
    // Twice the window: a replay must be refused for as long as its timestamp is acceptable.
    nonces: new NonceCache(2 * MAX_CLOCK_SKEW_SECONDS * 1000),
    redis,
    latencyMs: options.latencyMs ?? 0,
  });
  const store = new BackupFileStore(options.linkSeconds ?? DEFAULT_LINK_SECONDS, options.linkSeconds);
  state.files = store;
  const files = createFileServer({ state, store, faults });
  try {
    await listen(front.server, options.port ?? 0);
    await listen(files.server, options.filePort ?? 0);
  } catch (error) {
    await front.shutdown();
    await files.shutdown();
    store.dispose();
    await redis?.stopAll();
    throw error;
  }
  const port = (front.server.address() as AddressInfo).port;
  const filePort = (files.server.address() as AddressInfo).port;
  store.baseUrl = `http://127.0.0.1:${filePort}`;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials,
    state,
    faults,
    redis,
    fileUrl: store.baseUrl,
    filePort,
    mintTemporaryCredentials: (mint = {}) => {
      const checked = parseMintOptions(mint);
      if (typeof checked === 'string') throw new Error(`mintTemporaryCredentials: ${checked}`);
      return keys.mintTemporary(checked, Math.floor(state.now() / 1000));
    },
    stop: () => {
      stopping ??= (async () => {
        await front.shutdown();
        await files.shutdown();
        store.dispose();
        await redis?.stopAll();
      })();
      return stopping;
    },
  };
}

function listen(server: import('node:http').Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
