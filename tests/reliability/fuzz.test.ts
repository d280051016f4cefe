/**
 * IPC and bridge fuzzing: thousands of generated malformed or hostile requests across every contract
 * channel, through the guard (as Electron's IPC reaches it) and through browser mode's real WebSocket
 * bridge, plus hostile connections (no hello, a wrong, used or expired launch code, a stolen resume ticket,
 * wrong Origin or Host), peers that break the limits before their hello (silent, numerous, large), and
 * hostile fetches of the bridge's parcels (large messages handed over HTTP). Every request must get a
 * typed error envelope; the process must survive; settings, profiles and the user-data files must not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BrowserApp } from '../../electron/browser/browser-app';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { isAppErrorCode } from '../../shared/errors';
import { invokeChannels } from '../../shared/ipc-contract';
import { connectTestClient } from '../support/bridge-client';
import { rawRequest, type StubBrowserApp, startStubBrowserApp } from '../support/stub-browser-app';
import { snapshot } from './support/files';
import { createFuzzer, type FuzzCase } from './support/fuzz-requests';
import { recordFigures, SEED, seededRandom, sized } from './support/scale';

const GUARD_CASES = sized(1000, 3000);
const BRIDGE_CASES = sized(1000, 3000);
/** The bridge's maxPayload (bridge-server.ts), less room for the envelope. */
const FRAME_LIMIT = 4 * 1024 * 1024 - 1024;
/** Tighter than the app's own deadline, so the silent peers below do not make the run slow. */
const HELLO_DEADLINE_MS = 400;

let stub: StubBrowserApp;
let app: BrowserApp;
let userData: string;
let origin: string;
let bridgeUrl: string;
const figures: Record<string, number> = {};

interface Envelope {
  ok: boolean;
  error?: { code: string; message: string };
}

function expectTyped(c: FuzzCase, response: unknown, counts: Map<string, number>): void {
  const envelope = response as Envelope;
  const context = `${c.kind} on ${String(c.channel).slice(0, 40)}`;
  expect(envelope.ok, context).toBe(false);
  expect(envelope.error?.code, context).toBe(c.expected);
  expect(isAppErrorCode(envelope.error?.code), context).toBe(true);
  expect(envelope.error?.message.length ?? 0, context).toBeGreaterThan(10);
  counts.set(c.expected, (counts.get(c.expected) ?? 0) + 1);
}

async function state(): Promise<unknown> {
  return {
    settings: await app.core.handlers['settings:get']({}),
    profiles: await app.core.handlers['profiles:list']({}),
    tasks: await app.core.handlers['tasks:list']({}),
    // The launch file renews its code every minute by design; everything else must stay as it was.
    files: snapshot(userData, ['launch']),
  };
}

beforeAll(async () => {
  stub = await startStubBrowserApp('crs-fuzz-', { helloDeadlineMs: HELLO_DEADLINE_MS });
  ({ app, userData, origin, bridgeUrl } = stub);
  // One real profile and a saved preference, so "no change of state" has something to protect.
  await app.core.handlers['settings:update']({ pollIntervalSeconds: 3 });
  await app.core.handlers['profiles:create']({
    name: 'kept',
    secretId: 'AKIDkept',
    secretKey: 'kept-secret',
    generation: 'v3',
    regions: ['ap-guangzhou'],
    defaultRegion: 'ap-guangzhou',
    environment: 'testing',
    requestTimeoutSeconds: 30,
    signatureMethod: 'HmacSHA1',
  });
});

afterAll(async () => {
  await stub?.stop();
  recordFigures('fuzz', figures);
});

