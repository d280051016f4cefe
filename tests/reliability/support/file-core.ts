/**
 * A core whose settings and secrets live in files under user data, so a process that is SIGKILLed and
 * started again finds its profile where a real app would (conf / electron-store and the keychain). The
 * secret file is test scaffolding holding the sandbox's public key pair, never a product code path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Core, createCore } from '../../../electron/core/app-core';
import { IpcGuard } from '../../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import type { SecretStore } from '../../../electron/core/secrets/secret-store';
import type { DocumentStore } from '../../../electron/core/settings/settings-service';
import { writeFileAtomicSync } from '../../../electron/core/storage/atomic-file';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../../shared/ipc-contract';
import type { Envelope } from '../../../shared/result';

const readJson = (path: string): Record<string, unknown> =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};

function fileDocument(path: string): DocumentStore {
  return {
    get store() {
      return readJson(path);
    },
    set store(value) {
      writeFileAtomicSync(path, JSON.stringify(value));
    },
  };
}

class FileSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  constructor(private readonly path: string) {}
  async get(account: string) {
    const value = readJson(this.path)[account];
    return typeof value === 'string' ? value : undefined;
  }
  async set(account: string, secret: string) {
    writeFileAtomicSync(this.path, JSON.stringify({ ...readJson(this.path), [account]: secret }));
  }
  async delete(account: string) {
    const all = readJson(this.path);
    const had = Object.hasOwn(all, account);
    delete all[account];
    writeFileAtomicSync(this.path, JSON.stringify(all));
    return had;
  }
  async accounts() {
    return Object.keys(readJson(this.path));
  }
}

export interface FileCore {
  core: Core;
  call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  value<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
}

export async function startFileCore(userData: string, sandboxUrl: string): Promise<FileCore> {
  const logger = createMemoryLogger();
  const core = createCore({
    shell: 'browser',
    version: '0.0.0-crash',
    platform: process.platform,
    userData,
    settingsStore: fileDocument(join(userData, 'settings.json')),
    secrets: new FileSecretStore(join(userData, 'test-secrets.json')),
    fetch: (url, init) => fetch(url, init),
    logger,
    startSandbox: () => Promise.reject(new Error(`not used; the sandbox is at ${sandboxUrl}`)),
    emit: () => undefined,
  });
  const guard = new IpcGuard<true>({ handlers: core.handlers, logger, isTrustedSender: (s) => s === true });
  await core.start();
  const call: FileCore['call'] = (channel, request) => guard.dispatch(channel, true, request) as never;
  return {
    core,
    call,
    value: async (channel, request) => {
      const response = await call(channel, request);
      if (!response.ok) throw new Error(`${channel}: ${response.error.code} ${response.error.message}`);
      return response.value as never;
    },
  };
}
