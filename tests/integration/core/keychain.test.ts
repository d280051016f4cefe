/**
 * keytar against a real gnome-keyring in a private D-Bus session (`npm test` provides it through
 * scripts/keyring-session.mjs): the secret is stored, read, seen by `secret-tool`, and deleted.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_SERVICE,
  type KeytarLike,
  KeytarSecretStore,
  MemorySecretStore,
  openSecretStore,
} from '../../../electron/core/secrets/secret-store';

const require = createRequire(import.meta.url);
const keytar = require('keytar') as KeytarLike;

function secretToolSearch(account: string): string {
  // secret-tool prints the attribute lines on stderr and the secret on stdout; keep both.
  return execFileSync(
    'sh',
    ['-c', `secret-tool search --all service ${KEYCHAIN_SERVICE} account ${account} 2>&1`],
    {
      encoding: 'utf8',
    },
  );
}

describe('KeytarSecretStore with gnome-keyring', () => {
  it('runs inside a keyring session (the test is not vacuous)', () => {
    expect(
      process.env.DBUS_SESSION_BUS_ADDRESS,
      'run through npm test or scripts/keyring-session.mjs',
    ).toBeTruthy();
  });

  it('stores, reads, lists and deletes a real secret', async () => {
    const store = new KeytarSecretStore(keytar);
    const account = `profile-${Date.now()}`;
    const secret = `sk-${Math.random().toString(36).slice(2)}`;
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    expect(await store.accounts()).toContain(account);
    const listed = secretToolSearch(account);
    expect(listed).toContain(`attribute.account = ${account}`);
    expect(listed).toContain(secret);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeUndefined();
    expect(secretToolSearch(account)).not.toContain(account);
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps concurrent writes to one account in order', async () => {
    const store = new KeytarSecretStore(keytar);
    const account = `profile-order-${Date.now()}`;
    await Promise.all([store.set(account, 'one'), store.set(account, 'two'), store.set(account, 'three')]);
    expect(await store.get(account)).toBe('three');
    await store.delete(account);
  });

  it('opens the keychain when it answers', async () => {
    const store = await openSecretStore(
      async () => keytar,
      () => undefined,
    );
    expect(store.kind).toBe('keychain');
  });

  it('falls back to session-only memory, and says why, when no keychain answers', async () => {
    const reasons: string[] = [];
    const broken: KeytarLike = {
      ...keytar,
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    };
    const store = await openSecretStore(
      async () => broken,
      (reason) => reasons.push(reason),
    );
    expect(store).toBeInstanceOf(MemorySecretStore);
    expect(store.kind).toBe('session');
    expect(reasons[0]).toContain('D-Bus');
  });
});