describe('IPC and bridge fuzzing', () => {
  it(`answers ${GUARD_CASES} hostile requests through the guard with typed errors, changing nothing`, async () => {
    const before = await state();
    const fuzz = createFuzzer(seededRandom(SEED), { maxString: 1_000_000 });
    const { IpcGuard } = await import('../../electron/core/ipc/guard');
    const guard = new IpcGuard<boolean>({
      handlers: app.core.handlers,
      logger: createMemoryLogger(),
      isTrustedSender: (trusted) => trusted,
    });
    const counts = new Map<string, number>();
    const channels = new Set<unknown>();
    for (let i = 0; i < GUARD_CASES; i++) {
      const c = fuzz.next(i);
      channels.add(c.channel);
      expectTyped(c, await guard.dispatch(c.channel, true, c.request), counts);
    }
    // A foreign sender (another frame, a stray window) is refused whatever it sends.
    for (const channel of invokeChannels) {
      expectTyped(
        { kind: 'foreign', channel, request: {}, expected: 'FORBIDDEN_SENDER' as never },
        await guard.dispatch(channel, false, {}),
        counts,
      );
    }
    for (const channel of invokeChannels) expect(channels.has(channel), channel).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await state()).toEqual(before);
    figures.guardRequests = GUARD_CASES + invokeChannels.length;
    for (const [code, n] of counts) figures[`guard ${code}`] = n;
  });

  it(`answers ${BRIDGE_CASES} hostile frames over the WebSocket bridge with typed errors, changing nothing`, async () => {
    const before = await state();
    // Frames stay under the bridge's 4 MB limit here (8-byte units × 300k); oversize frames are tested below.
    const fuzz = createFuzzer(seededRandom(SEED + 1), { maxString: 300_000 });
    const client = await connectTestClient(bridgeUrl, { origin });
    expect(await client.hello(app.server.issueCode())).toBe(true);
    const counts = new Map<string, number>();
    for (let i = 0; i < BRIDGE_CASES; i++) {
      let c = fuzz.next(i);
      // Several huge fields can add up past the 4 MB frame limit, which closes the socket by design (tested
      // below); such a case is replaced by the next one.
      while (
        Buffer.byteLength(JSON.stringify({ id: i, channel: c.channel, request: c.request }) ?? '') >
        FRAME_LIMIT
      )
        c = fuzz.next(i);
      expectTyped(c, await client.invoke(c.channel, c.request), counts);
      // Now and then a frame that is not a request at all.
      if (i % 25 === 0) {
        const raw = [
          'not json',
          '[]',
          '{"id":"1"}',
          `{"id":${i}}`,
          'null',
          '{"id":1e400,"channel":"app:info"}',
        ];
        const text = raw[i % raw.length] ?? 'x';
        expectTyped(
          { kind: 'frame', channel: 'raw', request: text, expected: 'INVALID_REQUEST' },
          await client.raw(text),
          counts,
        );
        figures.bridgeRawFrames = (figures.bridgeRawFrames ?? 0) + 1;
      }
    }
    client.close();
    expect(await state()).toEqual(before);
    figures.bridgeRequests = BRIDGE_CASES;
    for (const [code, n] of counts) figures[`bridge ${code}`] = n;
  });

  it('refuses connections without a hello, with a wrong, used or spent credential, or from a foreign Origin or Host', async () => {
    const before = await state();
    const attempts = sized(20, 100);
    let forbidden = 0;
    let badCredential = 0;
    let refusedUpgrade = 0;
    for (let i = 0; i < attempts; i++) {
      const anonymous = await connectTestClient(bridgeUrl, { origin });
      const channel = invokeChannels[i % invokeChannels.length];
      expect(await anonymous.invoke(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
      // A request before the hello ends the connection: one refusal, not one per frame.
      expect(await anonymous.closed).toBe(4401);
      forbidden++;
      // A code one character off, a bare 64-hex token, a code already used by a page (a stolen one, with
      // the app's own Origin forged), a page's spent resume ticket, or junk.
      const used = app.server.issueCode();
      const page = await connectTestClient(bridgeUrl, { origin });
      expect(await page.hello(used)).toBe(true);
      const spentTicket = page.grant.resume;
      page.close();
      await page.closed;
      const reloaded = await connectTestClient(bridgeUrl, { origin });
      expect(await reloaded.helloWith({ resume: spentTicket })).toBe(true);
      const fresh = app.server.issueCode();
      const credential = [
        { code: fresh.replace(/.$/, (ch: string) => (ch === '0' ? '1' : '0')) },
        'x'.repeat(64),
        { code: used },
        { resume: spentTicket },
        { code: fresh, resume: fresh },
        { code: ['x'] },
      ][i % 6];
      const wrong = await connectTestClient(bridgeUrl, { origin });
      expect(await wrong.helloWith(credential)).toBe(false);
      expect(await wrong.closed).toBe(4401);
      expect(await reloaded.invoke('app:info', {})).toMatchObject({ ok: true });
      reloaded.close();
      badCredential++;
      const headers: Record<string, string> =
        i % 2 === 0
          ? { origin: 'http://evil.example' }
          : { origin, host: `evil.example:${new URL(origin).port}` };
      await expect(connectTestClient(bridgeUrl, headers)).rejects.toThrow(/403/);
      refusedUpgrade++;
    }
    expect(await state()).toEqual(before);
    Object.assign(figures, {
      forbiddenWithoutHello: forbidden,
      badCredentials: badCredential,
      refusedUpgrades: refusedUpgrade,
    });
  });

  it('refuses an expired code', async () => {
    const { BridgeServer } = await import('../../electron/browser/bridge-server');
    const server = new BridgeServer({
      rendererRoot: stub.rendererRoot,
      logger: createMemoryLogger(),
      auth: { codeTtlMs: 50 },
    });
    const url = await server.listen();
    try {
      const code = server.issueCode();
      await new Promise((resolve) => setTimeout(resolve, 80));
      const late = await connectTestClient(`${url.replace(/^http/, 'ws')}bridge`, {
        origin: url.slice(0, -1),
      });
      expect(await late.helloWith({ code })).toBe(false);
      expect(await late.closed).toBe(4401);
    } finally {
      await server.close();
    }
    figures.expiredCodes = 1;
  });

  it('cuts off peers that stay silent, crowd in or send too much before their hello, one log line each', async () => {
    // A server of its own, so its log holds only these peers (the refusal log's budget is per minute).
    const { BridgeServer } = await import('../../electron/browser/bridge-server');
    const logger = createMemoryLogger();
    const server = new BridgeServer({
      rendererRoot: stub.rendererRoot,
      logger,
      limits: { helloDeadlineMs: HELLO_DEADLINE_MS },
    });
    const url = await server.listen();
    const ws = `${url.replace(/^http/, 'ws')}bridge`;
    const own = { origin: url.slice(0, -1) };
    try {
      // Silent peers: each is closed at the hello deadline.
      const silent = await Promise.all(Array.from({ length: 4 }, () => connectTestClient(ws, own)));
      for (const peer of silent) expect(await peer.closed).toBe(4408);
      // Crowding: while the cap of connections without a hello is reached, the next upgrade is refused.
      const crowd = await Promise.all(Array.from({ length: 8 }, () => connectTestClient(ws, own)));
      await expect(connectTestClient(ws, own)).rejects.toThrow(/503/);
      for (const peer of crowd) expect(await peer.closed).toBe(4408);
      await expect.poll(() => server.unauthenticated).toBe(0);
      // Large: a 1 MB frame before the hello is cut off as it arrives (abruptly: 1006); nothing is parsed.
      const large = await connectTestClient(ws, own);
      large.ws.send(JSON.stringify({ hello: { code: 'a'.repeat(1024 * 1024) } }));
      expect(await large.closed).toBe(1006);
      // A chatty peer: fifty frames before a hello cost one line, as does every refused peer above.
      const chatty = await connectTestClient(ws, own);
      for (let i = 0; i < 50; i++)
        chatty.ws.send(JSON.stringify({ id: i, channel: 'app:info', request: {} }));
      expect(await chatty.closed).toBe(4401);
      const refusals = logger.lines.filter((line) => line.includes('refused bridge peer'));
      expect(refusals).toHaveLength(4 + 8 + 1 + 1 + 1);
      // Someone who does things right is still let in.
      const page = await connectTestClient(ws, own);
      expect(await page.hello(server.issueCode())).toBe(true);
      page.close();
    } finally {
      await server.close();
    }
    Object.assign(figures, {
      silentPeersClosed: 12,
      crowdRefused: 1,
      largeBeforeHelloCut: 1,
      chattyPeers: 1,
    });
  }, 30_000);

  it('refuses hostile parcel fetches, and leaves a waiting parcel to its page', async () => {
    // A real parcel waits throughout: a large event pushed to a page (a bare socket) that fetches it last.
    const page = new WebSocket(bridgeUrl, { headers: { origin } });
    const notices: Array<Record<string, unknown>> = [];
    page.on('message', (data) => notices.push(JSON.parse(data.toString())));
    await new Promise((resolve) => page.once('open', resolve));
    page.send(JSON.stringify({ hello: { code: app.server.issueCode() } }));
    await expect.poll(() => notices.length).toBe(1);
    const key = String(notices[0]?.key);
    const payload = {
      instances: Array.from({ length: 3000 }, (_, n) => ({ id: `crs-${n}`, name: `缓存-${n}` })),
    };
    app.server.broadcast('fleet:page', payload);
    await expect.poll(() => notices.length).toBe(2);
    const waiting = String(notices[1]?.parcel);
    const port = Number(new URL(origin).port);
    const random = seededRandom(SEED + 17);
    const attempts = sized(200, 1000);
    const statuses = new Map<number, number>();
    for (let i = 0; i < attempts; i++) {
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
      const id = pick([
        waiting,
        Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join(''),
        '../../index.html',
        '%2e%2e%2fpackage.json',
        `${waiting}?x=1`,
        '键'.repeat(8),
        'A'.repeat(5000),
      ]);
      const good = `Bearer ${key}`;
      const variant = i % 7;
      const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
      if (variant === 0) headers.authorization = `Bearer ${'x'.repeat(64)}`;
      if (variant === 1) headers.authorization = key;
      if (variant === 2) Object.assign(headers, { authorization: good, 'sec-fetch-site': 'cross-site' });
      if (variant === 3) Object.assign(headers, { authorization: good, host: `evil.example:${port}` });
      if (variant === 4) headers.authorization = `Bearer ${key.slice(0, -1)}${random() < 0.5 ? 'z' : ''}`;
      const method = variant === 5 ? pick(['POST', 'PUT', 'DELETE']) : 'GET';
      if (variant === 5) headers.authorization = good;
      // Everything right but the id: anything but the waiting parcel's exact id.
      if (variant === 6) Object.assign(headers, { authorization: good, 'sec-fetch-site': 'same-origin' });
      const target = variant === 6 && id === waiting ? 'f'.repeat(32) : id;
      const { status } = await rawRequest(port, `/bridge/parcel/${encodeURI(target)}`, headers, method);
      expect([403, 404, 405, 421], `variant ${variant}`).toContain(status);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // The page's fetch still finds its parcel, once.
    const reply = await fetch(`${origin}/bridge/parcel/${waiting}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as { payload: unknown }).payload).toEqual(payload);
    page.close();
    figures.hostileParcelFetches = attempts;
    for (const [status, n] of statuses) figures[`parcel HTTP ${status}`] = n;
  });

  it('closes a connection that sends a frame over the 4 MB limit, and keeps serving others', async () => {
    const client = await connectTestClient(bridgeUrl, { origin });
    expect(await client.hello(app.server.issueCode())).toBe(true);
    client.ws.send(
      JSON.stringify({ id: 1, channel: 'profiles:create', request: { name: 'x'.repeat(5 * 2 ** 20) } }),
    );
    // 1009: message too big. Nothing was parsed, so nothing reached the guard.
    expect(await client.closed).toBe(1009);
    figures.oversizeFramesClosed = 1;
  });

  it('is still serving after the fuzzing', async () => {
    const client = await connectTestClient(bridgeUrl, { origin });
    expect(await client.hello(app.server.issueCode())).toBe(true);
    expect(await client.invoke('app:info', {})).toMatchObject({ ok: true, value: { shell: 'browser' } });
    client.close();
    figures.total =
      (figures.guardRequests ?? 0) +
      (figures.bridgeRequests ?? 0) +
      (figures.bridgeRawFrames ?? 0) +
      (figures.forbiddenWithoutHello ?? 0) +
      (figures.badCredentials ?? 0) +
      (figures.refusedUpgrades ?? 0) +
      (figures.expiredCodes ?? 0) +
      (figures.silentPeersClosed ?? 0) +
      (figures.crowdRefused ?? 0) +
      (figures.largeBeforeHelloCut ?? 0) +
      (figures.chattyPeers ?? 0) +
      (figures.hostileParcelFetches ?? 0) +
      (figures.oversizeFramesClosed ?? 0);
  });
});
