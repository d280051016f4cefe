/**
 * A fetch for the CRS clients that honours the usual proxy variables — HTTPS_PROXY / HTTP_PROXY / NO_PROXY,
 * lower case first, as curl does. Corporate desktops set these, and Node's built-in fetch ignores them.
 * Loopback is never proxied (whatever NO_PROXY says): the local sandbox must not be routed through a
 * proxy, the trap the official SDK falls into (crs-api.md §4.4).
 */
import { Agent, type Dispatcher, ProxyAgent, fetch as undiciFetch } from 'undici';
import type { ProxySetting } from '../../../../shared/settings';
import type { FetchLike, FetchResponseLike } from '../crs-api';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function envValue(env: ProxyEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/** One NO_PROXY entry against a host and port: `host`, `.host`, `*.host`, `host:port`, `[v6]:port`, `*`. */
function matchesNoProxy(entry: string, hostname: string, port: string): boolean {
  let pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  if (pattern === '*') return true;
  let entryPort: string | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(pattern);
  if (v6) {
    pattern = v6[1] ?? '';
    entryPort = v6[2];
  } else {
    const withPort = /^(.*):(\d+)$/.exec(pattern);
    // More than one colon without brackets is a bare IPv6 address, not host:port.
    if (withPort && !(withPort[1] ?? '').includes(':')) {
      pattern = withPort[1] ?? '';
      entryPort = withPort[2];
    }
  }
  if (entryPort !== undefined && entryPort !== port) return false;
  if (pattern.startsWith('*.')) pattern = pattern.slice(1);
  if (pattern.startsWith('.')) {
    const bare = pattern.slice(1);
    return hostname === bare || hostname.endsWith(pattern);
  }
  return hostname === pattern || hostname.endsWith(`.${pattern}`);
}

/**
 * The proxy URL to use for `url`, or undefined for a direct connection. Pure, for testing: `env` is
 * typically `process.env`.
 */
export function selectProxy(url: string, env: ProxyEnv): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  const hostname = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopback(hostname)) return undefined;
  const port = target.port || defaultPort(target.protocol);
  const noProxy = envValue(env, 'no_proxy');
  if (noProxy?.split(/[\s,]+/).some((entry) => matchesNoProxy(entry, hostname, port))) return undefined;
  const proxy =
    target.protocol === 'https:'
      ? envValue(env, 'https_proxy')
      : target.protocol === 'http:'
        ? envValue(env, 'http_proxy')
        : undefined;
  if (!proxy) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/**
 * The proxy variables a proxy setting stands for: the process's own for `system`, none for `none`, the
 * setting's URL and bypass list for `manual`.
 */
export function proxyEnvFor(setting: ProxySetting, processEnv: ProxyEnv): ProxyEnv {
  if (setting.mode === 'system') return processEnv;
  if (setting.mode === 'none' || !setting.url) return {};
  return { https_proxy: setting.url, http_proxy: setting.url, no_proxy: setting.noProxy ?? '' };
}

/**
 * The same setting for Chromium's network stack (Electron's session.setProxy): `system` follows the OS, `none`
 * goes direct, `manual` uses fixed servers. `<local>` keeps plain host names and loopback off the proxy, as
 * selectProxy does for the undici path.
 */
export function chromiumProxyConfig(setting: ProxySetting): {
  mode: 'system' | 'direct' | 'fixed_servers';
  proxyRules?: string;
  proxyBypassRules?: string;
} {
  if (setting.mode === 'system') return { mode: 'system' };
  if (setting.mode === 'none' || !setting.url) return { mode: 'direct' };
  const bypass = (setting.noProxy ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .concat('<local>');
  return {
    mode: 'fixed_servers',
    proxyRules: setting.url.replace(/\/$/, ''),
    proxyBypassRules: bypass.join(','),
  };
}

export interface ProxyFetchOptions {
  /** The proxy variables, read per request so a changed setting applies to the next call. */
  env: ProxyEnv | (() => ProxyEnv);
  /** Connection (TCP + TLS) timeout; the request timeout is applied by the clients. */
  connectTimeoutMs?: number;
}

/** Builds a fetch that picks a direct or proxied undici dispatcher per request URL. */
export function createProxyFetch(options: ProxyFetchOptions): FetchLike & { close(): Promise<void> } {
  const connect = { timeout: options.connectTimeoutMs ?? 10_000 };
  const direct = new Agent({ connect });
  const proxied = new Map<string, ProxyAgent>();
  const dispatcherFor = (url: string): Dispatcher => {
    const proxy = selectProxy(url, typeof options.env === 'function' ? options.env() : options.env);
    if (!proxy) return direct;
    let agent = proxied.get(proxy);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy, connect });
      proxied.set(proxy, agent);
    }
    return agent;
  };
  const fetch = async (url: string, init: Parameters<FetchLike>[1]): Promise<FetchResponseLike> =>
    undiciFetch(url, { ...init, dispatcher: dispatcherFor(url) });
  return Object.assign(fetch, {
    close: async () => {
      await Promise.all([direct.close(), ...[...proxied.values()].map((agent) => agent.close())]);
    },
  });
}
