/**
 * The sandbox in its own process (`sandbox/cli.ts`), for benchmarks whose figure is the client's time: a
 * real cloud does its work on other machines, so on this 2-core box the sandbox building 1000-row pages must
 * not steal the app's CPU inside one event loop. Its state is read over the loopback admin API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';

const root = join(import.meta.dirname, '../..');

export interface RemoteSandbox {
  url: string;
  port: number;
  credentials: { secretId: string; secretKey: string };
  state(): Promise<{ rateLimitedCalls?: Record<string, number>; actionCalls?: Record<string, number> }>;
  stop(): Promise<void>;
}

export async function startRemoteSandbox(args: string[]): Promise<RemoteSandbox> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'sandbox/cli.ts'), '--port', '0', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}): ${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    state: async () => (await (await fetch(`${url}/__sandbox/state`)).json()) as never,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
