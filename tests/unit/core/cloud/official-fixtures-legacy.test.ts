/**
 * The legacy v2 client against the examples of Tencent's legacy Redis API pages (qcloud-documents, see
 * tests/fixtures/official/README.md). Those pages send numbers as strings (`"status": "2"`, `"port": "6379"`)
 * as often as numbers; every field the app reads must come out typed, and times read as Beijing time.
 */
import { describe, expect, it } from 'vitest';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { AppError } from '../../../../shared/errors';
import { harness } from './fakes';
import { officialReply } from './official-fixture';

const region = 'ap-guangzhou';

function clientFor(fixture: string) {
  const file = fixture.includes('.') ? fixture : `${fixture}.json`;
  const h = harness([officialReply(`legacy/${file}`)]);
  return { h, client: new LegacyCrsClient(h.options) };
}

describe('official legacy examples through LegacyCrsClient', () => {
  it('DescribeRedis: string-typed numbers become numbers, times Beijing time', async () => {
    const { client } = clientFor('DescribeRedis');
    const page = await client.describeInstances({ region, limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.instances).toEqual([
      {
        id: 'crs-ooakfyj3',
        name: 'att_test',
        region: 'ap-guangzhou',
        zoneId: 100002,
        // typeIddesc (集群版) is the architecture; the legacy listing names no engine version.
        engine: 'Redis',
        architecture: 'cluster',
        typeId: 1,
        sizeMb: 2048,
        usedMb: 0,
        status: 'running',
        statusRaw: 2,
        statusText: '实例运行中',
        wanIp: '10.66.170.224',
        port: 6379,
        tags: [],
        projectId: 0,
        noAuth: false,
        vpcId: 'vpc-j5yvvkul',
        subnetId: 'subnet-py2q60ty',
        createdAt: '2016-05-04T08:59:53.000Z',
        expiresAt: '2016-08-14T08:59:53.000Z',
        generation: 'legacy-v2',
      },
    ]);
  });

  it('GetRedisBackupList: manual and system backups, normal and unlocked', async () => {
    const { client } = clientFor('GetRedisBackupList');
    const result = await client.describeBackups({ region, instanceId: 'crs-izbob1wh', limit: 10, offset: 0 });
    expect(result.total).toBe(2);
    expect(result.backups).toEqual([
      {
        id: '19266626-eddb-11e6-890a-525400394272',
        instanceId: 'crs-izbob1wh',
        startTime: '2017-02-08T08:46:34.000Z',
        kind: 'manual',
        status: 'normal',
        statusRaw: 2,
        locked: false,
        remark: 'testAPI',
        restorable: true,
      },
      {
        id: '0f87ffc6-edef-11e6-b88e-525400394272',
        instanceId: 'crs-izbob1wh',
        startTime: '2017-02-08T11:09:26.000Z',
        kind: 'automatic',
        status: 'normal',
        statusRaw: 2,
        locked: false,
        remark: '',
        restorable: true,
      },
    ]);
  });

  it('RestoreInstance: the numeric requestId is the task id', async () => {
    const { client } = clientFor('RestoreInstance');
    const result = await client.restoreInstance({
      region,
      instanceId: 'crs-izbob1wh',
      backupId: 'e824aecc-ef5e-11e6-a2c7-525400082493',
      password: '12D3E@!r5ed',
    });
    expect(result).toEqual({ taskId: '375074' });
  });

  it('RestoreInstance as published (a full-width comma, not JSON): the outcome is unknown, not a failure', async () => {
    const { client, h } = clientFor('RestoreInstance.as-published.txt');
    const error = await client
      .restoreInstance({ region, instanceId: 'crs-izbob1wh', backupId: 'e824aecc', password: 'p' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    // A 200 we cannot read may hide a started restore: never "failed", never sent again.
    expect((error as AppError).code).toBe('RESTORE_OUTCOME_UNKNOWN');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('ManualBackupInstance: the numeric requestId is the task id; no backup id is given', async () => {
    const { client } = clientFor('ManualBackupInstance');
    const result = await client.manualBackup({ region, instanceId: 'crs-izbob1wh', remark: 'test_api' });
    expect(result).toEqual({ taskId: '375062' });
  });

  it('DescribeTaskInfo: status 2 is success', async () => {
    const { client } = clientFor('DescribeTaskInfo');
    const task = await client.describeTask({ region, taskId: '11963' });
    expect(task).toEqual({ taskId: '11963', status: 'succeed', statusRaw: 2, message: '' });
  });

  it('GetRedisTaskList: only the two restoreBackup tasks of the instance, with Beijing start times', async () => {
    const { client } = clientFor('GetRedisTaskList');
    const tasks = await client.listRestoreTasks({
      region,
      instanceId: 'crs-izbob1wh',
      since: '2016-12-27T16:03:52.000Z',
    });
    expect(tasks).toEqual([
      { status: 'succeed', startTime: '2017-02-10T08:56:18.000Z' },
      { status: 'succeed', startTime: '2017-02-08T09:21:32.000Z' },
    ]);
  });

  it('the documented error example (code "5100" as a string) is a cloud error, not a bad response', async () => {
    const { client } = clientFor('error-5100');
    const error = await client.describeInstances({ region, limit: 10, offset: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CLOUD_OPERATION_FAILED');
    expect((error as AppError).message).toContain('(100004)projectId不正确');
  });
});
