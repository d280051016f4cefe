/**
 * A Node WebSocket client for the browser-mode bridge, for integration tests and the fuzzers. Like the
 * renderer's, it fetches large messages (parcels) over HTTP with the token it said hello with, and handles
 * messages in arrival order.
 */
import WebSocket from 'ws';

export interface TestBridgeClient {
  ws: WebSocket;
  hello(token: string): Promise<unknown>;
  invoke(channel: unknown, request: unknown): Promise<unknown>;
  raw(text: string): Promise<unknown>;
  events: Array<{ event: string; payload: unknown }>;
  closed: Promise<number>;
  close(): void;
}

export async function connectTestClient(
  url: string,
  headers: Record<string, string> = {},
): Promise<TestBridgeClient> {
  const ws = new WebSocket(url, { headers });
  const queue: Array<(message: Record<string, unknown>) => void> = [];
  const events: TestBridgeClient['events'] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  let token = '';
  const unwrap = async (message: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (typeof message.parcel !== 'string') return message;
    const address = new URL(`/bridge/parcel/${message.parcel}`, url.replace(/^ws/, 'http'));
    const reply = await fetch(address, { headers: { authorization: `Bearer ${token}` } });
    if (!reply.ok) throw new Error(`parcel fetch: HTTP ${reply.status}`);
    return (await reply.json()) as Record<string, unknown>;
  };
  let received = Promise.resolve();
  ws.on('message', (data) => {
    const text = data.toString();
    received = received.then(async () => {
      const message = await unwrap(JSON.parse(text) as Record<string, unknown>);
      if (typeof message.event === 'string') events.push({ event: message.event, payload: message.payload });
      else queue.shift()?.(message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => queue.push(resolve));
  let id = 0;
  return {
    ws,
    events,
    closed,
    hello: async (presented) => {
      token = presented;
      const reply = next();
      ws.send(JSON.stringify({ hello: presented }));
      return (await reply).hello;
    },
    invoke: async (channel, request) => {
      const reply = next();
      ws.send(JSON.stringify({ id: ++id, channel, request }));
      return (await reply).response;
    },
    raw: async (text) => {
      const reply = next();
      ws.send(text);
      return (await reply).response;
    },
    close: () => ws.close(),
  };
}
