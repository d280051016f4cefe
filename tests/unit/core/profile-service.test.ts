import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../electron/core/audit/audit-log';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { ProfileService } from '../../../electron/core/profiles/profile-service';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { isInsecureEndpoint, type ProfileInput, secretAccounts } from '../../../shared/profiles';
import { memoryDocument } from '../../support/core-harness';

function service() {
  const secrets = new MemorySecretStore();
  const audit: AuditRecord[] = [];
  const profiles = new ProfileService({
    store: memoryDocument(),
    secrets,
    now: () => Date.UTC(2026, 11, 7),
    logger: createMemoryLogger(),
    audit: async (record) => audit.push(record),
  });
  return { profiles, secrets, audit };
}

const input: ProfileInput = {
  name: 'prod',
  secretId: 'AKIDexample',
  secretKey: 'first-secret-key',
  token: 'sts-token',
  generation: 'v3',
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
  environment: 'production',
};

async function withSavedSecrets() {
  const s = service();
  const view = await s.profiles.create(input);
  await s.secrets.set(secretAccounts.instancePassword(view.id, 'crs-1'), 'instance-password');
  return { ...s, id: view.id };
}

describe('profile changes that redirect secrets', () => {
  for (const [field, value] of [
    ['endpoint', 'https://redis.example.internal'],
    ['generation', 'legacy-v2'],
    ['secretId', 'AKIDother'],
  ] as const) {
    it(`changing ${field} without the SecretKey is refused and changes nothing`, async () => {
      const { profiles, secrets, id } = await withSavedSecrets();
      await expect(profiles.update({ id, [field]: value })).rejects.toMatchObject({
        code: 'PROFILE_SECRET_REQUIRED',
      });
      expect(profiles.get(id)[field]).not.toBe(value);
      expect(await secrets.get(secretAccounts.token(id))).toBe('sts-token');
      expect(await secrets.get(secretAccounts.instancePassword(id, 'crs-1'))).toBe('instance-password');
    });

    it(`changing ${field} with the SecretKey drops saved passwords and the STS token`, async () => {
      const { profiles, secrets, id } = await withSavedSecrets();
      const view = await profiles.update({ id, [field]: value, secretKey: 'second-secret-key' });
      expect(view[field]).toBe(value);
      expect(view.hasToken).toBe(false);
      expect(await secrets.get(secretAccounts.secretKey(id))).toBe('second-secret-key');
      expect(await secrets.get(secretAccounts.instancePassword(id, 'crs-1'))).toBeUndefined();
    });
  }

  it('clearing the endpoint back to the public one is a redirect too', async () => {
    const s = service();
    const view = await s.profiles.create({ ...input, endpoint: 'https://redis.example.internal' });
    await expect(s.profiles.update({ id: view.id, endpoint: '' })).rejects.toMatchObject({
      code: 'PROFILE_SECRET_REQUIRED',
    });
  });

  it('other edits keep every secret and need no SecretKey', async () => {
    const { profiles, secrets, id } = await withSavedSecrets();
    await profiles.update({ id, name: 'production', environment: 'staging', endpoint: undefined });
    expect(await secrets.get(secretAccounts.token(id))).toBe('sts-token');
    expect(await secrets.get(secretAccounts.instancePassword(id, 'crs-1'))).toBe('instance-password');
  });
});

describe('plain-http endpoints', () => {
  it('off this machine need an explicit confirmation', async () => {
    const { profiles } = service();
    await expect(profiles.create({ ...input, endpoint: 'http://10.0.0.5:8080' })).rejects.toMatchObject({
      code: 'INSECURE_ENDPOINT_UNCONFIRMED',
    });
    const view = await profiles.create({
      ...input,
      endpoint: 'http://10.0.0.5:8080',
      confirmInsecureEndpoint: true,
    });
    expect(view.endpoint).toBe('http://10.0.0.5:8080');
  });

  it('are told apart from loopback and https', () => {
    expect(isInsecureEndpoint('http://10.0.0.5:8080')).toBe(true);
    expect(isInsecureEndpoint('HTTP://redis.example.com/')).toBe(true);
    expect(isInsecureEndpoint('http://127.0.0.1:9000')).toBe(false);
    expect(isInsecureEndpoint('http://localhost:9000')).toBe(false);
    expect(isInsecureEndpoint('https://redis.tencentcloudapi.com')).toBe(false);
    expect(isInsecureEndpoint('redis.tencentcloudapi.com')).toBe(false);
    expect(isInsecureEndpoint(undefined)).toBe(false);
  });
});

describe('profile audit', () => {
  it('records creation, the fields of an edit, key replacement and deletion, never a value', async () => {
    const { profiles, audit, id } = await withSavedSecrets();
    await profiles.update({
      id,
      name: 'prod-2',
      endpoint: 'https://redis.example.internal',
      secretKey: 'k2',
    });
    await profiles.update({ id, secretKey: 'k3' });
    await profiles.delete(id);
    expect(audit.map((a) => a.action)).toEqual([
      'profile-added',
      'profile-updated',
      'profile-updated',
      'profile-deleted',
    ]);
    expect(audit[1]?.message).toMatch(/name, endpoint, secretKey/);
    expect(audit[1]?.message).toMatch(/2 saved secret\(s\)/);
    expect(audit[2]?.message).toMatch(/secretKey/);
    // Coded for the window's language: field names only, never values.
    expect(audit.map((a) => a.messageCode)).toEqual([
      'profile-added',
      'profile-updated',
      'profile-updated',
      'profile-deleted',
    ]);
    expect(audit[1]?.messageParams).toEqual({ fields: 'name,endpoint,secretKey', dropped: '2' });
    expect(audit[2]?.messageParams).toEqual({ fields: 'secretKey', dropped: '0' });
    expect(audit[3]?.messageParams?.count).toMatch(/^\d+$/);
    const text = JSON.stringify(audit);
    for (const secret of [
      'first-secret-key',
      'k2',
      'k3',
      'sts-token',
      'instance-password',
      'redis.example.internal',
    ])
      expect(text).not.toContain(secret);
  });
});
