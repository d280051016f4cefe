/** Parent side of bench/child/sandbox-host.ts: a sandbox process whose request log can be fetched. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';

export interface SandboxReport {
  requests: Array<{ action: string; atMs: number }>;
  restoreCalls: Record<string, number>;
  rateLimited: Record<string, number>;
}

export interface LoggingSandbox {
  url: string;
  credentials: { secretId: string; secretKey: string };
  clear(): void;
  report(): Promise<SandboxReport>;
  stop(): Promise<void>;
}

export async function startLoggingSandbox(options: {
  seed: string;
  latencyMs: number;
  taskSeconds: number;
}): Promise<LoggingSandbox> {
  const child = fork(join(import.meta.dirname, '../child/sandbox-host.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code})`)));
    });
  const { url } = (await next()) as { url: string };
  return {
    url,
    credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    clear: () => child.send('clear'),
    report: async () => {
      const reply = next();
      child.send('report');
      return (await reply) as SandboxReport;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}
