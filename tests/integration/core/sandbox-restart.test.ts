/**
 * The built-in sandbox survives a restart: a new core over the same settings and keychain starts it again for
 * the profile last in use, on its old port when free, else on another port with the profile updated; the
 * profile then answers as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoSandbox } from '../../../electron/boot/demo-sandbox';
import { type Core, createCore } from '../../../electron/core/app-core';
import { IpcGuard } from '../../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../../shared/ipc-contract';
import { memoryDocument } from '../../support/core-harness';

const userData = mkdtempSync(join(tmpdir(), 'crs-sandbox-restart-'));
const settings = memoryDocument();
const secrets = new MemorySecretStore();

async function boot(): Promise<{
  core: Core;
  value: <C extends InvokeChannel>(c: C, r: RequestOf<C>) => Promise<ResponseOf<C>>;
}> {
  const logger = createMemoryLogger();
  const core = createCore({
    shell: 'browser',
    version: '0.0.0-test',
    platform: process.platform,
    userData,
    settingsStore: settings,
    secrets,
    fetch: (url, init) => fetch(url, init),
    logger,
    startSandbox: startDemoSandbox,
    emit: () => undefined,
  });
  const guard = new IpcGuard<true>({ handlers: core.handlers, logger, isTrustedSender: (s) => s === true });
  await core.start();
  return {
    core,
    value: async (channel, request) => {
      const answer = await guard.dispatch(channel, true, request);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}`);
      return answer.value as never;
    },
  };
}

const portOf = (endpoint: string | undefined) => Number(/:(\d+)$/.exec(endpoint ?? '')?.[1]);

describe('the built-in sandbox across restarts', () => {
  it('starts again on the same port, or on another one with the profile updated', async () => {
    const first = await boot();
    const profile = await first.value('sandbox:start', {});
    await first.value('settings:update', { lastProfileId: profile.id });
    const port = portOf(profile.endpoint);
    await first.core.dispose();
    expect((await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status).toBeUndefined();

    const second = await boot();
    expect(await second.value('sandbox:status', {})).toEqual({ running: true, profileId: profile.id });
    expect(portOf((await second.value('profiles:list', {}))[0]?.endpoint)).toBe(port);
    expect((await second.value('profiles:test', { id: profile.id })).ok).toBe(true);
    await second.core.dispose();

    // Something else took the port meanwhile: the sandbox starts elsewhere and the profile follows it.
    const squatter = createServer().listen(port, '127.0.0.1');
    try {
      const third = await boot();
      const moved = (await third.value('profiles:list', {}))[0];
      expect(portOf(moved?.endpoint)).not.toBe(port);
      expect((await third.value('profiles:test', { id: profile.id })).ok).toBe(true);
      expect(await third.value('sandbox:stop', {})).toEqual({ stopped: true });
      expect((await third.value('sandbox:status', {})).running).toBe(false);
      await third.core.dispose();
    } finally {
      squatter.close();
      rmSync(userData, { recursive: true, force: true });
    }
  }, 60_000);
});
