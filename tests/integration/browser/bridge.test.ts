/**
 * Browser mode's bridge over real HTTP and WebSocket: launch codes and resume tickets, Host and Origin
 * checks, the guarded contract, pushed events, and the static renderer with its CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserApp } from '../../../electron/browser/browser-app';
import { connectTestClient } from '../../support/bridge-client';
import { rawRequest, type StubBrowserApp, startStubBrowserApp } from '../../support/stub-browser-app';

let stub: StubBrowserApp;
let app: BrowserApp;
let port: number;
let origin: string;

const httpGet = (path: string, host: string) => rawRequest(port, path, { host });

beforeAll(async () => {
  stub = await startStubBrowserApp('crs-bridge-');
  ({ app, port, origin } = stub);
});

afterAll(() => stub.stop());

const bridgeUrl = () => `ws://127.0.0.1:${port}/bridge`;

describe('bridge', () => {
  it('binds to loopback and draws 256-bit launch codes, a fresh one each time', () => {
    expect(app.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const code = app.server.issueCode();
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect(app.server.issueCode()).not.toBe(code);
  });

  it('answers the contract once a launch code is presented', async () => {
    const client = await connectTestClient(bridgeUrl(), { origin });
    expect(await client.hello(app.server.issueCode())).toBe(true);
    expect(client.grant.key).toMatch(/^[0-9a-f]{64}$/);
    expect(client.grant.resume).toMatch(/^[0-9a-f]{64}$/);
    expect(await client.invoke('app:info', {})).toMatchObject({
      ok: true,
      value: { shell: 'browser', secretStore: 'session' },
    });
    client.close();
  });

  it('refuses a call before the hello and closes the socket', async () => {
    const client = await connectTestClient(bridgeUrl(), { origin });
    expect(await client.invoke('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await client.closed).toBe(4401);
  });

  it('closes on a wrong code, a bare token or a hello without a credential', async () => {
    for (const credential of [{ code: '0'.repeat(64) }, '0'.repeat(64), {}, { resume: 'x' }]) {
      const client = await connectTestClient(bridgeUrl(), { origin });
      expect(await client.helloWith(credential)).toBe(false);
      expect(await client.closed).toBe(4401);
    }
  });

  it('refuses a used code, even from a page with the right Origin', async () => {
    const code = app.server.issueCode();
    const first = await connectTestClient(bridgeUrl(), { origin });
    expect(await first.hello(code)).toBe(true);
    // Someone who saw the code (in a history file, over a shoulder) forges the app's Origin: nothing.
    const thief = await connectTestClient(bridgeUrl(), { origin });
    expect(await thief.hello(code)).toBe(false);
    expect(await thief.closed).toBe(4401);
    expect(await first.invoke('app:info', {})).toMatchObject({ ok: true });
    first.close();
  });

  it("resumes a closed page's session once with its ticket, which a live page's ticket cannot", async () => {
    const page = await connectTestClient(bridgeUrl(), { origin });
    expect(await page.hello(app.server.issueCode())).toBe(true);
    const live = { ...page.grant };
    // While the page is connected its ticket is worthless (and spent by the attempt).
    const early = await connectTestClient(bridgeUrl(), { origin });
    expect(await early.helloWith({ resume: live.resume })).toBe(false);
    page.close();
    await page.closed;

    const second = await connectTestClient(bridgeUrl(), { origin });
    expect(await second.hello(app.server.issueCode())).toBe(true);
    const ticket = second.grant.resume;
    second.close();
    await second.closed;
    const reloaded = await connectTestClient(bridgeUrl(), { origin });
    expect(await reloaded.helloWith({ resume: ticket })).toBe(true);
    expect(reloaded.grant.resume).not.toBe(ticket);
    expect(await reloaded.invoke('app:info', {})).toMatchObject({ ok: true });
    // The same ticket a second time: refused.
    const replay = await connectTestClient(bridgeUrl(), { origin });
    expect(await replay.helloWith({ resume: ticket })).toBe(false);
    reloaded.close();
  });

  it('refuses a foreign Origin, a missing Origin and a rebinding Host', async () => {
    await expect(connectTestClient(bridgeUrl(), { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(connectTestClient(bridgeUrl())).rejects.toThrow('403');
    await expect(connectTestClient(bridgeUrl(), { origin, host: `evil.example:${port}` })).rejects.toThrow(
      '403',
    );
    await expect(
      connectTestClient(bridgeUrl(), { origin: `http://evil.example:${port}`, host: `evil.example:${port}` }),
    ).rejects.toThrow('403');
  });

  it('accepts localhost as well as 127.0.0.1', async () => {
    const client = await connectTestClient(bridgeUrl(), {
      origin: `http://localhost:${port}`,
      host: `localhost:${port}`,
    });
    expect(await client.hello(app.server.issueCode())).toBe(true);
    client.close();
  });

  it('answers unknown channels, malformed requests and garbage with typed errors', async () => {
    const client = await connectTestClient(bridgeUrl(), { origin });
    await client.hello(app.server.issueCode());
    expect(await client.invoke('shell:exec', { cmd: 'rm -rf /' })).toMatchObject({
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await client.invoke('settings:update', { theme: 42 })).toMatchObject({
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await client.raw('not json')).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect(await client.invoke('app:info', {})).toMatchObject({ ok: true });
    client.close();
  });

  it('pushes settings changes to connected windows', async () => {
    const watcher = await connectTestClient(bridgeUrl(), { origin });
    await watcher.hello(app.server.issueCode());
    const editor = await connectTestClient(bridgeUrl(), { origin });
    await editor.hello(app.server.issueCode());
    expect(await editor.invoke('settings:update', { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    await expect
      .poll(() => watcher.events)
      .toContainEqual({
        event: 'settings:changed',
        payload: expect.objectContaining({ theme: 'dark' }),
      });
    watcher.close();
    editor.close();
  });

  it('hands large messages over as parcels fetched once over HTTP, in order with the small ones', async () => {
    const client = await connectTestClient(bridgeUrl(), { origin });
    await client.hello(app.server.issueCode());
    const notices: Array<Record<string, unknown>> = [];
    client.ws.on('message', (data) => notices.push(JSON.parse(data.toString()) as Record<string, unknown>));
    const page = (count: number) => ({
      profileId: 'p',
      region: 'ap-guangzhou',
      instances: Array.from({ length: count }, (_, n) => ({
        id: `crs-${n}`,
        name: `订单缓存-${n} 🚀\u2028`,
      })),
      progress: { region: 'ap-guangzhou', loaded: count, state: 'loading' },
    });
    app.server.broadcast('fleet:page', page(1));
    app.server.broadcast('fleet:page', page(5000));
    app.server.broadcast('fleet:page', page(2));
    await expect.poll(() => client.events.length).toBe(3);
    // The large one crossed the socket as a notice of a few dozen bytes; its parcel is gone once fetched.
    expect(notices[1]).toEqual({ event: 'fleet:page', parcel: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(notices[0]).toEqual({ event: 'fleet:page', payload: page(1) });
    // In order, and the Chinese text, the emoji and U+2028 survive the ASCII escaping.
    expect(client.events.map((e) => e.payload)).toEqual([page(1), page(5000), page(2)]);
    const again = await fetch(`${origin}/bridge/parcel/${notices[1]?.parcel}`, {
      headers: { authorization: `Bearer ${client.grant.key}` },
    });
    expect(again.status).toBe(404);
    client.close();
  });

  it('serves the renderer with the CSP, and only to its own Host', async () => {
    const page = await httpGet('/', `127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-eval');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect((await httpGet('/', `attacker.example:${port}`)).status).toBe(421);
    expect((await httpGet('/../../package.json', `127.0.0.1:${port}`)).status).toBe(404);
    expect((await httpGet('/%2e%2e/%2e%2e/package.json', `127.0.0.1:${port}`)).status).toBe(404);
  });
});
