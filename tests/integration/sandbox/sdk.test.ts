// The official SDK (tencentcloud-sdk-nodejs-common) against the sandbox over real HTTP.
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type RunningSandbox,
  startSandbox,
} from '../../../sandbox/index.js';
import { callV3, errorCode } from './helpers.js';

let sandbox: RunningSandbox;

function client(secretKey = DEFAULT_SECRET_KEY, region = 'ap-guangzhou'): CommonClient {
  const endpoint = `127.0.0.1:${sandbox.port}`;
  return new CommonClient(endpoint, '2018-04-12', {
    credential: { secretId: DEFAULT_SECRET_ID, secretKey },
    region,
    profile: { httpProfile: { endpoint, protocol: 'http://' } },
  });
}

interface TaskInfo {
  Status: string;
  TaskMessage: string;
  InstanceId: string;
}

async function waitTask(taskId: number): Promise<TaskInfo> {
  for (let i = 0; i < 200; i++) {
    const info = (await client().request('DescribeTaskInfo', { TaskId: taskId })) as TaskInfo;
    if (info.Status !== 'preparing' && info.Status !== 'running') return info;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('task did not finish');
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', taskSeconds: 0.3 });
});
afterAll(async () => {
  await sandbox.stop();
});

describe('official Node SDK against the sandbox', () => {
  it('DescribeInstances returns typed InstanceSet rows for the region', async () => {
    const res = (await client().request('DescribeInstances', { Limit: 100, Offset: 0 })) as {
      TotalCount: number;
      InstanceSet: Array<Record<string, unknown>>;
      RequestId: string;
    };
    expect(res.TotalCount).toBe(res.InstanceSet.length);
    expect(res.InstanceSet.every((i) => i.Region === 'ap-guangzhou')).toBe(true);
    const orders = res.InstanceSet.find((i) => i.InstanceId === 'crs-demo0001');
    expect(orders).toMatchObject({
      InstanceName: 'orders-cache',
      Status: 2,
      NoAuth: false,
      Type: 15,
      RegionId: 1,
    });
    const sessions = res.InstanceSet.find((i) => i.InstanceId === 'crs-demo0002');
    expect(sessions?.NoAuth).toBe(true);
    for (const field of ['Appid', 'ProjectId', 'ZoneId', 'Port', 'Size', 'BillingMode', 'SubStatus']) {
      expect(typeof orders?.[field]).toBe('number');
    }
    for (const field of [
      'WanIp',
      'Createtime',
      'DeadlineTime',
      'Engine',
      'ProductType',
      'InstanceTitle',
      'Region',
    ]) {
      expect(typeof orders?.[field]).toBe('string');
    }
    expect(Array.isArray(orders?.InstanceTags)).toBe(true);
    expect(res.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('restores a backup, polls the task, and takes a manual backup', async () => {
    const backups = (await client().request('DescribeInstanceBackups', {
      InstanceId: 'crs-demo0001',
      Limit: 100,
    })) as {
      TotalCount: number;
      BackupSet: Array<{ BackupId: string; Status: number; BackupType: string; Locked: number }>;
    };
    expect(backups.TotalCount).toBeGreaterThan(3);
    const backup = backups.BackupSet.find((b) => b.Status === 2);
    expect(backup && typeof backup.BackupType).toBe('string');
    if (!backup) throw new Error('no usable backup');

    const restore = (await client().request('RestoreInstance', {
      InstanceId: 'crs-demo0001',
      BackupId: backup.BackupId,
      Password: 'Orders#2024',
    })) as { TaskId: number };
    expect(typeof restore.TaskId).toBe('number');
    const done = await waitTask(restore.TaskId);
    expect(done).toMatchObject({ Status: 'succeed', TaskMessage: '', InstanceId: 'crs-demo0001' });

    const manual = (await client().request('ManualBackupInstance', {
      InstanceId: 'crs-demo0001',
      Remark: 'sdk test',
      StorageDays: 3,
    })) as { TaskId: number };
    expect((await waitTask(manual.TaskId)).Status).toBe('succeed');
    const after = (await client().request('DescribeInstanceBackups', { InstanceId: 'crs-demo0001' })) as {
      BackupSet: Array<{ Remark: string; BackupType: string; Status: number }>;
    };
    expect(after.BackupSet[0]).toMatchObject({ Remark: 'sdk test', BackupType: '0', Status: 2 });

    const list = (await client().request('DescribeTaskList', {
      InstanceId: 'crs-demo0001',
      TaskTypes: ['010', '012'],
    })) as { TotalCount: number; Tasks: Array<{ TaskId: number; TaskType: string; Result: number }> };
    expect(list.Tasks).toEqual([
      expect.objectContaining({ TaskId: manual.TaskId, TaskType: '012', Result: 2 }),
      expect.objectContaining({ TaskId: restore.TaskId, TaskType: '010', Result: 2 }),
    ]);
  });

  it('a wrong SecretKey throws AuthFailure.SignatureFailure with the trace id echoed', async () => {
    const error = await client('wrong-key-000000000000000000000000')
      .request('DescribeInstances', {})
      .then(
        () => null,
        (e: unknown) => e as { code?: string; requestId?: string; traceId?: string },
      );
    expect(error?.code).toBe('AuthFailure.SignatureFailure');
    expect(error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET requests (query string, A.N arrays) work too', async () => {
    const endpoint = `127.0.0.1:${sandbox.port}`;
    const getClient = new CommonClient(endpoint, '2018-04-12', {
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      region: 'ap-shanghai',
      profile: { httpProfile: { endpoint, protocol: 'http://', reqMethod: 'GET' } },
    });
    const res = (await getClient.request('DescribeInstances', {
      Limit: 5,
      InstanceIds: ['crs-demo0003', 'crs-demo0008'],
    })) as {
      TotalCount: number;
    };
    expect(res.TotalCount).toBe(2);
  });

  it('accepts docs-style signing (x-tc-action signed, host with port, service redis)', async () => {
    const reply = await callV3(
      sandbox.url,
      'DescribeInstances',
      { Limit: 1 },
      { style: 'docs', traceId: 'trace-123' },
    );
    expect(errorCode(reply)).toBeUndefined();
    expect(reply.json.TotalCount).toBeGreaterThan(0);
    expect(reply.headers.get('x-tc-traceid')).toBe('trace-123');
    expect(reply.headers.get('date')).toMatch(/GMT$/);
  });
});
