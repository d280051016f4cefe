/**
 * The parcel endpoint of browser mode's bridge over real HTTP: a large message is fetched once, by the
 * page it was sent to (with that page's session key), from its own Host and not cross-site; anything else is
 * refused and leaves the parcel in place for the real page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeConnection, BridgeServer } from '../../../electron/browser/bridge-server';
import type { BrowserApp } from '../../../electron/browser/browser-app';
import type { IpcGuard } from '../../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { ok } from '../../../shared/result';
import { connectTestClient } from '../../support/bridge-client';
import { rawRequest, type StubBrowserApp, startStubBrowserApp } from '../../support/stub-browser-app';

let stub: StubBrowserApp;
let app: BrowserApp;
let userData: string;
let port: number;
let origin: string;

beforeAll(async () => {
  stub = await startStubBrowserApp('crs-parcels-');
  ({ app, userData, port, origin } = stub);
});

afterAll(() => stub.stop());

const get = async (path: string, headers: Record<string, string>, method = 'GET') =>
  rawRequest(port, path, headers, method);

/** Broadcasts a large event to a connected page (a bare socket) that does not fetch it. */
async function parcelFor(payload: unknown): Promise<{ id: string; key: string; close: () => Promise<void> }> {
  const ws = new (await import('ws')).default(`ws://127.0.0.1:${port}/bridge`, { headers: { origin } });
  const notices: Array<Record<string, unknown>> = [];
  ws.on('message', (data) => notices.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ hello: { code: app.server.issueCode() } }));
  await expect.poll(() => notices.length).toBe(1);
  const key = String(notices[0]?.key);
  app.server.broadcast('fleet:page', payload);
  await expect.poll(() => notices.length).toBe(2);
  const close = async () => {
    ws.close();
    await new Promise((resolve) => ws.once('close', resolve));
  };
  return { id: String(notices[1]?.parcel), key, close };
}

const big = {
  instances: Array.from({ length: 4000 }, (_, n) => ({ id: `crs-${n}`, name: `默认项目-${n}` })),
};

describe('bridge parcels', () => {
  it("refuses a fetch without the page's key, with a wrong one or another page's, cross-site, from another Host or not a GET", async () => {
    const { id, key, close } = await parcelFor(big);
    const other = await parcelFor({ small: true });
    const host = `127.0.0.1:${port}`;
    const path = `/bridge/parcel/${id}`;
    const bearer = `Bearer ${key}`;
    const wrong = `Bearer ${key.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`;
    expect((await get(path, { host })).status).toBe(403);
    expect((await get(path, { host, authorization: wrong })).status).toBe(403);
    expect((await get(path, { host, authorization: key })).status).toBe(403);
    // Another page's own key does not open this page's parcel, and leaves it waiting.
    expect((await get(path, { host, authorization: `Bearer ${other.key}` })).status).toBe(404);
    await other.close();
    expect((await get(path, { host, authorization: bearer, 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await get(path, { host, authorization: bearer, 'sec-fetch-site': 'same-site' })).status).toBe(
      403,
    );
    expect((await get(path, { host: `evil.example:${port}`, authorization: bearer })).status).toBe(421);
    expect((await get(path, { host, authorization: bearer }, 'POST')).status).toBe(405);
    // None of those took it: the page still gets it, once, as ASCII that parses back to the payload.
    const got = await get(path, { host, authorization: bearer, 'sec-fetch-site': 'same-origin' });
    expect(got.status).toBe(200);
    expect([...got.body].every((ch) => ch.charCodeAt(0) <= 0x7f)).toBe(true);
    expect(JSON.parse(got.body)).toEqual({ event: 'fleet:page', payload: big });
    expect((await get(path, { host, authorization: bearer })).status).toBe(404);
    await close();
  });

  it('drops the parcels of a page that went away before fetching them', async () => {
    const { id, key, close } = await parcelFor(big);
    const waiting = app.server.parcelsWaiting;
    expect(waiting).toBeGreaterThan(0);
    await close();
    await expect.poll(() => app.server.parcelsWaiting).toBe(waiting - 1);
    // The key died with its socket: the fetch is refused before the id is even looked up.
    const authorization = `Bearer ${key}`;
    expect((await get(`/bridge/parcel/${id}`, { host: `127.0.0.1:${port}`, authorization })).status).toBe(
      403,
    );
  });

  it('answers ids it never made, or malformed ones, with 404', async () => {
    const host = `127.0.0.1:${port}`;
    const { key, close } = await parcelFor({ small: true });
    const authorization = `Bearer ${key}`;
    for (const id of ['0'.repeat(32), 'zz', '../../index.html', `${'a'.repeat(32)}/x`, '%2e%2e'])
      expect((await get(`/bridge/parcel/${id}`, { host, authorization })).status).toBe(404);
    await close();
  });

  it('answers a large invoke with a parcel, and a small one in the frame itself', async () => {
    // A server of its own whose guard answers with whatever the request asks for.
    const server = new BridgeServer({
      rendererRoot: join(userData, 'renderer'),
      logger: createMemoryLogger(),
    });
    const guard = { dispatch: async (_channel: unknown, _sender: unknown, request: unknown) => ok(request) };
    server.attach(guard as unknown as IpcGuard<BridgeConnection>);
    const url = await server.listen();
    try {
      const client = await connectTestClient(`${url.replace(/^http/, 'ws')}bridge`, {
        origin: url.slice(0, -1),
      });
      await client.hello(server.issueCode());
      const raw: string[] = [];
      client.ws.on('message', (data) => raw.push(data.toString()));
      expect(await client.invoke('app:info', { small: '小' })).toEqual(ok({ small: '小' }));
      expect(await client.invoke('app:info', big)).toEqual(ok(big));
      expect(raw[0]).toContain('"小"');
      expect(JSON.parse(raw[1] as string)).toEqual({
        id: 2,
        parcel: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      client.close();
    } finally {
      await server.close();
    }
  });
});
