// Every RestoreInstance refusal, in both protocols, produced by a real state of the demo seed.
import { describe, expect, it } from 'vitest';
import {
  DEMO_BACKUPS,
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
} from '../../../sandbox/index.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';
import { adminState, callLegacy, callV3, errorCode } from './helpers.js';

const env = frozenDemoSandbox({ taskSeconds: 20 });
const { clock } = env;

async function firstBackup(instanceId: string, region: string): Promise<string> {
  const reply = await callV3(
    env.sandbox.url,
    'DescribeInstanceBackups',
    { InstanceId: instanceId, Status: [2] },
    { region },
  );
  const set = reply.json.BackupSet as Array<{ BackupId: string }>;
  const id = set[0]?.BackupId;
  if (!id) throw new Error(`no normal backup for ${instanceId}`);
  return id;
}

interface Case {
  name: string;
  region: string;
  instanceId: string;
  backup: () => Promise<string>;
  password?: string;
  key?: { secretId: string; secretKey: string };
  v3: string;
  legacy: number;
}

const cases: Case[] = [
  {
    name: 'malformed instance id',
    region: 'ap-guangzhou',
    instanceId: 'crs-BAD',
    backup: async () => 'x',
    v3: 'InvalidParameter.InvalidParameter',
    legacy: 11201,
  },
  {
    name: 'unknown instance',
    region: 'ap-guangzhou',
    instanceId: 'crs-zzzzzzzz',
    backup: async () => 'x',
    password: 'x',
    v3: 'ResourceNotFound.InstanceNotExists',
    legacy: 10701,
  },
  {
    name: 'instance in another region',
    region: 'ap-beijing',
    instanceId: 'crs-demo0001',
    backup: async () => 'x',
    password: 'x',
    v3: 'ResourceNotFound.InstanceNotExists',
    legacy: 10701,
  },
  {
    name: 'read-only sub-user',
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backup: () => firstBackup('crs-demo0001', 'ap-guangzhou'),
    password: 'Orders#2024',
    key: { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY },
    v3: 'UnauthorizedOperation.NoCAMAuthed',
    legacy: 4101,
  },
  {
    name: 'project-scoped sub-user on project 1',
    region: 'ap-beijing',
    instanceId: 'crs-demo0011',
    backup: () => firstBackup('crs-demo0011', 'ap-beijing'),
    password: 'Analytics#11',
    key: { secretId: PROJECT0_SECRET_ID, secretKey: PROJECT0_SECRET_KEY },
    v3: 'InvalidParameter.PermissionDenied',
    legacy: 4102,
  },
  {
    name: 'instance locked by a running restore',
    region: 'ap-shanghai',
    instanceId: 'crs-demo0004',
    backup: async () => DEMO_BACKUPS.inventoryRestoring,
    password: 'Invent0ry#4',
    v3: 'ResourceUnavailable.InstanceLockedError',
    legacy: 10707,
  },
  {
    name: 'isolated instance',
    region: 'ap-beijing',
    instanceId: 'crs-demo0005',
    backup: () => firstBackup('crs-demo0005', 'ap-beijing'),
    password: 'Billing#5',
    v3: 'ResourceUnavailable.InstanceStatusAbnormal',
    legacy: 10702,
  },
  {
    name: 'instance in process (upgrade)',
    region: 'ap-beijing',
    instanceId: 'crs-demo0006',
    backup: () => firstBackup('crs-demo0006', 'ap-beijing'),
    password: 'Flags#6',
    v3: 'ResourceUnavailable.InstanceStatusAbnormal',
    legacy: 10702,
  },
  {
    name: 'instance to be initialised',
    region: 'ap-beijing',
    instanceId: 'crs-demo0009',
    backup: async () => 'x',
    password: 'Fresh#9',
    v3: 'ResourceUnavailable.InstanceStateError',
    legacy: 10702,
  },
  {
    name: 'instance to be deleted',
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0010',
    backup: async () => 'x',
    password: 'Retired#10',
    v3: 'ResourceUnavailable.InstanceStateError',
    legacy: 10702,
  },
  {
    name: 'wrong password',
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backup: () => firstBackup('crs-demo0001', 'ap-guangzhou'),
    password: 'nope',
    v3: 'InvalidParameterValue.PasswordError',
    legacy: 10712,
  },
  {
    name: 'unknown backup',
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backup: async () => '1250000000-1-1',
    password: 'Orders#2024',
    v3: 'InvalidParameterValue.BackupNotExists',
    legacy: 11213,
  },
  {
    name: "another instance's backup",
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backup: () => firstBackup('crs-demo0007', 'ap-guangzhou'),
    password: 'Orders#2024',
    v3: 'InvalidParameterValue.BackupNotExists',
    legacy: 11213,
  },
  {
    name: 'expired backup',
    region: 'ap-shanghai',
    instanceId: 'crs-demo0003',
    backup: async () => DEMO_BACKUPS.leaderboardExpired,
    password: 'Leader#Board3',
    v3: 'ResourceUnavailable.BackupStatusAbnormal',
    legacy: 10711,
  },
  {
    name: 'deleted backup',
    region: 'ap-shanghai',
    instanceId: 'crs-demo0003',
    backup: async () => DEMO_BACKUPS.leaderboardDeleted,
    password: 'Leader#Board3',
    v3: 'ResourceUnavailable.BackupStatusAbnormal',
    legacy: 10711,
  },
  {
    name: 'backup locked by an export',
    region: 'ap-shanghai',
    instanceId: 'crs-demo0003',
    backup: async () => DEMO_BACKUPS.leaderboardLocked,
    password: 'Leader#Board3',
    v3: 'ResourceUnavailable.BackupLockedError',
    legacy: 10710,
  },
  {
    name: 'backup of an older spec',
    region: 'ap-beijing',
    instanceId: 'crs-demo0011',
    backup: async () => DEMO_BACKUPS.analyticsOldSpec,
    password: 'Analytics#11',
    v3: 'ResourceUnavailable.BackupSpecError',
    legacy: 5100,
  },
  {
    name: 'node unreachable',
    region: 'ap-shanghai',
    instanceId: 'crs-demo0012',
    backup: () => firstBackup('crs-demo0012', 'ap-shanghai'),
    password: 'Limiter#12',
    v3: 'FailedOperation.SystemError',
    legacy: 6000,
  },
];

