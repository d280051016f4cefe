import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeTexts, resolveApi } from '../../../renderer/src/api';
import { connectBridge, takeLaunchCode, takeResumeTicket } from '../../../renderer/src/api/bridge-client';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';

/** A WebSocket the test drives: it records what the page sends and delivers what the test says. */
class FakeSocket extends EventTarget {
  static OPEN = 1;
  static last: FakeSocket | undefined;
  readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
  }
  send(text: string): void {
    this.sent.push(text);
  }
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(value: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(value) }));
  }
  close(): void {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

const secret = (c: string) => c.repeat(64);

afterEach(() => {
  vi.unstubAllGlobals();
  window.name = '';
  window.history.replaceState(null, '', '/');
});

describe('launch code', () => {
  it('is read once from the fragment and erased from the address bar', () => {
    window.history.replaceState(null, '', `/index.html?x=1#code=${secret('a')}`);
    expect(takeLaunchCode(window.location, window.history)).toBe(secret('a'));
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(takeLaunchCode(window.location, window.history)).toBeUndefined();
  });

  it('ignores anything that is not a 256-bit hex code, and the old token parameter', () => {
    window.history.replaceState(null, '', '/#code=short');
    expect(takeLaunchCode(window.location, window.history)).toBeUndefined();
    window.history.replaceState(null, '', `/#token=${secret('a')}`);
    expect(takeLaunchCode(window.location, window.history)).toBeUndefined();
  });
});

describe('resume ticket', () => {
  it('is read once from window.name, which is then emptied', () => {
    const holder = { name: `crs-desk-resume:${secret('b')}` };
    expect(takeResumeTicket(holder)).toBe(secret('b'));
    expect(holder.name).toBe('');
    expect(takeResumeTicket(holder)).toBeUndefined();
  });

  it("leaves a name that is not the app's alone", () => {
    const holder = { name: 'some other page' };
    expect(takeResumeTicket(holder)).toBeUndefined();
    expect(holder.name).toBe('some other page');
  });
});

describe('bridge client', () => {
  it('says hello first, sends calls only after the answer, and keeps the next ticket in window.name', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const holder = { name: '' };
    const api = connectBridge('ws://127.0.0.1:1/bridge', { code: secret('c') }, holder, en.bridge);
    const socket = FakeSocket.last as FakeSocket;
    socket.open();
    expect(socket.sent).toEqual([JSON.stringify({ hello: { code: secret('c') } })]);
    const info = api.app.info({});
    await Promise.resolve();
    expect(socket.sent).toHaveLength(1);
    socket.receive({ hello: true, key: secret('d'), resume: secret('e') });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    expect(holder.name).toBe(`crs-desk-resume:${secret('e')}`);
    socket.receive({ id: 1, response: { ok: true, value: { shell: 'browser' } } });
    expect(await info).toEqual({ ok: true, value: { shell: 'browser' } });
  });

  it('fetches a parcel with the session key, never with the code', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ id: 1, response: { ok: true, value: 7 } })),
    );
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('fetch', fetchMock);
    const api = connectBridge('ws://127.0.0.1:1/bridge', { code: secret('c') }, { name: '' }, en.bridge);
    const socket = FakeSocket.last as FakeSocket;
    socket.open();
    socket.receive({ hello: true, key: secret('d'), resume: secret('e') });
    const info = api.app.info({});
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    socket.receive({ id: 1, parcel: secret('f').slice(0, 32) });
    expect(await info).toEqual({ ok: true, value: 7 });
    const init = (fetchMock.mock.calls[0] as unknown as [URL, RequestInit])[1];
    expect(init.headers).toEqual({ authorization: `Bearer ${secret('d')}` });
  });

  it('answers every call with the way back in when the core refuses the hello', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const holder = { name: '' };
    const api = connectBridge('ws://127.0.0.1:1/bridge', { resume: secret('c') }, holder, zhCN.bridge);
    const socket = FakeSocket.last as FakeSocket;
    socket.open();
    socket.receive({ hello: false });
    socket.close();
    expect(await api.app.info({})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: zhCN.bridge.sessionEnded },
    });
    expect(holder.name).toBe('');
  });
});

describe('resolveApi', () => {
  it('without a code or a ticket, says how to get in, in the browser language', () => {
    expect(resolveApi(bridgeTexts('en-US'))).toEqual({ error: en.bridge.noConnection });
    expect(bridgeTexts('zh-CN')).toBe(zhCN.bridge);
    expect(en.bridge.noConnection).toContain('no connection to the app core');
  });

  it('reconnects with the ticket a reloaded page left behind, and prefers a fresh code', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    window.name = `crs-desk-resume:${secret('a')}`;
    expect('api' in resolveApi(en.bridge)).toBe(true);
    (FakeSocket.last as FakeSocket).open();
    expect((FakeSocket.last as FakeSocket).sent[0]).toBe(JSON.stringify({ hello: { resume: secret('a') } }));

    window.name = `crs-desk-resume:${secret('a')}`;
    window.history.replaceState(null, '', `/#code=${secret('b')}`);
    resolveApi(en.bridge);
    (FakeSocket.last as FakeSocket).open();
    expect((FakeSocket.last as FakeSocket).sent[0]).toBe(JSON.stringify({ hello: { code: secret('b') } }));
    expect(window.name).toBe('');
  });
});
