/**
 * Browser mode's server: the built renderer and a WebSocket bridge that carries the same contract as the
 * Electron preload, with large messages handed over HTTP as parcels (bridge-parcels.ts). It is a local
 * server holding credentials, so it is as strict as the IPC guard: 127.0.0.1 only, a single-use launch code
 * exchanged at the first hello for a session (bridge-auth.ts), Host and Origin checks, no CORS, the same CSP,
 * and tight limits on a connection until its hello is accepted (bridge-limits.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { describeError } from '../../shared/errors';
import type { EventChannel } from '../../shared/ipc-contract';
import { fail } from '../../shared/result';
import type { IpcGuard } from '../core/ipc/guard';
import type { Logger } from '../core/logging/logger';
import { CONTENT_SECURITY_POLICY } from '../core/web/content';
import { BridgeAuth, type BridgeAuthOptions, type BridgeCredential } from './bridge-auth';
import {
  type BridgeLimits,
  CLOSE_HELLO_TIMEOUT,
  CLOSE_REFUSED,
  CLOSE_TOO_LARGE,
  DEFAULT_BRIDGE_LIMITS,
  RefusalLog,
} from './bridge-limits';
import { asciiJsonBytes, PARCEL_CHARS, PARCEL_ID, PARCEL_PATH, ParcelStore } from './bridge-parcels';
import { parseClientMessage } from './bridge-protocol';
import { serveRendererFile } from './renderer-files';

/** One bridge connection; trusted only once its hello carried a good launch code or resume ticket. */
export interface BridgeConnection {
  authenticated: boolean;
}

interface Peer {
  connection: BridgeConnection;
  /** A hello is being checked: nothing else may arrive before its answer. */
  helloPending: boolean;
  refused: boolean;
  deadline: NodeJS.Timeout;
  stopCounting: () => void;
}

export interface BridgeServerOptions {
  rendererRoot: string;
  port?: number;
  logger: Logger;
  auth?: BridgeAuthOptions;
  /** Tests tighten or loosen the pre-authentication limits. */
  limits?: Partial<BridgeLimits>;
}

export class BridgeServer {
  readonly auth: BridgeAuth;
  readonly #options: BridgeServerOptions;
  readonly #limits: BridgeLimits;
  readonly #log: Logger;
  readonly #refusals: RefusalLog;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #parcels = new ParcelStore();
  readonly #peers = new Map<WebSocket, Peer>();
  #unauthenticated = 0;
  #guard: IpcGuard<BridgeConnection> | undefined;
  #port = 0;

