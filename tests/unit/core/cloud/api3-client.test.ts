import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { signTc3 } from '../../../../electron/core/cloud/api3/tc3-signer';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply, SECRET_ID, SECRET_KEY } from './fakes';

const ok = (fields: Record<string, unknown>, requestId = 'req-1') =>
  jsonReply({ Response: { ...fields, RequestId: requestId } });
const cloudError = (code: string, message = 'msg', headers: Record<string, string> = {}) =>
  jsonReply({ Response: { Error: { Code: code, Message: message }, RequestId: 'req-err' } }, 200, headers);

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const exampleInstance = {
  InstanceId: 'crs-46njvft9',
  InstanceName: 'orders',
  Region: 'ap-guangzhou',
  ZoneId: 100003,
  Status: 2,
  InstanceTitle: '运行中',
  Type: 6,
  Size: 4096,
  SizeUsed: 12,
  WanIp: '10.0.1.61',
  Port: 6379,
  ProjectId: 0,
  ProjectName: null,
  NoAuth: false,
  UniqVpcId: 'vpc-1',
  UniqSubnetId: 'subnet-1',
  Createtime: '2020-01-15 10:20:00',
  DeadlineTime: '0000-00-00 00:00:00',
  InstanceTags: [{ TagKey: 'env', TagValue: 'prod' }],
  SomethingNew: { ignored: true },
};

describe('Api3CrsClient requests', () => {
  it('POSTs signed JSON with the TC3 headers to the public endpoint', async () => {
    const h = harness([ok({ TotalCount: 1, InstanceSet: [exampleInstance] })], { language: 'en-US' });
    const client = new Api3CrsClient(h.options);
    await client.describeInstances({ region: 'ap-guangzhou', limit: 20, offset: 0, searchKeys: ['orders'] });

    expect(h.fetch.calls).toHaveLength(1);
    const [call] = h.fetch.calls;
    if (!call) throw new Error('no call');
    expect(call.url).toBe('https://redis.tencentcloudapi.com/');
    expect(call.init.method).toBe('POST');
    expect(JSON.parse(call.init.body)).toEqual({ Limit: 20, Offset: 0, SearchKeys: ['orders'] });
    const headers = call.init.headers;
    const timestamp = Math.floor(h.clock.t / 1000);
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Version': '2018-04-12',
      'X-TC-Region': 'ap-guangzhou',
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Language': 'en-US',
    });
    expect(headers['X-TC-Token']).toBeUndefined();
    const expected = signTc3({
      method: 'POST',
      host: 'redis.tencentcloudapi.com',
      contentType: 'application/json',
      extraSignedHeaders: { 'x-tc-action': 'DescribeInstances' },
      payload: call.init.body,
      timestamp,
      service: 'redis',
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
    });
    expect(headers.Authorization).toBe(expected.authorization);
    expect(headers.Authorization).toContain('SignedHeaders=content-type;host;x-tc-action');
  });

  it('derives signed host and scope service from an endpoint override like the SDK, and sends the STS token', async () => {
    const h = harness([ok({ TaskId: 7 })], {
      endpoint: 'http://127.0.0.1:9000',
      credentials: async () => ({ secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'sts-token' }),
    });
    await new Api3CrsClient(h.options)
      .describeTask({ region: 'ap-guangzhou', taskId: '7' })
      .catch(() => undefined);
    const call = h.fetch.calls[0];
    expect(call?.url).toBe('http://127.0.0.1:9000/');
    expect(call?.init.headers['X-TC-Token']).toBe('sts-token');
    expect(h.lines.join('\n')).not.toContain('sts-token');
    const timestamp = Math.floor(h.clock.t / 1000);
    const expected = signTc3({
      method: 'POST',
      host: '127.0.0.1',
      contentType: 'application/json',
      extraSignedHeaders: { 'x-tc-action': 'DescribeTaskInfo' },
      payload: call?.init.body ?? '',
      timestamp,
      service: '127',
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
    });
    expect(call?.init.headers.Authorization).toBe(expected.authorization);
    expect(call?.init.headers.Authorization).toContain('/127/tc3_request');
  });

  it('reads credentials at every call and never logs the SecretKey or a password', async () => {
    const h = harness([ok({ TaskId: 6954227 }), cloudError('InvalidParameterValue.PasswordError')]);
    const client = new Api3CrsClient(h.options);
    await client.restoreInstance({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      backupId: 'b-1',
      password: 'hunter2-secret',
    });
    const error = await caught(
      client.restoreInstance({
        region: 'ap-guangzhou',
        instanceId: 'crs-1',
        backupId: 'b-1',
        password: 'hunter2-secret',
      }),
    );
    expect(h.credentialCalls).toBe(2);
    expect(error.code).toBe('WRONG_PASSWORD');
    const visible = JSON.stringify({ lines: h.lines, details: error.details, message: error.message });
    expect(visible).not.toContain(SECRET_KEY);
    expect(visible).not.toContain('hunter2-secret');
    expect(visible).toContain('req-err');
  });

  it('turns a missing SecretKey into CREDENTIALS_MISSING without sending anything', async () => {
    const h = harness([ok({})], { credentials: async () => ({ secretId: SECRET_ID, secretKey: '' }) });
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('CREDENTIALS_MISSING');
    expect(h.fetch.calls).toHaveLength(0);
  });

  it('rejects an endpoint with a path as SETTINGS_INVALID', () => {
    const h = harness([]);
    expect(() => new Api3CrsClient({ ...h.options, endpoint: 'https://x.example.com/api' })).toThrow(
      AppError,
    );
  });
});

