/**
 * Browser mode's half of the bridge: the same `RendererApi` the preload exposes, carried over a WebSocket
 * (large messages over HTTP, as parcels).
 *
 * The window arrives with a single-use launch code in the URL fragment (from the private launch file); it is
 * removed from the address bar at once and exchanged at the first hello for a session: a parcel key that lives
 * only in this closure, and a resume ticket kept in `window.name`, the one place that survives a reload (F5)
 * without being written to disk by Chromium (sessionStorage is: under the profile's "Session Storage" folder).
 * Each connection gets a fresh ticket, and the core honours one only after this page's socket has closed.
 */
import type { EventChannel, InvokeChannel } from '../../../shared/ipc-contract';
import { buildRendererApi, type RendererApi } from '../../../shared/renderer-api';
import { type Envelope, fail } from '../../../shared/result';

export type BridgeCredential = { code: string } | { resume: string };

/** What the page says when it cannot (or can no longer) reach the core; from the i18n files. */
export interface BridgeTexts {
  noConnection: string;
  sessionEnded: string;
  unreachable: string;
  closed: string;
  unreadable: string;
}

const SECRET = /^[0-9a-f]{64}$/;
const RESUME_PREFIX = 'crs-desk-resume:';

/** Reads and erases the launch code from the fragment. */
export function takeLaunchCode(location: Location, history: History): string | undefined {
  const match = /(?:^#|&)code=([0-9a-f]{64})(?:&|$)/.exec(location.hash);
  if (match) history.replaceState(null, '', location.pathname + location.search);
  return match?.[1];
}

/** Reads and erases the resume ticket a previous page of this window left in `window.name`. */
export function takeResumeTicket(holder: { name: string }): string | undefined {
  const name = holder.name;
  if (!name.startsWith(RESUME_PREFIX)) return undefined;
  holder.name = '';
  const ticket = name.slice(RESUME_PREFIX.length);
  return SECRET.test(ticket) ? ticket : undefined;
}

interface BridgeMessage {
  id?: number;
  response?: Envelope<unknown>;
  event?: EventChannel;
  payload?: unknown;
  /** A large message, to fetch over HTTP (see electron/browser/bridge-parcels.ts). */
  parcel?: string;
}

interface HelloAnswer {
  hello?: boolean;
  key?: unknown;
  resume?: unknown;
}

/**
 * Connects with `credential`; `holder` (the window) keeps the next resume ticket. Calls wait for the hello's
 * answer: the core refuses anything sent before it.
 */
export function connectBridge(
  url: string,
  credential: BridgeCredential,
  holder: { name: string },
  texts: BridgeTexts,
): RendererApi {
  const pending = new Map<number, (response: Envelope<unknown>) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let key = '';
  const socket = new WebSocket(url);
  const decoder = new TextDecoder();
  let settle: (outcome: 'ok' | 'refused' | 'unreachable') => void = () => undefined;
  const hello = new Promise<'ok' | 'refused' | 'unreachable'>((resolve) => {
    settle = resolve;
  });
  socket.addEventListener('open', () => socket.send(JSON.stringify({ hello: credential })));
  socket.addEventListener('error', () => settle('unreachable'));
  const onHello = (answer: HelloAnswer): void => {
    if (answer.hello === true && typeof answer.key === 'string' && typeof answer.resume === 'string') {
      key = answer.key;
      holder.name = `${RESUME_PREFIX}${answer.resume}`;
      settle('ok');
    } else settle('refused');
  };
  const answer = (id: number, response: Envelope<unknown>) => {
    pending.get(id)?.(response);
    pending.delete(id);
  };
  const fetchParcel = async (parcel: string): Promise<BridgeMessage> => {
    const address = new URL(`/bridge/parcel/${encodeURIComponent(parcel)}`, url.replace(/^ws/, 'http'));
    const reply = await fetch(address, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!reply.ok) throw new Error(`parcel ${reply.status}`);
    // Not `reply.json()`: for the large cached fleet these three steps are faster (Design measurements).
    return JSON.parse(decoder.decode(await reply.arrayBuffer())) as BridgeMessage;
  };
  const receive = async (text: string) => {
    let message = JSON.parse(text) as BridgeMessage;
    if (typeof message.parcel === 'string') {
      try {
        message = await fetchParcel(message.parcel);
      } catch {
        if (message.id !== undefined) answer(message.id, fail('INTERNAL', texts.unreadable));
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
  let greeted = false;
  socket.addEventListener('message', (event) => {
    const text = String(event.data);
    if (!greeted) {
      // The first message is the hello's answer; nothing else is sent to a page before it.
      greeted = true;
      try {
        onHello(JSON.parse(text) as HelloAnswer);
      } catch {
        settle('refused');
      }
      return;
    }
    received = received.then(() => receive(text)).catch(() => undefined);
  });
  socket.addEventListener('close', () => {
    settle(greeted ? 'refused' : 'unreachable');
    void received.then(() => {
      for (const resolve of pending.values()) resolve(fail('INTERNAL', texts.closed));
      pending.clear();
    });
  });

  const invoke = async (channel: InvokeChannel, request: unknown): Promise<Envelope<unknown>> => {
    const outcome = await hello;
    if (outcome === 'unreachable') return fail('INTERNAL', texts.unreachable);
    if (outcome === 'refused') return fail('FORBIDDEN_SENDER', texts.sessionEnded);
    if (socket.readyState !== WebSocket.OPEN) return fail('INTERNAL', texts.closed);
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
