/**
 * Both CRS clients against the in-process sandbox over real HTTP: signing accepted by an independent
 * verifier, normalization of real answers, the restore-once rule under an injected hang, read retries
 * after a connection reset, and clock-skew correction from the sandbox's Date header.
 */
import { describe, expect, it } from 'vitest';
import type { ClockSkewEvent } from '../../../electron/core/cloud/crs-api';
import { DEMO_BACKUPS } from '../../../sandbox/index';
import { AppError } from '../../../shared/errors';
import { sandboxClientsPerTest } from '../../support/sandbox-clients';

const REGION = 'ap-guangzhou';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Proxy variables that would break the test if loopback were not always direct.
const env = sandboxClientsPerTest({
  taskSeconds: 1,
  proxyEnv: { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
});
const client = env.client;

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('v3 client: backups the service hides without a Status filter', () => {
  it('sees exporting, expired and deleted backups with their status, not restorable', async () => {
    const api = client('v3');
    const { backups } = await api.describeBackups({
      region: 'ap-shanghai',
      instanceId: 'crs-demo0003',
      limit: 50,
      offset: 0,
    });
    const status = (id: string) => backups.find((b) => b.id === id)?.status;
    expect(status(DEMO_BACKUPS.leaderboardLocked)).toBe('exporting');
    expect(status(DEMO_BACKUPS.leaderboardExpired)).toBe('expired');
    expect(status(DEMO_BACKUPS.leaderboardDeleted)).toBe('deleted');
    expect(backups.filter((b) => b.status !== 'normal').every((b) => !b.restorable)).toBe(true);
  });
});

describe.each(['v3', 'legacy-v2'] as const)('%s client against the sandbox', (generation) => {
  it('lists instances and backups, normalized', async () => {
    const api = client(generation);
    const { total, instances } = await api.describeInstances({ region: REGION, limit: 50, offset: 0 });
    expect(total).toBeGreaterThan(0);
    const orders = instances.find((i) => i.id === 'crs-demo0001');
    expect(orders).toMatchObject({ name: 'orders-cache', status: 'running', generation, region: REGION });
    expect(orders?.createdAt).toMatch(/Z$/);

    const { backups } = await api.describeBackups({
      region: REGION,
      instanceId: 'crs-demo0001',
      limit: 50,
      offset: 0,
    });
    const manual = backups.find((b) => b.id === DEMO_BACKUPS.ordersManual);
    expect(manual).toMatchObject({
      kind: 'manual',
      status: 'normal',
      restorable: true,
      instanceId: 'crs-demo0001',
    });
  });

  it('refuses a wrong password, then restores once and polls the task to success', async () => {
    const api = client(generation);
    const params = { region: REGION, instanceId: 'crs-demo0001', backupId: DEMO_BACKUPS.ordersManual };
    expect(
      (await caught(api.restoreInstance({ ...params, password: 'crs-demo0001:Orders#2024' }))).code,
    ).toBe('WRONG_PASSWORD');
    const { taskId } = await api.restoreInstance({ ...params, password: 'Orders#2024' });
    expect(taskId).toMatch(/^\d+$/);
    let status = '';
    for (let i = 0; i < 40 && status !== 'succeed'; i++) {
      status = (await api.describeTask({ region: REGION, taskId })).status;
      if (status !== 'succeed') await sleep(150);
    }
    expect(status).toBe('succeed');
  });

  it('a restore whose answer never comes is RESTORE_OUTCOME_UNKNOWN, sent exactly once', async () => {
    env.sandbox.faults.add({ kind: 'hang', action: 'RestoreInstance' });
    const api = client(generation, { timeoutMs: 500 });
    const error = await caught(
      api.restoreInstance({
        region: REGION,
        instanceId: 'crs-demo0001',
        backupId: DEMO_BACKUPS.ordersManual,
        password: 'Orders#2024',
      }),
    );
    expect(error.code).toBe('RESTORE_OUTCOME_UNKNOWN');
    expect(error.details).toMatchObject({ cause: 'TIMEOUT', instanceId: 'crs-demo0001' });
    expect(env.sandbox.state.restoreCalls.get('crs-demo0001')).toBe(1);
  });

  it('retries a read after a connection reset', async () => {
    env.sandbox.faults.add({
      kind: 'reset',
      action: generation === 'v3' ? 'DescribeInstances' : 'DescribeRedis',
    });
    const { instances } = await client(generation).describeInstances({ region: REGION, limit: 5, offset: 0 });
    expect(instances.length).toBeGreaterThan(0);
  });

  it('corrects a slow clock from the Date header and reports the skew', async () => {
    const skews: ClockSkewEvent[] = [];
    const api = client(generation, {
      now: () => Date.now() - 10 * 60_000,
      onClockSkew: (e) => skews.push(e),
    });
    const { instances } = await api.describeInstances({ region: REGION, limit: 5, offset: 0 });
    expect(instances.length).toBeGreaterThan(0);
    expect(skews).toHaveLength(1);
    expect(api.clockOffsetMs).toBeGreaterThan(9 * 60_000);
    expect(api.clockOffsetMs).toBeLessThan(11 * 60_000);
  });

  it('reports a bad SecretKey as AUTH_FAILED', async () => {
    const api = client(generation, {
      credentials: async () => ({ secretId: env.sandbox.credentials.secretId, secretKey: 'wrong-key' }),
    });
    expect((await caught(api.describeInstances({ region: REGION, limit: 5, offset: 0 }))).code).toBe(
      'AUTH_FAILED',
    );
  });
});

describe('API 3.0 only', () => {
  it('takes a manual backup (safety backup before a restore)', async () => {
    const api = client('v3');
    const { taskId } = await api.manualBackup({
      region: REGION,
      instanceId: 'crs-demo0007',
      remark: 'pre-restore',
    });
    expect(taskId).toMatch(/^\d+$/);
  });

  it('restores a password-free instance without a password', async () => {
    const api = client('v3');
    const { backups } = await api.describeBackups({
      region: REGION,
      instanceId: 'crs-demo0002',
      limit: 10,
      offset: 0,
    });
    const backup = backups.find((b) => b.restorable);
    expect(backup).toBeDefined();
    const result = await api.restoreInstance({
      region: REGION,
      instanceId: 'crs-demo0002',
      backupId: backup?.id ?? '',
    });
    expect(result.taskId).toMatch(/^\d+$/);
  });
});
