/**
 * The keychain probe's child process: loads keytar and reads one absent entry. It reports through whichever
 * channel its parent gave it: a Node fork's IPC (browser mode) or an Electron utility process's parentPort.
 */
import { createRequire } from 'node:module';
import { PROBE_ACCOUNT, type ProbeMessage } from './keychain-probe';
import type { KeytarLike } from './secret-store';
import { KEYCHAIN_SERVICE } from './secret-store';

interface ParentPort {
  postMessage(message: unknown): void;
}

function report(message: ProbeMessage): void {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) port.postMessage(message);
  else process.send?.(message);
}

async function main(): Promise<void> {
  try {
    const keytar = createRequire(import.meta.url)('keytar') as KeytarLike;
    await keytar.getPassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT);
    report({ ok: true });
  } catch (error) {
    report({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