  constructor(options: BridgeServerOptions) {
    this.#options = options;
    this.#limits = { ...DEFAULT_BRIDGE_LIMITS, ...options.limits };
    this.#log = options.logger.child('bridge');
    this.#refusals = new RefusalLog(this.#log, this.#limits.refusalLinesPerMinute);
    this.auth = new BridgeAuth(options.auth);
    this.#http = createServer((req, res) => {
      if (req.url?.startsWith(PARCEL_PATH)) this.#serveParcel(req, res);
      else void serveRendererFile(req, res, this.#options.rendererRoot, this.#hostAllowed(req));
    });
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
    this.#http.on('upgrade', (req, socket, head) => this.#upgrade(req, socket, head));
  }

  /** Connects the guard; kept apart from the constructor because the core needs `broadcast` first. */
  attach(guard: IpcGuard<BridgeConnection>): void {
    this.#guard = guard;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(this.#options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#http.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/`;
  }

  /** A fresh single-use launch code (for the launch file, the terminal, a test). */
  issueCode(): string {
    return this.auth.mintCode();
  }

  /** How many parcels wait for their fetch (diagnostics and tests). */
  get parcelsWaiting(): number {
    return this.#parcels.size;
  }

  /** Connections still waiting for their hello (diagnostics and tests). */
  get unauthenticated(): number {
    return this.#unauthenticated;
  }

  /** Pushes an event to every authenticated connection. */
  broadcast(channel: EventChannel, payload: unknown): void {
    const json = JSON.stringify({ event: channel, payload });
    const parcel = json.length < PARCEL_CHARS ? undefined : asciiJsonBytes(json);
    for (const [ws, peer] of this.#peers) {
      if (!peer.connection.authenticated || ws.readyState !== ws.OPEN) continue;
      // One parcel per page, since a parcel is fetched once; the bytes are shared.
      ws.send(parcel ? JSON.stringify({ event: channel, parcel: this.#parcels.put(parcel, ws) }) : json);
    }
  }

  async close(): Promise<void> {
    this.#parcels.clear();
    this.auth.clear();
    for (const [ws, peer] of this.#peers) {
      clearTimeout(peer.deadline);
      ws.terminate();
    }
    this.#wss.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #allowedHosts(): string[] {
    return [`127.0.0.1:${this.#port}`, `localhost:${this.#port}`];
  }

  /** Refuses any Host but our own loopback address: a DNS-rebinding page cannot reach the bridge. */
  #hostAllowed(req: IncomingMessage): boolean {
    return this.#allowedHosts().includes(req.headers.host ?? '');
  }

  #originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin !== undefined && this.#allowedHosts().some((h) => origin === `http://${h}`);
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: string, reason: string): void => {
      this.#refusals.refuse(reason, { url: req.url?.slice(0, 80) });
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (req.url !== '/bridge' || !this.#hostAllowed(req) || !this.#originAllowed(req)) {
      refuse('403 Forbidden', 'upgrade from a foreign page or path');
      return;
    }
    if (this.#unauthenticated >= this.#limits.maxUnauthenticated) {
      refuse('503 Service Unavailable', 'too many connections without a hello');
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, socket));
  }

  #accept(ws: WebSocket, socket: Duplex): void {
    this.#unauthenticated++;
    // Counted on the raw socket, so a large frame is cut off as it arrives, not once it is buffered whole.
    let bytes = 0;
    const count = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > this.#limits.preAuthBytes)
        this.#refuse(ws, peer, 'too much data before the hello', CLOSE_TOO_LARGE, true);
    };
    socket.on('data', count);
    const peer: Peer = {
      connection: { authenticated: false },
      helloPending: false,
      refused: false,
      deadline: setTimeout(
        () => this.#refuse(ws, peer, 'no hello in time', CLOSE_HELLO_TIMEOUT),
        this.#limits.helloDeadlineMs,
      ),
      stopCounting: () => socket.off('data', count),
    };
    this.#peers.set(ws, peer);
    ws.on('message', (data, isBinary) => void this.#onMessage(ws, peer, isBinary ? null : data.toString()));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(peer.deadline);
      peer.stopCounting();
      if (!peer.connection.authenticated) this.#unauthenticated--;
      this.#peers.delete(ws);
      this.#parcels.dropOwnedBy(ws);
      this.auth.detach(ws);
    });
  }

  /** Ends a connection that is not (or no longer) welcome, with one log line for the whole peer. */
  #refuse(ws: WebSocket, peer: Peer, reason: string, code: number, abrupt = false): void {
    if (peer.refused) return;
    peer.refused = true;
    clearTimeout(peer.deadline);
    peer.stopCounting();
    this.#refusals.refuse(reason);
    if (abrupt) ws.terminate();
    else ws.close(code, 'refused');
  }

  async #onMessage(ws: WebSocket, peer: Peer, text: string | null): Promise<void> {
    if (peer.refused) return;
    const message = parseClientMessage(text);
    const { connection } = peer;
    if (!connection.authenticated) {
      if (message.kind === 'hello' && !peer.helloPending) {
        await this.#hello(ws, peer, message.credential);
        return;
      }
      // Anything but one hello, before the hello is answered: the peer is not a page of ours.
      if (message.kind !== 'hello' && message.id !== null)
        ws.send(
          JSON.stringify({
            id: message.id,
            response: fail('FORBIDDEN_SENDER', describeError('FORBIDDEN_SENDER').message),
          }),
        );
      this.#refuse(ws, peer, 'a request before the hello', CLOSE_REFUSED);
      return;
    }
    if (message.kind === 'hello') {
      this.#refuse(ws, peer, 'a second hello', CLOSE_REFUSED);
      return;
    }
    if (message.kind === 'invalid') {
      ws.send(
        JSON.stringify({
          id: message.id,
          response: fail('INVALID_REQUEST', describeError('INVALID_REQUEST').message),
        }),
      );
      return;
    }
    const guard = this.#guard;
    const response = guard
      ? await guard.dispatch(message.channel, connection, message.request)
      : fail('INTERNAL', describeError('INTERNAL').message);
    if (ws.readyState !== ws.OPEN) return;
    const json = JSON.stringify({ id: message.id, response });
    ws.send(
      json.length < PARCEL_CHARS
        ? json
        : JSON.stringify({ id: message.id, parcel: this.#parcels.put(asciiJsonBytes(json), ws) }),
    );
  }

  async #hello(ws: WebSocket, peer: Peer, credential: BridgeCredential | undefined): Promise<void> {
    peer.helloPending = true;
    const grant = credential ? await this.auth.exchange(credential, ws) : undefined;
    if (peer.refused || ws.readyState !== ws.OPEN) {
      // The peer went away (or was cut off) while its hello was checked: nothing may stay attached to it.
      if (grant) this.auth.detach(ws);
      return;
    }
    if (!grant) {
      ws.send(JSON.stringify({ hello: false }));
      this.#refuse(ws, peer, 'a bad, used or expired launch code or resume ticket', CLOSE_REFUSED);
      return;
    }
    clearTimeout(peer.deadline);
    peer.stopCounting();
    peer.helloPending = false;
    peer.connection.authenticated = true;
    this.#unauthenticated--;
    this.#log.debug(credential && 'resume' in credential ? 'session resumed' : 'session opened');
    ws.send(JSON.stringify({ hello: true, key: grant.key, resume: grant.resume }));
  }

  /**
   * A parcel, once, to the page it was sent to: the same Host check as every request, that page's session key
   * in the Authorization header (never in the URL), and no cross-site fetch (Sec-Fetch-Site, which Chromium
   * always sends). The id alone, 128 random bits, would not be enough: it crossed the socket.
   */
  #serveParcel(req: IncomingMessage, res: ServerResponse): void {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
    };
    if (!this.#hostAllowed(req)) {
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { ...headers, allow: 'GET' }).end();
      return;
    }
    const site = req.headers['sec-fetch-site'];
    const bearer = /^Bearer (\S{1,256})$/.exec(req.headers.authorization ?? '');
    const owner = bearer ? this.auth.ownerOfKey(bearer[1] as string) : undefined;
    if ((site !== undefined && site !== 'same-origin') || !owner) {
      this.#refusals.refuse('parcel fetch without a session', { site: String(site ?? '') });
      res.writeHead(403, headers).end('Forbidden');
      return;
    }
    const id = (req.url ?? '').slice(PARCEL_PATH.length);
    const body = PARCEL_ID.test(id) ? this.#parcels.take(id, owner) : undefined;
    if (!body) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  }
}
