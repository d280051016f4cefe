/**
 * An STS token in the real keychain (gnome-keyring in a private D-Bus session, through
 * scripts/keyring-session.mjs): filed under the profile like its SecretKey, a full 4096-character token
 * intact, never in the settings document, and gone with the profile.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { ProfileService } from '../../../electron/core/profiles/profile-service';
import {
  KEYCHAIN_SERVICE,
  type KeytarLike,
  KeytarSecretStore,
} from '../../../electron/core/secrets/secret-store';
import { secretAccounts } from '../../../shared/profiles';
import { memoryDocument } from '../../support/core-harness';

const require = createRequire(import.meta.url);
const keytar = require('keytar') as KeytarLike;

const secretTool = (account: string): string =>
  execFileSync('sh', ['-c', `secret-tool search --all service ${KEYCHAIN_SERVICE} account ${account} 2>&1`], {
    encoding: 'utf8',
  });

describe('STS token in gnome-keyring', () => {
  it('runs inside a keyring session (the test is not vacuous)', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run through scripts/keyring-session.mjs').toBeTruthy();
  });

  it('stores the token beside the SecretKey, replaces and clears it, and deletes it with the profile', async () => {
    const settings = memoryDocument();
    const secrets = new KeytarSecretStore(keytar);
    const profiles = new ProfileService({
      store: settings,
      secrets,
      now: Date.now,
      logger: createMemoryLogger(),
    });
    const token = `${Math.random().toString(36).slice(2)}${'T'.repeat(4096)}`.slice(0, 4096);
    const view = await profiles.create({
      name: 'sts',
      secretId: 'AKIDsts',
      secretKey: 'stsKey',
      token,
      generation: 'v3',
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'testing',
    });
    const account = secretAccounts.token(view.id);
    expect(view.hasToken).toBe(true);
    expect(await secrets.get(account)).toBe(token);
    expect(secretTool(account)).toContain(token);
    expect(JSON.stringify(settings.store)).not.toContain(token.slice(0, 32));

    await profiles.update({ id: view.id, token: 'replaced-token' });
    expect(await secrets.get(account)).toBe('replaced-token');
    expect((await profiles.update({ id: view.id, clearToken: true })).hasToken).toBe(false);
    expect(await secrets.get(account)).toBeUndefined();

    await profiles.update({ id: view.id, token: 'again' });
    expect(await profiles.delete(view.id)).toEqual({ removedSecrets: 2 });
    expect(secretTool(account)).not.toContain(account);
  });
});
