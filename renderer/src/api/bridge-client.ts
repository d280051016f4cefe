/**
 * Browser mode's half of the bridge: the same `RendererApi` the preload exposes, carried over a WebSocket
 * (large messages over HTTP, as parcels).
 * The launch token arrives once in the URL fragment; it is removed from the address bar at once and then
 * lives only in this closure.
 */
import type { EventChannel, InvokeChannel } from '../../../shared/ipc-contract';
import { buildRendererApi, type RendererApi } from '../../../shared/renderer-api';
import { type Envelope, fail } from '../../../shared/result';

/** Reads and erases the token from the fragment. */
export function takeLaunchToken(location: Location, history: History): string | undefined {
  const match = /(?:^#|&)token=([0-9a-f]{64})(?:&|$)/.exec(location.hash);
  if (match) history.replaceState(null, '', location.pathname + location.search);
  return match?.[1];
}

interface BridgeMessage {
  id?: number;
  response?: Envelope<unknown>;
  event?: EventChannel;
  payload?: unknown;
  /** A large message, to fetch over HTTP (see electron/browser/bridge-parcels.ts). */
  parcel?: string;
}

export function connectBridge(url: string, token: string): RendererApi {
  const pending = new Map<number, (response: Envelope<unknown>) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let nextId = 1;
  const socket = new WebSocket(url);
  const decoder = new TextDecoder();
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ hello: token }));
      resolve();
    });
    socket.addEventListener('error', () => reject(new Error('bridge unreachable')));
  });
  const answer = (id: number, response: Envelope<unknown>) => {
    pending.get(id)?.(response);
    pending.delete(id);
  };
  const fetchParcel = async (parcel: string): Promise<BridgeMessage> => {
    const address = new URL(`/bridge/parcel/${encodeURIComponent(parcel)}`, url.replace(/^ws/, 'http'));
    const reply = await fetch(address, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!reply.ok) throw new Error(`parcel ${reply.status}`);
    // Not `reply.json()`: for the 48 MB cached fleet it took 1.7 s against 1.1 s for these three steps.
    return JSON.parse(decoder.decode(await reply.arrayBuffer())) as BridgeMessage;
  };
  const receive = async (text: string) => {
    let message = JSON.parse(text) as BridgeMessage;
    if (typeof message.parcel === 'string') {
      try {
        message = await fetchParcel(message.parcel);
      } catch {
        if (message.id !== undefined)
          answer(message.id, fail('INTERNAL', 'The answer from the app core could not be read.'));
        return;
      }
    }
    if (message.id !== undefined && message.response) answer(message.id, message.response);
    else if (message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  };
  // One message at a time, in arrival order, although a parcel's fetch is asynchronous: an event must not
  // overtake the large one sent before it.
  let received = Promise.resolve();
  socket.addEventListener('message', (event) => {
    const text = String(event.data);
    received = received.then(() => receive(text)).catch(() => undefined);
  });
  socket.addEventListener('close', () => {
    void received.then(() => {
      for (const resolve of pending.values())
        resolve(fail('INTERNAL', 'The connection to the app core was closed.'));
      pending.clear();
    });
  });

  const invoke = async (channel: InvokeChannel, request: unknown): Promise<Envelope<unknown>> => {
    try {
      await opened;
    } catch {
      return fail('INTERNAL', 'The app core is not reachable. Is `npm start` still running?');
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, request }));
    });
  };
  const subscribe = (channel: EventChannel, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  };
  return buildRendererApi(invoke, subscribe);
}
