/**
 * A Node WebSocket client for the browser-mode bridge, for integration tests and the fuzzers. Like the
 * renderer's, it says hello with a launch code (or a resume ticket), fetches large messages (parcels) over
 * HTTP with the session key it got back, and handles messages in arrival order.
 */
import WebSocket from 'ws';

export interface TestBridgeClient {
  ws: WebSocket;
  /** Says hello with a launch code; true when the core accepted it. */
  hello(code: string): Promise<unknown>;
  /** Says hello with any credential (`{code}`, `{resume}`, or something hostile). */
  helloWith(credential: unknown): Promise<unknown>;
  /** What the last accepted hello granted. */
  grant: { key: string; resume: string };
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
  const grant = { key: '', resume: '' };
  const unwrap = async (message: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (typeof message.parcel !== 'string') return message;
    const address = new URL(`/bridge/parcel/${message.parcel}`, url.replace(/^ws/, 'http'));
    const reply = await fetch(address, { headers: { authorization: `Bearer ${grant.key}` } });
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
  const helloWith = async (credential: unknown): Promise<unknown> => {
    const reply = next();
    ws.send(JSON.stringify({ hello: credential }));
    const answer: Record<string, unknown> = await Promise.race([
      reply,
      closed.then(() => ({ hello: false })),
    ]);
    if (answer.hello === true) Object.assign(grant, { key: answer.key, resume: answer.resume });
    return answer.hello;
  };
  return {
    ws,
    events,
    closed,
    grant,
    hello: (code) => helloWith({ code }),
    helloWith,
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
