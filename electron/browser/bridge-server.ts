/**
 * Browser mode's server: the built renderer and a WebSocket bridge that carries the same contract as the
 * Electron preload, with large messages handed over HTTP as parcels (bridge-parcels.ts). It is a local
 * server holding credentials, so it is as strict as the IPC guard: 127.0.0.1 only, a random 256-bit token
 * per launch (on the socket and on every parcel fetch), Host and Origin checks, no CORS, the same CSP.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { describeError } from '../../shared/errors';
import type { EventChannel } from '../../shared/ipc-contract';
import { fail } from '../../shared/result';
import type { IpcGuard } from '../core/ipc/guard';
import type { Logger } from '../core/logging/logger';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../core/web/content';
import { asciiJsonBytes, PARCEL_CHARS, PARCEL_ID, PARCEL_PATH, ParcelStore } from './bridge-parcels';
import { parseClientMessage } from './bridge-protocol';

/** One bridge connection; trusted only once it has presented the launch token. */
export interface BridgeConnection {
  authenticated: boolean;
}

export interface BridgeServerOptions {
  rendererRoot: string;
  port?: number;
  logger: Logger;
  /** Tests inject a fixed token; a launch draws a fresh random one. */
  token?: string;
}

export class BridgeServer {
  readonly token: string;
  readonly #options: BridgeServerOptions;
  readonly #log: Logger;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #parcels = new ParcelStore();
  #guard: IpcGuard<BridgeConnection> | undefined;
  #port = 0;

  constructor(options: BridgeServerOptions) {
    this.#options = options;
    this.#log = options.logger.child('bridge');
    this.token = options.token ?? randomBytes(32).toString('hex');
    this.#http = createServer((req, res) => {
      if (req.url?.startsWith(PARCEL_PATH)) this.#serveParcel(req, res);
      else void this.#serveFile(req, res);
    });
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
    this.#http.on('upgrade', (req, socket, head) => {
      if (req.url !== '/bridge' || !this.#hostAllowed(req) || !this.#originAllowed(req)) {
        this.#log.warn('refused bridge upgrade', { url: req.url?.slice(0, 80) });
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
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

  /** The URL to open: the token travels once, in the fragment, which is never sent to a server. */
  get launchUrl(): string {
    return `${this.url}#token=${this.token}`;
  }

  /** How many parcels wait for their fetch (diagnostics and tests). */
  get parcelsWaiting(): number {
    return this.#parcels.size;
  }

  /** Pushes an event to every authenticated connection. */
  broadcast(channel: EventChannel, payload: unknown): void {
    const json = JSON.stringify({ event: channel, payload });
    const parcel = json.length < PARCEL_CHARS ? undefined : asciiJsonBytes(json);
    for (const ws of this.#wss.clients) {
      if (!(ws as WebSocket & { crs?: BridgeConnection }).crs?.authenticated) continue;
      // One parcel per page, since a parcel is fetched once; the bytes are shared.
      ws.send(parcel ? JSON.stringify({ event: channel, parcel: this.#parcels.put(parcel, ws) }) : json);
    }
  }

  async close(): Promise<void> {
    this.#parcels.clear();
    for (const ws of this.#wss.clients) ws.terminate();
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

  #accept(ws: WebSocket): void {
    const connection: BridgeConnection = { authenticated: false };
    (ws as WebSocket & { crs?: BridgeConnection }).crs = connection;
    ws.on(
      'message',
      (data, isBinary) => void this.#onMessage(ws, connection, isBinary ? null : data.toString()),
    );
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.#parcels.dropOwnedBy(ws));
  }

  async #onMessage(ws: WebSocket, connection: BridgeConnection, text: string | null): Promise<void> {
    const message = parseClientMessage(text);
    if (message.kind === 'hello') {
      connection.authenticated = this.#tokenMatches(message.token);
      ws.send(JSON.stringify({ hello: connection.authenticated }));
      if (!connection.authenticated) {
        this.#log.warn('refused bridge token');
        ws.close(4401, 'bad token');
      }
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

  #tokenMatches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * A parcel, once, to the page that holds the launch token: the same Host check as every request, the
   * token in the Authorization header (never in the URL), and no cross-site fetch (Sec-Fetch-Site, which
   * Chromium always sends). The id alone, 128 random bits, would not be enough: it crossed the socket.
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
    if (
      (site !== undefined && site !== 'same-origin') ||
      !bearer ||
      !this.#tokenMatches(bearer[1] as string)
    ) {
      this.#log.warn('refused parcel fetch', { site: String(site ?? '') });
      res.writeHead(403, headers).end('Forbidden');
      return;
    }
    const id = (req.url ?? '').slice(PARCEL_PATH.length);
    const body = PARCEL_ID.test(id) ? this.#parcels.take(id) : undefined;
    if (!body) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  }

  async #serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    };
    if (!this.#hostAllowed(req)) {
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const root = this.#options.rendererRoot;
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, pathname === '/' ? 'index.html' : decodeURIComponentSafe(pathname)));
    if (!file.startsWith(root + sep)) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        'content-type': contentTypeFor(extname(file)),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end('Not found');
    }
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '/__invalid__';
  }
}
