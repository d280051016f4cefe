/** The Electron shell's keychain probe runner: the child is an Electron utility process (the RunAsNode fuse is off). */
import { utilityProcess } from 'electron';
import {
  outcomeOf,
  type ProbeMessage,
  type ProbeOutcome,
  type ProbeRunner,
} from '../core/secrets/keychain-probe';

export function utilityProbeRunner(modulePath: string): ProbeRunner {
  return (timeoutMs) =>
    new Promise<ProbeOutcome>((resolve) => {
      const child = utilityProcess.fork(modulePath, [], { stdio: 'ignore', serviceName: 'Keychain check' });
      let settled = false;
      const settle = (outcome: ProbeOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill();
        resolve(outcome);
      };
      const timer = setTimeout(() => settle(outcomeOf({ kind: 'timeout', timeoutMs })), timeoutMs);
      child.on('message', (message: ProbeMessage) => settle(outcomeOf({ kind: 'message', message })));
      child.on('exit', (code) => settle(outcomeOf({ kind: 'exit', code, signal: null })));
    });
}
