/** Browser mode's probe runner: the child is a Node fork running keychain-probe-child.ts. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { outcomeOf, type ProbeMessage, type ProbeOutcome, type ProbeRunner } from './keychain-probe';

export function forkProbeRunner(
  childModule: string = join(import.meta.dirname, 'keychain-probe-child.ts'),
  env: NodeJS.ProcessEnv = process.env,
): ProbeRunner {
  return (timeoutMs) =>
    new Promise<ProbeOutcome>((resolve) => {
      // Browser mode runs the core as TypeScript through tsx; the child does too, whatever the parent's flags.
      const execArgv = childModule.endsWith('.ts') ? ['--import', 'tsx'] : [];
      const child = fork(childModule, [], { env, execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      let settled = false;
      const settle = (outcome: ProbeOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        resolve(outcome);
      };
      const timer = setTimeout(() => settle(outcomeOf({ kind: 'timeout', timeoutMs })), timeoutMs);
      child.on('message', (message) =>
        settle(outcomeOf({ kind: 'message', message: message as ProbeMessage })),
      );
      child.on('exit', (code, signal) => settle(outcomeOf({ kind: 'exit', code, signal })));
      child.on('error', (error) =>
        settle({
          ok: false,
          reason: 'error',
          detail: `Could not start the keychain check: ${error.message}`,
        }),
      );
    });
}
