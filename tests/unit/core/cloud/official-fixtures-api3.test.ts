/**
 * The API 3.0 client against Tencent's own response examples (tccli examples, see
 * tests/fixtures/official/README.md): every field the app reads comes out with the right id, status, type
 * and time. CRS times are Beijing wall-clock (UTC+8), so `2023-04-17 11:32:18` is 03:32:18Z.
 */
import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { DescribeInstancesResponseSchema } from '../../../../electron/core/cloud/api3/api3-schemas';
import { harness } from './fakes';
import { officialReply, officialText } from './official-fixture';

const region = 'ap-guangzhou';

function clientFor(fixture: string) {
  const h = harness([officialReply(`api3/${fixture}.json`)]);
  return { h, client: new Api3CrsClient(h.options) };
}

describe('official API 3.0 examples through Api3CrsClient', () => {
  it('DescribeInstances: both instances of the example, Type 15 and 6, times in Beijing time', async () => {
    const { client } = clientFor('DescribeInstances');
    const page = await client.describeInstances({ region, limit: 2, offset: 0 });
    // The example's TotalCount (8) counts the whole listing, not the two rows of this page.
    expect(page.total).toBe(8);
    expect(page.instances).toHaveLength(2);
    const [adding, running] = page.instances;
    expect(adding).toEqual({
      id: 'crs-4nmzc0ul',
      name: 'Redis_automation_is_awesome',
      region: 'ap-guangzhou',
      zoneId: 100002,
      engine: 'Redis 6.2',
      engineVersion: '6.2',
      architecture: 'standard',
      typeId: 15,
      sizeMb: 4096,
      usedMb: 0,
      status: 'processing',
      statusRaw: 1,
      statusText: '添加实例中',
      wanIp: '10.0.1.61',
      port: 6379,
      tags: [],
      projectId: 0,
      projectName: '默认项目',
      noAuth: false,
      vpcId: 'vpc-mjwornzj',
      subnetId: 'subnet-1ed4w7to',
      createdAt: '2023-04-17T03:32:18.000Z',
      expiresAt: '2023-05-17T03:32:18.000Z',
      generation: 'v3',
    });
    expect(running).toMatchObject({
      id: 'crs-46njvft9',
      engine: 'Redis 4.0',
      engineVersion: '4.0',
      architecture: 'standard',
      typeId: 6,
      status: 'running',
      statusRaw: 2,
      statusText: '运行中',
      wanIp: '10.0.1.71',
      createdAt: '2023-04-17T03:47:02.000Z',
      expiresAt: '2023-05-17T03:47:01.000Z',
    });
  });

  it('DescribeInstances: the general zod schema accepts the example too (the hot path checks by hand)', () => {
    const { Response } = JSON.parse(officialText('api3/DescribeInstances.json')) as { Response: unknown };
    expect(DescribeInstancesResponseSchema.safeParse(Response).success).toBe(true);
  });

  it('DescribeInstanceBackups (examples.json): a manual backup past its expiry is not restorable', async () => {
    const { client } = clientFor('DescribeInstanceBackups');
    const result = await client.describeBackups({ region, instanceId: 'crs-c7nuafdt', limit: 10, offset: 0 });
    expect(result.total).toBe(1);
    expect(result.backups).toEqual([
      {
        id: '154572601-1165734322-153731238',
        instanceId: 'crs-c7nuafdt',
        startTime: '2022-12-23T08:24:41.000Z',
        endTime: '2022-12-23T08:25:18.000Z',
        expireTime: '2022-12-30T08:24:41.000Z',
        kind: 'manual',
        status: 'normal',
        statusRaw: 2,
        locked: false,
        sizeBytes: 191,
        remark: 'test001',
        // The harness clock stands at 2026-06-01, long after the example's ExpireTime.
        restorable: false,
        notRestorableReason: 'expired',
      },
    ]);
  });

  it('DescribeInstanceBackups (newer example): an automatic backup within its expiry is restorable', async () => {
    const { client } = clientFor('DescribeInstanceBackups-2');
    const result = await client.describeBackups({ region, instanceId: 'crs-ei43p3gr', limit: 20, offset: 0 });
    expect(result.total).toBe(6);
    expect(result.backups).toEqual([
      {
        id: '165706342-5832225-1641692389',
        instanceId: 'crs-ei43p3gr',
        startTime: '2026-05-31T18:00:48.000Z',
        endTime: '2026-05-31T18:01:09.000Z',
        expireTime: '2026-06-07T18:00:48.000Z',
        kind: 'automatic',
        status: 'normal',
        statusRaw: 2,
        locked: false,
        sizeBytes: 537,
        remark: '',
        restorable: true,
      },
    ]);
  });

  it('RestoreInstance: the task id the example sends as a string reads as that id', async () => {
    const { client, h } = clientFor('RestoreInstance');
    const result = await client.restoreInstance({
      region,
      instanceId: 'crs-5a4py64p',
      backupId: '678362566696298532848117',
      password: 'mypassword',
    });
    expect(result).toEqual({ taskId: '6954227' });
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('ManualBackupInstance: the string task id of the example, and no backup id (API 3.0 gives none)', async () => {
    const { client } = clientFor('ManualBackupInstance');
    const result = await client.manualBackup({ region, instanceId: 'crs-5a4p****', remark: 'xxxx' });
    expect(result).toEqual({ taskId: '6954227' });
  });

  it('DescribeTaskInfo: status, type, instance and a Beijing start time', async () => {
    const { client } = clientFor('DescribeTaskInfo');
    const task = await client.describeTask({ region, taskId: '18215' });
    expect(task).toEqual({
      taskId: '18215',
      status: 'succeed',
      statusRaw: 'succeed',
      message: '',
      instanceId: 'crs-09u2u96z',
      taskType: 'redis缓存清空流程',
      startTime: '2018-11-01T09:25:14.000Z',
    });
  });

  it('DescribeTaskList: parses, and its two "037" tasks are not taken for restores', async () => {
    const { client, h } = clientFor('DescribeTaskList');
    const since = '2019-11-15T00:00:00.000Z';
    const tasks = await client.listRestoreTasks({ region, instanceId: 'crs-opcazbrb', since });
    expect(tasks).toEqual([]);
    const call = h.fetch.calls[0];
    if (!call) throw new Error('no call');
    expect(JSON.parse(call.init.body)).toMatchObject({ InstanceId: 'crs-opcazbrb', TaskTypes: ['010'] });
  });
});