describe('RestoreInstance refusals from real states', () => {
  it.each(cases)('API 3.0 and legacy: $name', async (c) => {
    const backupId = await c.backup();
    const v3 = await callV3(
      env.sandbox.url,
      'RestoreInstance',
      {
        InstanceId: c.instanceId,
        BackupId: backupId,
        ...(c.password === undefined ? {} : { Password: c.password }),
      },
      { region: c.region, ...c.key },
    );
    expect(errorCode(v3)).toBe(c.v3);
    expect(v3.status).toBe(200);
    const legacy = await callLegacy(
      env.sandbox.url,
      'RestoreInstance',
      { redisId: c.instanceId, backupId, password: c.password ?? '' },
      { region: c.region, ...c.key },
    );
    expect(legacy.code).toBe(String(c.legacy));
    expect(typeof legacy.codeDesc).toBe('string');
  });

  it('legacy 11201 for missing parameters; MissingParameter for API 3.0', async () => {
    const legacy = await callLegacy(env.sandbox.url, 'RestoreInstance', {
      redisId: 'crs-demo0001',
      password: 'x',
    });
    expect(legacy).toMatchObject({ code: '11201', codeDesc: 'InvalidParameter' });
    const v3 = await callV3(env.sandbox.url, 'RestoreInstance', { InstanceId: 'crs-demo0001' });
    expect(errorCode(v3)).toBe('MissingParameter');
  });

  it('a running restore locks the instance: Status 1, then a second restore is refused, then it finishes', async () => {
    const backupId = await firstBackup('crs-demo0002', 'ap-guangzhou');
    // Password-free instance: no Password needed.
    const started = await callV3(env.sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0002',
      BackupId: backupId,
    });
    const taskId = started.json.TaskId as number;
    expect(typeof taskId).toBe('number');
    const list = await callV3(env.sandbox.url, 'DescribeInstances', { InstanceId: 'crs-demo0002' });
    expect((list.json.InstanceSet as Array<{ Status: number }>)[0]?.Status).toBe(1);
    const again = await callLegacy(env.sandbox.url, 'RestoreInstance', {
      redisId: 'crs-demo0002',
      backupId,
      password: '',
    });
    expect(again.code).toBe('10707');
    const v3Again = await callV3(env.sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0002',
      BackupId: backupId,
    });
    expect(errorCode(v3Again)).toBe('ResourceUnavailable.InstanceLockedError');
    // Without a Status filter only normal backups are listed (the SDK's default 2).
    const backups = await callV3(env.sandbox.url, 'DescribeInstanceBackups', {
      InstanceId: 'crs-demo0002',
      Status: [1],
    });
    const locked = (
      backups.json.BackupSet as Array<{ BackupId: string; Locked: number; Status: number }>
    ).find((b) => b.BackupId === backupId);
    expect(locked).toMatchObject({ Locked: 1, Status: 1 });

    const preparing = await callLegacy(env.sandbox.url, 'DescribeTaskInfo', { requestId: String(taskId) });
    expect(preparing).toMatchObject({ code: 0, data: { status: 0 } });
    clock.advance(3000);
    const running = await callLegacy(env.sandbox.url, 'DescribeTaskInfo', { requestId: String(taskId) });
    expect(running).toMatchObject({ code: 0, data: { status: 1 } });
    expect((await callV3(env.sandbox.url, 'DescribeTaskInfo', { TaskId: taskId })).json.Status).toBe(
      'running',
    );
    clock.advance(21_000);
    const done = await callLegacy(env.sandbox.url, 'DescribeTaskInfo', { requestId: String(taskId) });
    expect(done).toMatchObject({ code: 0, codeDesc: 'Success', data: { status: 2 } });
    const v3Done = await callV3(env.sandbox.url, 'DescribeTaskInfo', { TaskId: taskId });
    expect(v3Done.json).toMatchObject({
      Status: 'succeed',
      TaskType: '恢复备份',
      InstanceId: 'crs-demo0002',
    });
    const after = await callV3(env.sandbox.url, 'DescribeInstances', { InstanceId: 'crs-demo0002' });
    expect((after.json.InstanceSet as Array<{ Status: number }>)[0]?.Status).toBe(2);
  });

  it('a legacy restore succeeds with data.requestId and the admin state counts restore calls', async () => {
    const backupId = await firstBackup('crs-demo0007', 'ap-guangzhou');
    const reply = await callLegacy(
      env.sandbox.url,
      'RestoreInstance',
      { redisId: 'crs-demo0007', backupId, password: 'OldCache#7' },
      { method: 'POST', signatureMethod: 'HmacSHA256' },
    );
    expect(reply).toMatchObject({ code: 0, message: '', codeDesc: 'Success' });
    expect(typeof (reply.data as { requestId: unknown }).requestId).toBe('number');
    const state = await adminState(env.sandbox.url);
    const calls = state.restoreCalls as Record<string, number>;
    expect(calls['crs-demo0007']).toBe(1);
    // Three refusal cases, each sent once per protocol.
    expect(calls['crs-demo0003']).toBe(6);
  });
});
