/**
 * Browser mode started the way `npm start` starts it, but in an environment with no D-Bus session: it must
 * fall back to session-only secrets and say so. Talks to its own bridge like the renderer, creates a profile
 * with secrets, and prints what it saw as JSON for the parent to check against the files left on disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserApp } from '../../../electron/browser/browser-app';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { connectTestClient } from '../../support/bridge-client';

async function main(): Promise<void> {
  const [userData, secretKey, token] = process.argv.slice(2);
  if (!userData || !secretKey || !token) throw new Error('usage: USERDATA SECRET TOKEN');
  const rendererRoot = join(userData, '..', 'renderer');
  mkdirSync(rendererRoot, { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  const logger = createMemoryLogger();
  const app = await startBrowserApp({ userData, logger, rendererRoot });
  const port = new URL(app.server.url).port;
  const client = await connectTestClient(`ws://127.0.0.1:${port}/bridge`, {
    origin: `http://127.0.0.1:${port}`,
  });
  await client.hello(app.server.issueCode());
  const info = await client.invoke('app:info', {});
  const notices = await client.invoke('app:notices', {});
  const created = await client.invoke('profiles:create', {
    name: 'no keychain',
    secretId: 'AKIDnokeychain',
    secretKey,
    token,
    generation: 'v3',
    regions: ['ap-guangzhou'],
    defaultRegion: 'ap-guangzhou',
    environment: 'testing',
  });
  const listed = await client.invoke('profiles:list', {});
  client.close();
  await app.stop();
  const inLogs = logger.lines.some((line) => line.includes(secretKey) || line.includes(token));
  process.stdout.write(`${JSON.stringify({ info, notices, created, listed, inLogs })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
