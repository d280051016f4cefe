/**
 * The keychain probe in real child processes: the real keyring answers; a child that hangs (a prompt nobody
 * answers), crashes (as keytar did when an unlock prompt was cancelled) or reports a cancelled prompt leaves the
 * app in session-only mode within the deadline, and the app itself never crashes or waits.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkProbeRunner } from '../../../electron/core/secrets/fork-probe';
import { probeKeychain } from '../../../electron/core/secrets/keychain-probe';
import { openSecretStore } from '../../../electron/core/secrets/secret-store';
import { FakeKeytar } from '../../fakes/fake-keytar';

function child(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crs-probe-')), 'child.mjs');
  writeFileSync(file, source);
  return file;
}

describe('keychain probe in a child process', () => {
  it('finds the real keyring of this D-Bus session usable', async () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run inside scripts/keyring-session.mjs').toBeTruthy();
    const outcome = await probeKeychain({ platform: 'linux', env: process.env, run: forkProbeRunner() });
    expect(outcome).toEqual({ ok: true });
  });

  it('gives up on a child that hangs, at the deadline', async () => {
    const started = Date.now();
    const outcome = await forkProbeRunner(child('setInterval(() => {}, 1000);'))(500);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('survives a child that crashes', async () => {
    const outcome = await forkProbeRunner(child("process.kill(process.pid, 'SIGSEGV');"))(2000);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'crashed',
      detail: expect.stringContaining('SIGSEGV'),
    });
  });

  it('reports a cancelled prompt as cancelled', async () => {
    const outcome = await forkProbeRunner(
      child("process.send({ ok: false, message: 'The prompt was dismissed' }, () => process.exit(0));"),
    )(2000);
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('opens session-only memory, with the reason, when the child hangs', async () => {
    const reasons: string[] = [];
    const store = await openSecretStore(
      async () => new FakeKeytar(),
      (reason) => reasons.push(reason),
      () =>
        probeKeychain({
          platform: 'linux',
          env: process.env,
          run: forkProbeRunner(child('setInterval(() => {}, 1000);')),
          timeoutMs: 300,
        }),
    );
    expect(store.kind).toBe('session');
    expect(reasons[0]).toMatch(/^timeout:/);
  });
});
