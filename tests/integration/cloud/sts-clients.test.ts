/**
 * The app's clients with temporary credentials against the sandbox over real HTTP: a token travels as
 * X-TC-Token (API 3.0) or the signed Token parameter (legacy v2); without it, with a wrong one, or once
 * the credentials expire, the cloud's answer becomes TOKEN_INVALID with the raw code kept in the details.
 */
import { describe, expect, it } from 'vitest';
import type { CloudCredentials } from '../../../electron/core/cloud/crs-api';
import { TEMPORARY_SECRET_ID, TEMPORARY_SECRET_KEY, TEMPORARY_TOKEN } from '../../../sandbox/index';
import { AppError } from '../../../shared/errors';
import { sandboxClientsPerTest } from '../../support/sandbox-clients';

const REGION = 'ap-guangzhou';
const env = sandboxClientsPerTest({ taskSeconds: 1 });

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each([
  ['v3', 'AuthFailure.TokenFailure'],
  ['legacy-v2', '4105'],
] as const)('%s client with temporary credentials', (generation, cloudCode) => {
  const list = (credentials: CloudCredentials) =>
    env
      .client(generation, { credentials: async () => credentials })
      .describeInstances({ region: REGION, limit: 10, offset: 0 });

  const minted = (durationSeconds: number): CloudCredentials => {
    const { Credentials } = env.sandbox.mintTemporaryCredentials({ durationSeconds });
    return {
      secretId: Credentials.TmpSecretId,
      secretKey: Credentials.TmpSecretKey,
      token: Credentials.Token,
    };
  };

  it('lists and restores with the right token', async () => {
    const fixed = { secretId: TEMPORARY_SECRET_ID, secretKey: TEMPORARY_SECRET_KEY, token: TEMPORARY_TOKEN };
    expect((await list(fixed)).total).toBeGreaterThan(0);
    expect((await list(minted(600))).total).toBeGreaterThan(0);
    // A write too: temporary credentials are full credentials while they last.
    const api = env.client(generation, { credentials: async () => fixed });
    const { backups } = await api.describeBackups({
      region: REGION,
      instanceId: 'crs-demo0001',
      limit: 50,
      offset: 0,
    });
    const backup = backups.find((b) => b.restorable);
    if (!backup) throw new Error('no restorable backup');
    const { taskId } = await api.restoreInstance({
      region: REGION,
      instanceId: 'crs-demo0001',
      backupId: backup.id,
      password: 'Orders#2024',
    });
    expect(taskId).toMatch(/^\d+$/);
  });

  it.each([
    ['without the token', (c: CloudCredentials) => ({ secretId: c.secretId, secretKey: c.secretKey })],
    ['with a wrong token', (c: CloudCredentials) => ({ ...c, token: `${c.token}error` })],
  ])('is TOKEN_INVALID %s', async (_what, alter) => {
    const error = await caught(list(alter(minted(600))));
    expect(error.code).toBe('TOKEN_INVALID');
    expect(error.details).toMatchObject({ cloudCode });
  });

  it('is TOKEN_INVALID once the credentials expire', async () => {
    const error = await caught(list(minted(0)));
    expect(error.code).toBe('TOKEN_INVALID');
    expect(error.details).toMatchObject({ cloudCode });
  });

  it('is TOKEN_INVALID for a long-term key sent with a token', async () => {
    const error = await caught(list({ ...env.sandbox.credentials, token: TEMPORARY_TOKEN }));
    expect(error.code).toBe('TOKEN_INVALID');
  });
});
