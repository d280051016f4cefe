/**
 * The proxy setting against a real local proxy. The sandbox is reached as `sandbox.test:PORT`, a name only the
 * proxy resolves (to 127.0.0.1): a call that succeeds went through the proxy, one that goes direct cannot even
 * resolve the name. Loopback itself is never proxied, so this is the only way to see the proxy on one machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../electron/core/cloud/api3/api3-client';
import { createProxyFetch, proxyEnvFor } from '../../../electron/core/cloud/transport/proxy-fetch';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../sandbox/constants';
import { type RunningSandbox, startSandbox } from '../../../sandbox/index';
import type { ProxySetting } from '../../../shared/settings';
import { type LocalProxy, startLocalProxy } from '../../support/local-proxy';

let sandbox: RunningSandbox;
let proxy: LocalProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  proxy = await startLocalProxy('sandbox.test');
});

afterAll(async () => {
  proxy.close();
  await sandbox.stop();
});

function client(setting: ProxySetting, processEnv: Record<string, string> = {}) {
  const fetch = createProxyFetch({ env: () => proxyEnvFor(setting, processEnv), connectTimeoutMs: 3000 });
  const api = new Api3CrsClient({
    fetch,
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    now: Date.now,
    random: Math.random,
    sleep: async () => undefined,
    logger: createMemoryLogger(),
    endpoint: `http://sandbox.test:${sandbox.port}`,
    timeoutMs: 5000,
    retry: { maxAttempts: 1 },
  });
  return { api, close: () => fetch.close() };
}

const list = (api: Api3CrsClient) => api.describeInstances({ region: 'ap-guangzhou', limit: 10, offset: 0 });

describe('proxy setting against a real local proxy', () => {
  it('manual: every call goes through the given proxy', async () => {
    const before = proxy.tunnels.length;
    const { api, close } = client({ mode: 'manual', url: proxy.url });
    const page = await list(api);
    expect(page.total).toBeGreaterThan(0);
    expect(proxy.tunnels.slice(before)).toContain(`sandbox.test:${sandbox.port}`);
    await close();
  });

  it('manual with the host in the bypass list: goes direct (and cannot resolve the name)', async () => {
    const before = proxy.tunnels.length;
    const { api, close } = client({ mode: 'manual', url: proxy.url, noProxy: '.test' });
    await expect(list(api)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(proxy.tunnels.length).toBe(before);
    await close();
  });

  it('none: goes direct even when the environment names a proxy', async () => {
    const before = proxy.tunnels.length;
    const { api, close } = client({ mode: 'none' }, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    await expect(list(api)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(proxy.tunnels.length).toBe(before);
    await close();
  });

  it('system: follows the environment', async () => {
    const before = proxy.tunnels.length;
    const { api, close } = client({ mode: 'system' }, { http_proxy: proxy.url });
    expect((await list(api)).total).toBeGreaterThan(0);
    expect(proxy.tunnels.length).toBeGreaterThan(before);
    await close();
  });
});
