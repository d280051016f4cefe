/**
 * Round trip of one contract call: through browser mode's real bridge (WebSocket on loopback, token
 * checked, guard, handler, envelope back) and through the guard alone (the part of an Electron IPC call
 * that is ours; Electron's own transport cannot run here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserApp } from '../electron/browser/browser-app';
import { IpcGuard } from '../electron/core/ipc/guard';
import { createMemoryLogger } from '../electron/core/logging/logger';
import { MemorySecretStore } from '../electron/core/secrets/secret-store';
import { connectTestClient } from '../tests/support/bridge-client';
import type { Bench, Figure } from './lib/results';
import { median, percentile, round } from './lib/stats';

async function timed(count: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  return samples;
}

export const bridgeRoundTrip: Bench = async ({ quick, log }) => {
  const count = quick ? 500 : 2000;
  const userData = mkdtempSync(join(tmpdir(), 'crs-bench-bridge-'));
  const rendererRoot = join(userData, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const logger = createMemoryLogger();
  const app = await startBrowserApp({ userData, logger, secrets: new MemorySecretStore(), rendererRoot });
  try {
    const port = new URL(app.server.url).port;
    const client = await connectTestClient(`ws://127.0.0.1:${port}/bridge`, {
      origin: `http://127.0.0.1:${port}`,
    });
    if ((await client.hello(app.server.issueCode())) !== true) throw new Error('the bridge refused the code');
    const bridge = await timed(count, () => client.invoke('settings:get', {}));
    client.close();
    const guard = new IpcGuard<true>({ handlers: app.core.handlers, logger, isTrustedSender: (s) => s });
    const ipc = await timed(count, () => guard.dispatch('settings:get', true, {}));
    log(`bridge median ${round(median(bridge), 3)} ms, guard median ${round(median(ipc), 3)} ms`);
    const figures: Figure[] = [
      {
        name: `bridge round trip, settings:get (median of ${count})`,
        value: round(median(bridge), 3),
        unit: 'ms',
      },
      { name: 'bridge round trip, settings:get (p95)', value: round(percentile(bridge, 95), 3), unit: 'ms' },
      {
        name: `IPC guard dispatch, settings:get (median of ${count})`,
        value: round(median(ipc), 3),
        unit: 'ms',
      },
    ];
    return figures;
  } finally {
    await app.stop();
    rmSync(userData, { recursive: true, force: true });
  }
};
