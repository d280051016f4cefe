// Bad input gets the documented error envelope, never a crash; rate limits per SecretId per action.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { READONLY_SECRET_ID, READONLY_SECRET_KEY } from '../../../sandbox/index.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';
import { callLegacy, callV3, errorCode, legacySignedParams, tc3Headers } from './helpers.js';

const env = frozenDemoSandbox();
const { clock } = env;

async function stillServing(): Promise<void> {
  const reply = await callV3(env.sandbox.url, 'DescribeInstances', { Limit: 1 });
  expect(errorCode(reply)).toBeUndefined();
}

describe('API 3.0 bad input', () => {
  it.each([
    ['unknown action', 'DropEverything', {}, {}, 'InvalidAction'],
    ['wrong type', 'DescribeInstances', { Limit: 'ten' }, {}, 'InvalidParameter'],
    ['wrong array item type', 'DescribeInstances', { Status: ['2'] }, {}, 'InvalidParameter'],
    ['huge Limit', 'DescribeInstances', { Limit: 1_000_000 }, {}, 'InvalidParameter.InvalidParameter'],
    [
      'Limit over 100 for backups',
      'DescribeInstanceBackups',
      { Limit: 101 },
      {},
      'InvalidParameter.InvalidParameter',
    ],
    ['unknown parameter', 'DescribeInstances', { Bogus: 1 }, {}, 'UnknownParameter'],
    ['missing required', 'DescribeTaskInfo', {}, {}, 'MissingParameter'],
    ['unknown task', 'DescribeTaskInfo', { TaskId: 1 }, {}, 'InvalidParameter.InvalidParameter'],
    ['unknown region', 'DescribeInstances', {}, { region: 'ap-mars' }, 'UnsupportedRegion'],
    ['missing region', 'DescribeInstances', {}, { region: null }, 'MissingParameter'],
    ['wrong version', 'DescribeInstances', {}, { version: '2017-03-12' }, 'NoSuchVersion'],
    [
      'expired signature',
      'DescribeInstances',
      {},
      { timestamp: Math.floor(Date.now() / 1000) - 3600 },
      'AuthFailure.SignatureExpire',
    ],
    ['unknown SecretId', 'DescribeInstances', {}, { secretId: 'AKIDnobody' }, 'AuthFailure.SecretIdNotFound'],
    ['wrong service in scope', 'DescribeInstances', {}, { service: 'cvm' }, 'AuthFailure.SignatureFailure'],
    ['missing timestamp', 'DescribeInstances', {}, { omit: ['X-TC-Timestamp'] }, 'MissingParameter'],
    ['missing authorization', 'DescribeInstances', {}, { omit: ['Authorization'] }, 'MissingParameter'],
    ['missing action', 'DescribeInstances', {}, { omit: ['X-TC-Action'] }, 'MissingParameter'],
    ['non-JSON body', 'DescribeInstances', null, { rawBody: '{"Limit": 1,' }, 'InvalidParameter'],
    ['JSON array body', 'DescribeInstances', null, { rawBody: '[1,2]' }, 'InvalidParameter'],
    [
      'form content type',
      'DescribeInstances',
      null,
      { rawBody: 'Limit=1', contentType: 'application/x-www-form-urlencoded' },
      'InvalidParameter',
    ],
    [
      '30-day span',
      'DescribeInstanceBackups',
      { BeginTime: '2024-01-01 00:00:00', EndTime: '2024-03-01 00:00:00' },
      {},
      'InvalidParameter.InvalidParameter',
    ],
    [
      'bad time format',
      'DescribeInstanceBackups',
      { BeginTime: 'yesterday' },
      {},
      'InvalidParameter.InvalidParameter',
    ],
  ])('%s', async (_name, action, params, options, code) => {
    const reply = await callV3(env.sandbox.url, action, params, options);
    expect(reply.status).toBe(200);
    expect(errorCode(reply)).toBe(code);
    expect(reply.json.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get('date')).toBeTruthy();
  });

  it('a body over 10 MB gets InvalidParameter and the server keeps serving', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20);
    const reply = await callV3(env.sandbox.url, 'DescribeInstances', null, { rawBody: body });
    expect(errorCode(reply)).toBe('InvalidParameter');
    expect(String((reply.json.Error as { Message: string }).Message)).toContain('10 MB');
    await stillServing();
  });

  it('garbage bytes and unknown paths do not hurt the server', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(env.sandbox.port, '127.0.0.1', () => socket.end('\x00\x01GARBAGE \r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    expect((await fetch(`${env.sandbox.url}/nope`)).status).toBe(404);
    const put = await fetch(`${env.sandbox.url}/`, {
      method: 'PUT',
      headers: tc3Headers(env.sandbox.url, 'DescribeInstances', ''),
    });
    expect(((await put.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe(
      'UnsupportedProtocol',
    );
    await stillServing();
  });
});

describe('legacy v2 bad input', () => {
  it('4000 for missing common parameters, 4104 unknown SecretId, 4100 bad signature, 4500 stale timestamp', async () => {
    expect(
      (await callLegacy(env.sandbox.url, 'DescribeRedis', { limit: '1', offset: '0' }, { omit: ['Nonce'] }))
        .code,
    ).toBe('4000');
    expect(
      (
        await callLegacy(
          env.sandbox.url,
          'DescribeRedis',
          { limit: '1', offset: '0' },
          { secretId: 'AKIDnobody' },
        )
      ).code,
    ).toBe('4104');
    expect(
      (
        await callLegacy(
          env.sandbox.url,
          'DescribeRedis',
          { limit: '1', offset: '0' },
          { secretKey: 'wrong' },
        )
      ).code,
    ).toBe('4100');
    const stale = Math.floor(Date.now() / 1000) - 3600;
    expect(
      (await callLegacy(env.sandbox.url, 'DescribeRedis', { limit: '1', offset: '0' }, { timestamp: stale }))
        .code,
    ).toBe('4500');
    expect((await callLegacy(env.sandbox.url, 'NoSuchAction', {})).code).toBe('4000');
    expect((await callLegacy(env.sandbox.url, 'DescribeRedis', { limit: 'x', offset: '0' })).code).toBe(
      '11201',
    );
  });

  it('a replayed Nonce is refused with 4500', async () => {
    const signed = legacySignedParams(env.sandbox.url, 'DescribeRedis', { limit: '1', offset: '0' });
    const url = `${env.sandbox.url}/v2/index.php?${new URLSearchParams(signed)}`;
    expect(((await (await fetch(url)).json()) as { code: unknown }).code).toBe(0);
    expect(((await (await fetch(url)).json()) as { code: unknown }).code).toBe('4500');
  });

  it('DescribeRedis renders status/port/totalCount as strings; HmacSHA256 and POST work', async () => {
    const reply = await callLegacy(
      env.sandbox.url,
      'DescribeRedis',
      { limit: '100', offset: '0', redisName: 'orders' },
      { method: 'POST', signatureMethod: 'HmacSHA256' },
    );
    expect(reply).toMatchObject({ code: 0, codeDesc: 'Success', totalCount: '1' });
    const row = (reply.data as { redisSet: Array<Record<string, unknown>> }).redisSet[0];
    expect(row).toMatchObject({ redisId: 'crs-demo0001', status: '2', port: '6379', typeId: 2 });
  });
});

describe('rate limits per SecretId per action', () => {
  it('DescribeInstances allows 35 per second for one key; others are unaffected', async () => {
    const replies = await Promise.all(
      Array.from({ length: 36 }, () => callV3(env.sandbox.url, 'DescribeInstances', { Limit: 1 })),
    );
    const codes = replies.map(errorCode);
    expect(codes.filter((c) => c === undefined)).toHaveLength(35);
    expect(codes.filter((c) => c === 'RequestLimitExceeded')).toHaveLength(1);
    // Another key, another action: separate budgets.
    const other = await callV3(
      env.sandbox.url,
      'DescribeInstances',
      {},
      { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY },
    );
    expect(errorCode(other)).toBeUndefined();
    expect(errorCode(await callV3(env.sandbox.url, 'DescribeInstanceBackups', {}))).toBeUndefined();
    clock.advance(1000);
    await stillServing();
  });

  it.each([
    ['DescribeInstanceBackups', 50, {}],
    ['DescribeTaskInfo', 20, { TaskId: 1 }],
    ['RestoreInstance', 20, { InstanceId: 'crs-zzzzzzzz', BackupId: 'x' }],
  ])('%s allows %i per second', async (action, limit, params) => {
    const replies = await Promise.all(
      Array.from({ length: limit + 1 }, () => callV3(env.sandbox.url, action, params)),
    );
    expect(replies.map(errorCode).filter((c) => c === 'RequestLimitExceeded')).toHaveLength(1);
  });

  it('legacy answers 4400 over the limit', async () => {
    const replies = await Promise.all(
      Array.from({ length: 36 }, () =>
        callLegacy(env.sandbox.url, 'DescribeRedis', { limit: '1', offset: '0' }),
      ),
    );
    expect(replies.filter((r) => r.code === '4400')).toHaveLength(1);
  });
});
