/**
 * Browser mode's half of the bridge: the same `RendererApi` the preload exposes, carried over a WebSocket.
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

export function connectBridge(url: string, token: string): RendererApi {
  const pending = new Map<number, (response: Envelope<unknown>) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let nextId = 1;
  const socket = new WebSocket(url);
  // Large answers come as binary frames of UTF-8 JSON (see bridge-server.ts toFrame).
  socket.binaryType = 'arraybuffer';
  const decoder = new TextDecoder();
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ hello: token }));
      resolve();
    });
    socket.addEventListener('error', () => reject(new Error('bridge unreachable')));
  });
  socket.addEventListener('message', (event) => {
    const text = event.data instanceof ArrayBuffer ? decoder.decode(event.data) : String(event.data);
    const message = JSON.parse(text) as {
      id?: number;
      response?: Envelope<unknown>;
      event?: EventChannel;
      payload?: unknown;
    };
    if (message.id !== undefined && message.response) {
      pending.get(message.id)?.(message.response);
      pending.delete(message.id);
    } else if (message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values())
      resolve(fail('INTERNAL', 'The connection to the app core was closed.'));
    pending.clear();
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
