/**
 * Browser mode on a temporary user-data folder with a one-page stub renderer, for the bridge's integration
 * tests and the fuzzer; and a raw HTTP request that sends exactly the headers it is given (Node's fetch adds
 * its own Sec-Fetch-* headers and will not send a foreign Host).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeLimits } from '../../electron/browser/bridge-limits';
import { type BrowserApp, startBrowserApp } from '../../electron/browser/browser-app';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';

export interface StubBrowserApp {
  app: BrowserApp;
  /** Everything the app logged. */
  logLines: string[];
  userData: string;
  rendererRoot: string;
  port: number;
  /** `http://127.0.0.1:PORT`, the Origin the bridge accepts. */
  origin: string;
  /** `ws://127.0.0.1:PORT/bridge`. */
  bridgeUrl: string;
  stop(): Promise<void>;
}

export async function startStubBrowserApp(
  prefix: string,
  limits?: Partial<BridgeLimits>,
): Promise<StubBrowserApp> {
  const userData = mkdtempSync(join(tmpdir(), prefix));
  const rendererRoot = join(userData, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  const logger = createMemoryLogger();
  const app = await startBrowserApp({
    userData,
    logger,
    secrets: new MemorySecretStore(),
    rendererRoot,
    ...(limits ? { limits } : {}),
  });
  const port = Number(new URL(app.server.url).port);
  return {
    app,
    logLines: logger.lines,
    userData,
    rendererRoot,
    port,
    origin: `http://127.0.0.1:${port}`,
    bridgeUrl: `ws://127.0.0.1:${port}/bridge`,
    stop: async () => {
      await app.stop();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** One request to 127.0.0.1:`port` with exactly `headers` (Host included). */
export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
