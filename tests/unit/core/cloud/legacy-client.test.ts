import { describe, expect, it } from 'vitest';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { legacySign, legacyStringToSign } from '../../../../electron/core/cloud/legacy/legacy-signer';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply, networkError, SECRET_ID, SECRET_KEY, timeoutError } from './fakes';

const success = (fields: Record<string, unknown>) =>
  jsonReply({ code: 0, message: '', codeDesc: 'Success', ...fields });
const failure = (code: number | string, codeDesc: string, headers: Record<string, string> = {}) =>
  jsonReply({ code, message: '(100004)detail', codeDesc }, 200, headers);

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('LegacyCrsClient requests', () => {
  it.each(['HmacSHA1', 'HmacSHA256'] as const)(
    'form-POSTs to /v2/index.php signed with %s over host:port',
    async (method) => {
      const h = harness([success({ data: { requestId: 375074 } })], {
        endpoint: 'http://127.0.0.1:9000',
        signatureMethod: method,
      });
      const result = await new LegacyCrsClient(h.options).restoreInstance({
        region: 'ap-guangzhou',
        instanceId: 'crs-izbob1wh',
        backupId: 'e824aecc-ef5e-11e6-a2c7-525400082493',
        password: '12D3E@!r5ed',
      });
      expect(result).toEqual({ taskId: '375074' });
      const call = h.fetch.calls[0];
      expect(call?.url).toBe('http://127.0.0.1:9000/v2/index.php');
      expect(call?.init.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
      const form = formOf(call?.init.body ?? '');
      expect(form).toMatchObject({
        Action: 'RestoreInstance',
        Region: 'ap-guangzhou',
        SecretId: SECRET_ID,
        Timestamp: String(Math.floor(h.clock.t / 1000)),
        redisId: 'crs-izbob1wh',
        password: '12D3E@!r5ed',
        backupId: 'e824aecc-ef5e-11e6-a2c7-525400082493',
      });
      expect(Number(form.Nonce)).toBeGreaterThan(0);
      expect(form.SignatureMethod).toBe(method === 'HmacSHA256' ? 'HmacSHA256' : undefined);
      const { Signature, ...signed } = form;
      const expected = legacySign(
        legacyStringToSign('POST', '127.0.0.1:9000', '/v2/index.php', signed),
        SECRET_KEY,
        method,
      );
      expect(Signature).toBe(expected);
    },
  );

  it('sends the STS token as the signed Token parameter only when the credentials carry one', async () => {
    const withToken = harness([success({ totalCount: 0, data: { redisSet: [] } })], {
      endpoint: 'http://127.0.0.1:9000',
      credentials: async () => ({ secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'sts-token' }),
    });
    await new LegacyCrsClient(withToken.options).describeInstances({ region: 'gz', limit: 10, offset: 0 });
    const form = formOf(withToken.fetch.calls[0]?.init.body ?? '');
    expect(form.Token).toBe('sts-token');
    const { Signature, ...signed } = form;
    expect(Signature).toBe(
      legacySign(
        legacyStringToSign('POST', '127.0.0.1:9000', '/v2/index.php', signed),
        SECRET_KEY,
        'HmacSHA1',
      ),
    );
    // The token is a secret: never in the logs.
    expect(withToken.lines.join('\n')).not.toContain('sts-token');

    const without = harness([success({ totalCount: 0, data: { redisSet: [] } })]);
    await new LegacyCrsClient(without.options).describeInstances({ region: 'gz', limit: 10, offset: 0 });
    expect('Token' in formOf(without.fetch.calls[0]?.init.body ?? '')).toBe(false);
  });

  it('defaults to https://redis.api.qcloud.com and asks DescribeRedis with lower-case params', async () => {
    const h = harness([success({ totalCount: 0, data: { redisSet: [] } })]);
    await new LegacyCrsClient(h.options).describeInstances({
      region: 'gz',
      limit: 10,
      offset: 0,
      instanceIds: ['crs-1'],
      projectIds: [3],
    });
    expect(h.fetch.calls[0]?.url).toBe('https://redis.api.qcloud.com/v2/index.php');
    expect(formOf(h.fetch.calls[0]?.init.body ?? '')).toMatchObject({
      Action: 'DescribeRedis',
      limit: '10',
      offset: '0',
      redisId: 'crs-1',
      'projectIds.0': '3',
    });
  });

  it('looks several instance ids up one by one', async () => {
    const one = (id: string) => success({ totalCount: 1, data: { redisSet: [{ redisId: id, status: 2 }] } });
    const h = harness([one('crs-a'), one('crs-b')]);
    const result = await new LegacyCrsClient(h.options).describeInstances({
      region: 'gz',
      limit: 10,
      offset: 0,
      instanceIds: ['crs-a', 'crs-b'],
    });
    expect(result.instances.map((i) => i.id)).toEqual(['crs-a', 'crs-b']);
    expect(h.fetch.calls).toHaveLength(2);
  });
});

describe('LegacyCrsClient normalization (numbers may be strings)', () => {
  it('maps DescribeRedis with string numbers', async () => {
    const h = harness([
      jsonReply({
        code: '0',
        message: '',
        codeDesc: 'Success',
        totalCount: '1',
        data: {
          redisSet: [
            {
              redisName: 'cache',
              redisId: 'crs-ifmymj41',
              appid: '1251000000',
              projectId: '0',
              regionId: '1',
              zoneId: '100002',
              unVpcId: 'vpc-kd7d06of',
              unSubnetId: 'subnet-3lzrkspo',
              status: '2',
              statusDesc: '实例运行中',
              wanIp: '10.66.1.5',
              port: '6379',
              createtime: '2015-09-11 11:16:00',
              size: '1024',
              sizeUsed: '1',
              typeId: '2',
              typeIddesc: '主从版',
              autoRenewFlag: '0',
              deadlineTime: '2016-09-19 00:00:00',
            },
          ],
        },
      }),
    ]);
    const result = await new LegacyCrsClient(h.options).describeInstances({
      region: 'ap-guangzhou',
      limit: 10,
      offset: 0,
    });
    expect(result.total).toBe(1);
    expect(result.instances[0]).toEqual({
      id: 'crs-ifmymj41',
      name: 'cache',
      region: 'ap-guangzhou',
      zoneId: 100002,
      engine: 'Redis',
      architecture: 'standard',
      typeId: 2,
      sizeMb: 1024,
      usedMb: 1,
      status: 'running',
      statusRaw: 2,
      statusText: '实例运行中',
      wanIp: '10.66.1.5',
      port: 6379,
      tags: [],
      projectId: 0,
      noAuth: false,
      vpcId: 'vpc-kd7d06of',
      subnetId: 'subnet-3lzrkspo',
      createdAt: '2015-09-11T03:16:00.000Z',
      expiresAt: '2016-09-18T16:00:00.000Z',
      generation: 'legacy-v2',
    });
  });

  it('maps GetRedisBackupList, with numbers either way', async () => {
    const h = harness([
      success({
        totalCount: 3,
        data: {
          redisBackupSet: [
            {
              startTime: '2017-02-08 16:46:34',
              backupId: 'b1',
              backupType: 'manualBackupInstance',
              status: '2',
              remark: 'r',
              locked: '0',
            },
            {
              startTime: '2017-02-08 03:00:00',
              backupId: 'b2',
              backupType: 'systemBackupInstance',
              status: 1,
              remark: '',
              locked: 1,
            },
            {
              startTime: '2017-02-01 03:00:00',
              backupId: 'b3',
              backupType: 'systemBackupInstance',
              status: -1,
              remark: '',
              locked: 0,
            },
          ],
        },
      }),
    ]);
    const result = await new LegacyCrsClient(h.options).describeBackups({
      region: 'gz',
      instanceId: 'crs-1',
      beginTime: '2017-02-08T08:46:34.000Z',
      limit: 20,
      offset: 0,
    });
    expect(formOf(h.fetch.calls[0]?.init.body ?? '')).toMatchObject({
      Action: 'GetRedisBackupList',
      redisId: 'crs-1',
      beginTime: '2017-02-08 16:46:34',
    });
    expect(result.backups).toEqual([
      {
        id: 'b1',
        instanceId: 'crs-1',
        startTime: '2017-02-08T08:46:34.000Z',
        kind: 'manual',
        status: 'normal',
        statusRaw: 2,
        locked: false,
        remark: 'r',
        restorable: true,
      },
      expect.objectContaining({
        id: 'b2',
        kind: 'automatic',
        status: 'locked',
        locked: true,
        restorable: false,
        notRestorableReason: 'locked',
      }),
      expect.objectContaining({
        id: 'b3',
        status: 'expired',
        restorable: false,
        notRestorableReason: 'expired',
      }),
    ]);
    // GetRedisBackupList has no status filter: nothing is sent for it, and the answer says so.
    expect(Object.keys(formOf(h.fetch.calls[0]?.init.body ?? '')).some((k) => /status/i.test(k))).toBe(false);
    expect(result.statusCoverage).toBe('server-default');
  });

  it.each([
    [0, 'preparing'],
    ['1', 'running'],
    [2, 'succeed'],
    ['3', 'failed'],
    [-1, 'error'],
  ])('maps task status %s to %s', async (raw, status) => {
    const h = harness([success({ data: { status: raw } })]);
    const task = await new LegacyCrsClient(h.options).describeTask({ region: 'gz', taskId: '11963' });
    expect(task).toEqual({ taskId: '11963', status, statusRaw: Number(raw), message: '' });
    expect(formOf(h.fetch.calls[0]?.init.body ?? '')).toMatchObject({
      Action: 'DescribeTaskInfo',
      requestId: '11963',
    });
  });

  it('answers BAD_RESPONSE for a malformed success and for an unknown task status', async () => {
    const h = harness([
      success({ data: { redisSet: 'nope' } }),
      success({ data: { status: 7 } }),
      jsonReply({ ok: true }),
    ]);
    const client = new LegacyCrsClient(h.options);
    expect((await caught(client.describeInstances({ region: 'gz', limit: 1, offset: 0 }))).code).toBe(
      'BAD_RESPONSE',
    );
    expect((await caught(client.describeTask({ region: 'gz', taskId: '1' }))).code).toBe('BAD_RESPONSE');
    expect((await caught(client.describeTask({ region: 'gz', taskId: '1' }))).code).toBe('BAD_RESPONSE');
  });
});

describe('LegacyCrsClient errors and retries', () => {
  it.each([
    ['10712', 'PasswordError', 'WRONG_PASSWORD'],
    [10701, 'InstanceNotExists', 'INSTANCE_NOT_FOUND'],
    [10707, 'InstanceLockedError', 'INSTANCE_LOCKED'],
    [10711, 'BackupStatusAbnormal', 'BACKUP_EXPIRED'],
    [11213, 'BackupNotExists', 'BACKUP_NOT_FOUND'],
  ])('maps code %s to %s → %s', async (code, desc, appCode) => {
    const h = harness([failure(code, desc)]);
    const error = await caught(
      new LegacyCrsClient(h.options).restoreInstance({
        region: 'gz',
        instanceId: 'crs-1',
        backupId: 'b',
        password: 'x',
      }),
    );
    expect(error.code).toBe(appCode);
    expect(error.details).toMatchObject({ cloudCode: String(code), generation: 'legacy-v2' });
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('retries a read after 4400 (quota / rate) but not a restore', async () => {
    const h = harness([failure(4400, 'RequestLimitExceeded'), success({ data: { status: 1 } })]);
    expect((await new LegacyCrsClient(h.options).describeTask({ region: 'gz', taskId: '1' })).status).toBe(
      'running',
    );
    expect(h.fetch.calls).toHaveLength(2);
    const w = harness([failure(4400, 'RequestLimitExceeded'), success({ data: { requestId: 1 } })]);
    const error = await caught(
      new LegacyCrsClient(w.options).restoreInstance({
        region: 'gz',
        instanceId: 'crs-1',
        backupId: 'b',
        password: 'x',
      }),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(w.fetch.calls).toHaveLength(1);
  });

  it('corrects the clock after 4500 and retries the read once with a new nonce', async () => {
    const h = harness([]);
    const date = new Date(h.clock.t - 7 * 60_000).toUTCString();
    const replies = [failure(4500, 'ReplayAttack', { Date: date }), success({ data: { status: 2 } })];
    const forms: Record<string, string>[] = [];
    h.options.fetch = async (_url, init) => {
      forms.push(formOf(init.body));
      const reply = replies[forms.length - 1];
      if (!reply) throw new Error('unexpected call');
      return reply;
    };
    let random = 0.1;
    const client = new LegacyCrsClient({ ...h.options, random: () => (random += 0.2) });
    expect((await client.describeTask({ region: 'gz', taskId: '1' })).status).toBe('succeed');
    expect(Number(forms[1]?.Timestamp) - Number(forms[0]?.Timestamp)).toBe(-420);
    expect(forms[1]?.Nonce).not.toBe(forms[0]?.Nonce);
    expect(client.clockOffsetMs).toBe(-420_000);
  });

  it('a restore that times out is RESTORE_OUTCOME_UNKNOWN after one request', async () => {
    for (const failureReply of [timeoutError(), networkError('ECONNRESET')]) {
      const h = harness([failureReply, success({ data: { requestId: 1 } })]);
      const error = await caught(
        new LegacyCrsClient(h.options).restoreInstance({
          region: 'gz',
          instanceId: 'crs-1',
          backupId: 'b',
          password: 'x',
        }),
      );
      expect(error.code).toBe('RESTORE_OUTCOME_UNKNOWN');
      expect(h.fetch.calls).toHaveLength(1);
    }
  });
});
