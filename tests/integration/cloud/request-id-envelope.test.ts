/**
 * A cloud error's RequestId reaches the window: the v3 client against the sandbox fails with the cloud's
 * `{"Response":{"Error":…,"RequestId":…}}` envelope, the IPC guard turns the thrown AppError into an error
 * envelope, and the renderer's store keeps the RequestId and the cloud code for the error box.
 */
import { describe, expect, it } from 'vitest';
import { type Handlers, IpcGuard } from '../../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { call } from '../../../renderer/src/store/types';
import { invokeChannels } from '../../../shared/ipc-contract';
import type { Envelope } from '../../../shared/result';
import { sandboxClientsPerTest } from '../../support/sandbox-clients';

const env = sandboxClientsPerTest({ taskSeconds: 1 });

const unused = Object.fromEntries(
  invokeChannels.map((c) => [
    c,
    () => {
      throw new Error(`${c} not used in this test`);
    },
  ]),
) as unknown as Handlers;

describe('RequestId in error envelopes', () => {
  it('carries the sandbox RequestId of a refused call to the renderer store', async () => {
    const api = env.client('v3', {
      credentials: async () => ({
        ...env.sandbox.credentials,
        secretKey: 'wrong-key-000000000000000000000000',
      }),
    });
    const handlers = {
      ...unused,
      'backups:list': async () => {
        await api.describeBackups({
          region: 'ap-guangzhou',
          instanceId: 'crs-demo0001',
          limit: 10,
          offset: 0,
        });
        throw new Error('unreachable: the call was expected to fail');
      },
    } as unknown as Handlers;
    const guard = new IpcGuard<null>({ handlers, logger: createMemoryLogger(), isTrustedSender: () => true });
    const envelope = (await guard.dispatch('backups:list', null, {
      profileId: 'p1',
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      span: 7,
    })) as Envelope<unknown>;
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('AUTH_FAILED');
    const requestId = envelope.error.details?.requestId;
    expect(typeof requestId).toBe('string');
    expect(requestId).toMatch(/^[0-9a-f-]{16,}$/i);
    expect(envelope.error.details?.cloudCode).toBe('AuthFailure.SignatureFailure');
    const ui = await call(async () => envelope);
    expect(ui).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED', requestId, cloudCode: 'AuthFailure.SignatureFailure' },
    });
  });
});
