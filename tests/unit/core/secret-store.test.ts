import { describe, expect, it } from 'vitest';
import { outcomeOf, PROBE_TIMEOUT_MS, probeKeychain } from '../../../electron/core/secrets/keychain-probe';
import {
  ACCOUNT_INDEX,
  KEYCHAIN_SERVICE,
  KeytarSecretStore,
  openSecretStore,
} from '../../../electron/core/secrets/secret-store';
import { AppError } from '../../../shared/errors';
import { FakeKeytar } from '../../fakes/fake-keytar';

describe('keychain probe', () => {
  it('never touches the keychain on Linux without a session bus (no autolaunched D-Bus or keyring)', async () => {
    let ran = false;
    const outcome = await probeKeychain({
      platform: 'linux',
      env: { DISPLAY: ':0' },
      run: async () => {
        ran = true;
        return { ok: true };
      },
    });
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ ok: false, reason: 'no-session-bus' });
  });

  it('runs the child with the 2 s deadline when there is a bus', async () => {
    let deadline = 0;
    const outcome = await probeKeychain({
      platform: 'linux',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/0/bus' },
      run: async (ms) => {
        deadline = ms;
        return { ok: true };
      },
    });
    expect(outcome.ok).toBe(true);
    expect(deadline).toBe(PROBE_TIMEOUT_MS);
    expect(PROBE_TIMEOUT_MS).toBe(2000);
  });

  it('tells a cancelled prompt, a hang and a crash apart', () => {
    expect(
      outcomeOf({ kind: 'message', message: { ok: false, message: 'Prompt dismissed by user' } }),
    ).toMatchObject({
      reason: 'cancelled',
    });
    expect(
      outcomeOf({ kind: 'message', message: { ok: false, message: 'No such interface' } }),
    ).toMatchObject({
      reason: 'error',
    });
    expect(outcomeOf({ kind: 'timeout', timeoutMs: 2000 })).toMatchObject({ reason: 'timeout' });
    expect(outcomeOf({ kind: 'exit', code: null, signal: 'SIGSEGV' })).toMatchObject({
      reason: 'crashed',
      detail: expect.stringContaining('SIGSEGV'),
    });
  });

  it('makes the store session-only, with the reason, when the probe fails; keytar is never loaded', async () => {
    const reasons: string[] = [];
    let loaded = false;
    const store = await openSecretStore(
      async () => {
        loaded = true;
        return new FakeKeytar();
      },
      (reason) => reasons.push(reason),
      async () => ({ ok: false, reason: 'timeout', detail: 'no answer' }),
    );
    expect(store.kind).toBe('session');
    expect(loaded).toBe(false);
    expect(reasons[0]).toContain('timeout');
  });
});

describe('keychain account index', () => {
  it('lists accounts from the index, without decrypting every secret', async () => {
    const keytar = new FakeKeytar();
    const store = new KeytarSecretStore(keytar);
    await store.set('profile:a:secretKey', 'one');
    await store.set('profile:b:secretKey', 'two');
    keytar.calls.length = 0;
    expect(await store.accounts()).toEqual(['profile:a:secretKey', 'profile:b:secretKey']);
    expect(keytar.calls).toEqual([`get ${ACCOUNT_INDEX}`]);
    expect(keytar.calls).not.toContain('find');
  });

  it('builds the index once from a keychain written before it existed', async () => {
    const keytar = new FakeKeytar();
    keytar.entries.set(`${KEYCHAIN_SERVICE}/profile:old:secretKey`, 'x');
    const store = new KeytarSecretStore(keytar);
    expect(await store.accounts()).toEqual(['profile:old:secretKey']);
    expect(await store.accounts()).toEqual(['profile:old:secretKey']);
    expect(keytar.calls.filter((c) => c === 'find')).toHaveLength(1);
  });

  it('drops deleted accounts from the index and rebuilds a damaged index', async () => {
    const keytar = new FakeKeytar();
    const store = new KeytarSecretStore(keytar);
    await store.set('a', '1');
    await store.set('b', '2');
    expect(await store.delete('a')).toBe(true);
    expect(await store.accounts()).toEqual(['b']);
    keytar.entries.set(`${KEYCHAIN_SERVICE}/${ACCOUNT_INDEX}`, '{not json');
    expect(await store.accounts()).toEqual(['b']);
  });

  it('reports a cancelled prompt and a refusal as keychain errors, never as INTERNAL', async () => {
    const keytar = new FakeKeytar();
    const store = new KeytarSecretStore(keytar);
    keytar.failNext = 'Cancelled by user';
    await expect(store.set('a', '1')).rejects.toMatchObject({ code: 'KEYCHAIN_CANCELLED' });
    keytar.failNext = 'Cannot create an item in a locked collection';
    const refused = await store.get('a').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'KEYCHAIN_ERROR' });
  });
});
