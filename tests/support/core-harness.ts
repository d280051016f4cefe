/**
 * A real core (every service, real files in a temp user-data folder) wired to a real sandbox over HTTP,
 * with the guard in front as the shells have it. Events are collected for assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, createCore } from '../../electron/core/app-core';
import type { FetchLike } from '../../electron/core/cloud/crs-api';
import { IpcGuard } from '../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { MemorySecretStore, type SecretStore } from '../../electron/core/secrets/secret-store';
import type { DocumentStore } from '../../electron/core/settings/settings-service';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox/index';
import type { EventChannel, InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { Envelope } from '../../shared/result';

export function memoryDocument(initial: Record<string, unknown> = {}): DocumentStore {
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

export interface Harness {
  core: Core;
  sandbox: RunningSandbox;
  userData: string;
  secrets: SecretStore;
  settings: DocumentStore;
  events: Array<{ channel: EventChannel; payload: unknown }>;
  logs: string[];
  call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  value<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  waitFor(
    predicate: (e: { channel: EventChannel; payload: unknown }) => boolean,
    ms?: number,
  ): Promise<unknown>;
  /** Stops the core only (as a quit or crash would), keeping sandbox, files and keychain. */
  stopCore(): Promise<void>;
  /** A new core over the same files, keychain and sandbox: an app restart. */
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

const fetchLike: FetchLike = (url, init) => fetch(url, init);

export async function startHarness(
  options: { sandbox?: SandboxOptions; pollSeconds?: number } = {},
  shared?: { sandbox: RunningSandbox; userData: string; secrets: SecretStore; settings: DocumentStore },
): Promise<Harness> {
  const sandbox = shared?.sandbox ?? (await startSandbox({ taskSeconds: 2, ...options.sandbox }));
  const userData = shared?.userData ?? mkdtempSync(join(tmpdir(), 'crs-core-'));
  const secrets = shared?.secrets ?? new MemorySecretStore();
  const settings =
    shared?.settings ?? memoryDocument({ preferences: { pollIntervalSeconds: options.pollSeconds ?? 1 } });
  const logger = createMemoryLogger();
  const events: Harness['events'] = [];
  const waiters = new Set<() => void>();
  const core = createCore({
    shell: 'browser',
    version: '0.0.0-test',
    platform: process.platform,
    userData,
    settingsStore: settings,
    secrets,
    fetch: fetchLike,
    logger,
    startSandbox: async () => ({
      url: sandbox.url,
      credentials: sandbox.credentials,
      regions: ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'],
      stop: async () => undefined,
    }),
    emit: (channel, payload) => {
      events.push({ channel, payload });
      for (const wake of waiters) wake();
    },
  });
  const guard = new IpcGuard<true>({ handlers: core.handlers, logger, isTrustedSender: (s) => s === true });
  await core.start();
  const harness: Harness = {
    core,
    sandbox,
    userData,
    secrets,
    settings,
    events,
    logs: logger.lines,
    call: (channel, request) => guard.dispatch(channel, true, request) as never,
    value: async (channel, request) => {
      const response = await guard.dispatch(channel, true, request);
      if (!response.ok)
        throw new Error(`${channel} failed: ${response.error.code} ${response.error.message}`);
      return response.value as never;
    },
    waitFor: (predicate, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(predicate);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.payload);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('timed out waiting for an event'));
        }, ms);
        waiters.add(check);
        check();
      }),
    stopCore: () => core.dispose(),
    restart: async () => {
      await core.dispose();
      return startHarness(options, { sandbox, userData, secrets, settings });
    },
    close: async () => {
      await core.dispose();
      await sandbox.stop();
      rmSync(userData, { recursive: true, force: true });
    },
  };
  return harness;
}