describe('Api3CrsClient normalization', () => {
  it('maps an instance into the domain', async () => {
    const h = harness([ok({ TotalCount: '8', InstanceSet: [exampleInstance] })]);
    const result = await new Api3CrsClient(h.options).describeInstances({
      region: 'ap-guangzhou',
      limit: 20,
      offset: 0,
    });
    expect(result.total).toBe(8);
    expect(result.instances[0]).toEqual({
      id: 'crs-46njvft9',
      name: 'orders',
      region: 'ap-guangzhou',
      zoneId: 100003,
      engine: 'Redis 4.0',
      engineVersion: '4.0',
      architecture: 'standard',
      typeId: 6,
      sizeMb: 4096,
      usedMb: 12,
      status: 'running',
      statusRaw: 2,
      statusText: '运行中',
      wanIp: '10.0.1.61',
      port: 6379,
      tags: [{ key: 'env', value: 'prod' }],
      projectId: 0,
      noAuth: false,
      vpcId: 'vpc-1',
      subnetId: 'subnet-1',
      createdAt: '2020-01-15T02:20:00.000Z',
      generation: 'v3',
    });
  });

  it('maps backups, derives restorable and converts time parameters', async () => {
    const backup = {
      BackupId: '165706342-5832225-1641692389',
      BackupSize: 537,
      BackupType: '1',
      EndTime: '2026-06-01 02:01:09',
      ExpireTime: '2026-06-08 02:00:48',
      InstanceId: 'crs-ei43p3gr',
      Locked: 0,
      Remark: '',
      StartTime: '2026-06-01 02:00:48',
      Status: 2,
    };
    const h = harness([
      ok({
        TotalCount: 4,
        BackupSet: [
          backup,
          { ...backup, BackupId: 'm', BackupType: '0', Locked: 1 },
          { ...backup, BackupId: 'x', Status: -1 },
          { ...backup, BackupId: 'old', ExpireTime: '2026-05-01 00:00:00' },
        ],
      }),
    ]);
    const result = await new Api3CrsClient(h.options).describeBackups({
      region: 'ap-guangzhou',
      instanceId: 'crs-ei43p3gr',
      beginTime: '2026-05-25T00:00:00.000Z',
      endTime: '2026-06-01T16:00:00.000Z',
      limit: 100,
      offset: 0,
    });
    expect(JSON.parse(h.fetch.calls[0]?.init.body ?? '')).toMatchObject({
      BeginTime: '2026-05-25 08:00:00',
      EndTime: '2026-06-02 00:00:00',
    });
    expect(result.backups[0]).toEqual({
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
    });
    expect(result.backups[1]).toMatchObject({
      kind: 'manual',
      status: 'locked',
      restorable: false,
      notRestorableReason: 'locked',
    });
    expect(result.backups[2]).toMatchObject({
      status: 'expired',
      restorable: false,
      notRestorableReason: 'expired',
    });
    expect(result.backups[3]).toMatchObject({
      status: 'normal',
      restorable: false,
      notRestorableReason: 'expired',
    });
    expect(result.statusCoverage).toBe('all');
  });

  const backupRow = {
    BackupId: 'b-1',
    BackupType: '1',
    InstanceId: 'crs-1',
    Locked: 0,
    Remark: '',
    StartTime: '2026-06-01 02:00:48',
    Status: 2,
  };
  const listBackups = (client: Api3CrsClient) =>
    client.describeBackups({ region: 'ap-guangzhou', instanceId: 'crs-1', limit: 100, offset: 0 });

  it('asks for every documented backup status explicitly, whatever the server would list by default', async () => {
    const h = harness([ok({ TotalCount: 1, BackupSet: [backupRow] })]);
    await listBackups(new Api3CrsClient(h.options));
    expect(JSON.parse(h.fetch.calls[0]?.init.body ?? '').Status).toEqual([1, 2, 3, 4, -1, -2]);
  });

  it('falls back once to [1, 2] when the server refuses the status filter, says so, and remembers it', async () => {
    const h = harness([
      cloudError('InvalidParameter.InvalidParameter', 'Status'),
      ok({ TotalCount: 1, BackupSet: [backupRow] }),
    ]);
    const client = new Api3CrsClient(h.options);
    const first = await listBackups(client);
    expect(first.statusCoverage).toBe('normal-and-locked');
    expect(first.backups).toHaveLength(1);
    await listBackups(client);
    const statuses = h.fetch.calls.map((c) => JSON.parse(c.init.body).Status);
    expect(statuses).toEqual([
      [1, 2, 3, 4, -1, -2],
      [1, 2],
      [1, 2],
    ]);
  });

  it('does not fall back for other errors, nor keep the narrow filter when the narrow read fails too', async () => {
    const other = harness([cloudError('ResourceNotFound.InstanceNotExists')]);
    await expect(listBackups(new Api3CrsClient(other.options))).rejects.toMatchObject({
      code: 'INSTANCE_NOT_FOUND',
    });
    expect(other.fetch.calls).toHaveLength(1);
    const h = harness([
      cloudError('InvalidParameter.InvalidParameter'),
      cloudError('InvalidParameter.InvalidParameter'),
      ok({ TotalCount: 0, BackupSet: [] }),
    ]);
    const client = new Api3CrsClient(h.options);
    await expect(listBackups(client)).rejects.toBeInstanceOf(AppError);
    expect((await listBackups(client)).statusCoverage).toBe('all');
  });

  it('maps each backup status number, and anything undocumented to unknown, never restorable', async () => {
    const statuses = [1, 2, 3, 4, -1, -2, 0, 5, 99];
    const h = harness([
      ok({
        TotalCount: statuses.length,
        BackupSet: statuses.map((Status, n) => ({ ...backupRow, BackupId: `b${n}`, Status })),
      }),
    ]);
    const { backups } = await listBackups(new Api3CrsClient(h.options));
    expect(backups.map((b) => [b.status, b.restorable, b.notRestorableReason])).toEqual([
      ['locked', false, 'locked'],
      ['normal', true, undefined],
      ['exporting', false, 'exporting'],
      ['exported', true, undefined],
      ['expired', false, 'expired'],
      ['deleted', false, 'deleted'],
      ['unknown', false, 'unknown-status'],
      ['unknown', false, 'unknown-status'],
      ['unknown', false, 'unknown-status'],
    ]);
  });

  it('names who started a backup: manual, nightly, spec change, or unknown', async () => {
    const types = ['0', '1', '2', 1, '9'];
    const h = harness([
      ok({
        TotalCount: types.length,
        BackupSet: types.map((BackupType, n) => ({ ...backupRow, BackupId: `b${n}`, BackupType })),
      }),
    ]);
    const { backups } = await listBackups(new Api3CrsClient(h.options));
    expect(backups.map((b) => b.kind)).toEqual([
      'manual',
      'automatic',
      'spec-change',
      'automatic',
      'unknown',
    ]);
  });

  it('keeps backup rows with missing, null or malformed fields as incomplete, never restorable', async () => {
    const h = harness([
      ok({
        TotalCount: 5,
        BackupSet: [
          { ...backupRow, BackupId: 'b-0', Locked: null },
          { ...backupRow, BackupId: 'b-2', StartTime: undefined, BackupSize: 'big' },
          { ...backupRow, BackupId: undefined },
          'not a row',
          backupRow,
        ],
      }),
    ]);
    const { backups } = await listBackups(new Api3CrsClient(h.options));
    expect(backups.map((b) => b.incomplete)).toEqual([
      ['Locked'],
      ['StartTime', 'BackupSize'],
      ['BackupId'],
      ['BackupId', 'InstanceId', 'StartTime', 'BackupType', 'Status', 'Locked'],
      undefined,
    ]);
    expect(backups.slice(0, 3).map((b) => b.notRestorableReason)).toEqual([
      'incomplete',
      'incomplete',
      'incomplete',
    ]);
    expect(backups[4]?.restorable).toBe(true);
    // A row without an id gets one the IPC contract refuses, so nothing can be sent for it.
    expect(backups[2]?.id).toMatch(/^\?/);
    expect(new Set(backups.map((b) => b.id)).size).toBe(5);
    expect(backups[3]?.instanceId).toBe('');
  });

  it('keeps instance rows with missing or malformed fields as incomplete, with an id nothing can act on', async () => {
    const h = harness([
      ok({
        TotalCount: 3,
        InstanceSet: [
          exampleInstance,
          { ...exampleInstance, Status: 9, Type: null },
          { ...exampleInstance, InstanceId: '', Size: 'huge' },
        ],
      }),
    ]);
    const { instances } = await new Api3CrsClient(h.options).describeInstances({
      region: 'ap-guangzhou',
      limit: 10,
      offset: 20,
    });
    expect(instances[0]?.incomplete).toBeUndefined();
    expect(instances[1]).toMatchObject({ status: 'unknown', statusRaw: 9, incomplete: ['Type'] });
    expect(instances[2]?.incomplete).toEqual(['InstanceId', 'Size']);
    expect(instances[2]?.id).toBe('?ap-guangzhou#22');
  });

  it('names each BackupType of the models, and never guesses an unknown one', async () => {
    const backup = {
      BackupId: 'b',
      InstanceId: 'crs-1',
      Status: 2,
      Locked: 0,
      StartTime: '2026-06-01 02:00:48',
    };
    const h = harness([
      ok({
        TotalCount: 5,
        BackupSet: ['0', '1', '2', '9', 'constructor'].map((type, i) => ({
          ...backup,
          BackupId: `b${i}`,
          BackupType: type,
        })),
      }),
    ]);
    const result = await new Api3CrsClient(h.options).describeBackups({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      limit: 100,
      offset: 0,
    });
    expect(result.backups.map((b) => b.kind)).toEqual([
      'manual',
      'automatic',
      'spec-change',
      'unknown',
      'unknown',
    ]);
  });

  it('maps task statuses, including the English pages’ "Error"', async () => {
    const h = harness([
      ok({
        Status: 'running',
        StartTime: '2018-11-01 17:25:14',
        TaskType: 'restore',
        InstanceId: 'crs-1',
        TaskMessage: '',
      }),
      ok({ Status: 'Error', TaskMessage: 'boom' }),
      ok({ Status: 'exploded' }),
    ]);
    const client = new Api3CrsClient(h.options);
    expect(await client.describeTask({ region: 'r', taskId: '18215' })).toEqual({
      taskId: '18215',
      status: 'running',
      statusRaw: 'running',
      message: '',
      instanceId: 'crs-1',
      taskType: 'restore',
      startTime: '2018-11-01T09:25:14.000Z',
    });
    expect(await client.describeTask({ region: 'r', taskId: '18215' })).toMatchObject({
      status: 'error',
      message: 'boom',
    });
    expect((await caught(client.describeTask({ region: 'r', taskId: '18215' }))).code).toBe('BAD_RESPONSE');
  });

  it('accepts a TaskId sent as a string (as in the ManualBackupInstance example)', async () => {
    const h = harness([ok({ TaskId: '6954227' })]);
    const result = await new Api3CrsClient(h.options).manualBackup({
      region: 'r',
      instanceId: 'crs-1',
      remark: 'pre-restore',
      storageDays: 7,
    });
    expect(result).toEqual({ taskId: '6954227' });
    expect(JSON.parse(h.fetch.calls[0]?.init.body ?? '')).toEqual({
      InstanceId: 'crs-1',
      Remark: 'pre-restore',
      StorageDays: 7,
    });
  });
});

