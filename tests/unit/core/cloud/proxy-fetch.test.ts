import { describe, expect, it } from 'vitest';
import {
  chromiumProxyConfig,
  createProxyFetch,
  proxyEnvFor,
  selectProxy,
} from '../../../../electron/core/cloud/transport/proxy-fetch';
import { defaultPreferences, PreferencesSchema, ProxySettingSchema } from '../../../../shared/settings';

const PROXY = 'http://proxy.corp:3128';
const API = 'https://redis.tencentcloudapi.com/';

describe('selectProxy', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    expect(selectProxy(API, { HTTPS_PROXY: PROXY })).toBe(PROXY);
    expect(selectProxy(API, { https_proxy: PROXY, HTTPS_PROXY: 'http://other:1' })).toBe(PROXY);
    expect(selectProxy('http://crs.private.corp:8080/', { http_proxy: PROXY })).toBe(PROXY);
    expect(selectProxy('http://crs.private.corp/', { HTTPS_PROXY: PROXY })).toBeUndefined();
    expect(selectProxy(API, { HTTP_PROXY: PROXY })).toBeUndefined();
    expect(selectProxy(API, {})).toBeUndefined();
    expect(selectProxy(API, { HTTPS_PROXY: '  ' })).toBeUndefined();
  });

  it('adds http:// to a proxy given without a scheme', () => {
    expect(selectProxy(API, { HTTPS_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128');
  });

  it('never proxies loopback, whatever the variables say', () => {
    const env = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, NO_PROXY: '' };
    expect(selectProxy('http://127.0.0.1:9000/', env)).toBeUndefined();
    expect(selectProxy('http://127.1.2.3:9000/', env)).toBeUndefined();
    expect(selectProxy('http://localhost:9000/', env)).toBeUndefined();
    expect(selectProxy('http://[::1]:9000/', env)).toBeUndefined();
  });

  it.each([
    ['*', true],
    ['redis.tencentcloudapi.com', true],
    ['tencentcloudapi.com', true],
    ['.tencentcloudapi.com', true],
    ['*.tencentcloudapi.com', true],
    ['cloudapi.com', false],
    ['redis.tencentcloudapi.com:443', true],
    ['redis.tencentcloudapi.com:8443', false],
    ['example.com, .tencentcloudapi.com', true],
    ['example.com other.org', false],
    ['  REDIS.TencentCloudAPI.com  ', true],
  ])('NO_PROXY=%s bypasses the API host: %s', (noProxy, bypass) => {
    const picked = selectProxy(API, { HTTPS_PROXY: PROXY, NO_PROXY: noProxy });
    expect(picked).toBe(bypass ? undefined : PROXY);
  });

  it('matches ports against the default port of the scheme and explicit ports', () => {
    const env = { http_proxy: PROXY, no_proxy: 'crs.corp:8080' };
    expect(selectProxy('http://crs.corp:8080/', env)).toBeUndefined();
    expect(selectProxy('http://crs.corp/', env)).toBe(PROXY);
    expect(selectProxy('http://crs.corp/', { http_proxy: PROXY, no_proxy: 'crs.corp:80' })).toBeUndefined();
  });

  it('matches IP addresses and bracketed IPv6 entries', () => {
    expect(selectProxy('http://10.0.0.5:9000/', { http_proxy: PROXY, no_proxy: '10.0.0.5' })).toBeUndefined();
    expect(selectProxy('http://10.0.0.50:9000/', { http_proxy: PROXY, no_proxy: '10.0.0.5' })).toBe(PROXY);
    expect(
      selectProxy('http://[fd00::1]:9000/', { http_proxy: PROXY, no_proxy: '[fd00::1]:9000' }),
    ).toBeUndefined();
    expect(selectProxy('http://[fd00::1]:9000/', { http_proxy: PROXY, no_proxy: 'fd00::1' })).toBeUndefined();
  });

  it('prefers lower-case no_proxy and ignores an unparseable URL', () => {
    expect(selectProxy(API, { HTTPS_PROXY: PROXY, no_proxy: 'x.org', NO_PROXY: '*' })).toBe(PROXY);
    expect(selectProxy('not a url', { HTTPS_PROXY: PROXY })).toBeUndefined();
  });
});

describe('createProxyFetch', () => {
  it('builds a fetch with a close()', async () => {
    const fetch = createProxyFetch({ env: {} });
    expect(typeof fetch).toBe('function');
    await fetch.close();
  });
});

describe('proxy preference', () => {
  it('system uses the environment, none nothing, manual its URL and bypass list', () => {
    const env = { https_proxy: 'http://corp:3128' };
    expect(proxyEnvFor({ mode: 'system' }, env)).toBe(env);
    expect(proxyEnvFor({ mode: 'none' }, env)).toEqual({});
    expect(proxyEnvFor({ mode: 'manual', url: 'http://p:8080', noProxy: '.internal' }, env)).toEqual({
      https_proxy: 'http://p:8080',
      http_proxy: 'http://p:8080',
      no_proxy: '.internal',
    });
  });

  it('becomes the same rules for Chromium, never proxying plain local names', () => {
    expect(chromiumProxyConfig({ mode: 'system' })).toEqual({ mode: 'system' });
    expect(chromiumProxyConfig({ mode: 'none' })).toEqual({ mode: 'direct' });
    expect(
      chromiumProxyConfig({ mode: 'manual', url: 'http://p:8080/', noProxy: '.internal, 10.0.0.5:80' }),
    ).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://p:8080',
      proxyBypassRules: '.internal,10.0.0.5:80,<local>',
    });
  });

  it('refuses a proxy URL with a user name or password: the settings file holds no secret', () => {
    expect(ProxySettingSchema.safeParse({ mode: 'manual', url: 'http://user:pass@proxy:3128' }).success).toBe(
      false,
    );
    expect(ProxySettingSchema.safeParse({ mode: 'manual' }).success).toBe(false);
    expect(ProxySettingSchema.safeParse({ mode: 'manual', url: 'http://proxy:3128' }).success).toBe(true);
    expect(PreferencesSchema.parse({ ...defaultPreferences }).proxy).toEqual({ mode: 'system' });
  });
});