describe('Api3CrsClient response validation', () => {
  it.each([
    ['not JSON', '<html>gateway</html>'],
    ['no envelope', JSON.stringify({ TotalCount: 1 })],
    ['a set that is not an array', JSON.stringify({ Response: { TotalCount: 1, InstanceSet: {} } })],
    ['missing TotalCount', JSON.stringify({ Response: { InstanceSet: [] } })],
  ])('answers BAD_RESPONSE for %s', async (_name, body) => {
    const h = harness([
      { status: 200, statusText: 'OK', headers: { get: () => null }, text: async () => body },
    ]);
    const error = await caught(
      new Api3CrsClient(h.options).describeInstances({ region: 'r', limit: 1, offset: 0 }),
    );
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/DescribeInstances/);
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('maps cloud errors with cloud code and request id; unknown codes keep the raw code', async () => {
    const h = harness([
      cloudError('ResourceNotFound.InstanceNotExists'),
      cloudError('Totally.NewCode', 'something new'),
    ]);
    const client = new Api3CrsClient(h.options);
    const notFound = await caught(
      client.describeBackups({ region: 'r', instanceId: 'crs-x', limit: 10, offset: 0 }),
    );
    expect(notFound.code).toBe('INSTANCE_NOT_FOUND');
    expect(notFound.details).toMatchObject({
      cloudCode: 'ResourceNotFound.InstanceNotExists',
      requestId: 'req-err',
      instanceId: 'crs-x',
    });
    const unknown = await caught(
      client.describeBackups({ region: 'r', instanceId: 'crs-x', limit: 10, offset: 0 }),
    );
    expect(unknown.code).toBe('CLOUD_ERROR');
    expect(unknown.message).toContain('Totally.NewCode');
    expect(unknown.message).toContain('something new');
  });

  it('reports a non-JSON HTTP error as HTTP_ERROR', async () => {
    const h = harness([jsonReply('denied', 403)]);
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.details).toMatchObject({ httpStatus: 403 });
  });
});
