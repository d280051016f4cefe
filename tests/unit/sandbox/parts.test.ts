// Small parts: rate limiter, RESP parser, CLI flags, fault specs, time formatting.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../sandbox/cli-args.js';
import { formatTencentTime, ManualClock, parseTencentTime } from '../../../sandbox/clock.js';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import { RateLimiter } from '../../../sandbox/rate-limiter.js';
import { encodeCommand, parseReply, RespError } from '../../../sandbox/redis/resp-client.js';

describe('RateLimiter', () => {
  it('allows N per sliding second per SecretId and action', () => {
    const clock = new ManualClock(1000);
    const limiter = new RateLimiter(clock, { A: 2 });
    expect([limiter.allow('k', 'A'), limiter.allow('k', 'A'), limiter.allow('k', 'A')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.allow('other', 'A')).toBe(true);
    expect(limiter.allow('k', 'Unlimited')).toBe(true);
    clock.advance(999);
    expect(limiter.allow('k', 'A')).toBe(false);
    clock.advance(1);
    expect(limiter.allow('k', 'A')).toBe(true);
  });
});

describe('RESP', () => {
  it('encodes commands and parses every reply type, including partial buffers', () => {
    expect(encodeCommand(['SET', 'k', 'vé']).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nvé\r\n');
    const buf = Buffer.from('*4\r\n+OK\r\n:42\r\n$-1\r\n$5\r\nhello\r\n-ERR bad\r\n');
    const first = parseReply(buf);
    expect(first?.value).toEqual(['OK', 42, null, 'hello']);
    const second = parseReply(buf, first?.next);
    expect(second?.value).toBeInstanceOf(RespError);
    expect(parseReply(Buffer.from('$5\r\nhel'))).toBeNull();
    expect(parseReply(Buffer.from('*2\r\n:1\r\n'))).toBeNull();
  });
});

describe('CLI flags', () => {
  it('parses valid flags', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--seed=fleet:10',
        '--latency-ms',
        '5',
        '--task-seconds',
        '0.5',
        '--redis',
      ]),
    ).toEqual({
      kind: 'run',
      options: { port: 0, seed: 'fleet:10', latencyMs: 5, taskSeconds: 0.5, redis: true },
    });
    expect(parseCliArgs(['--secret-id', 'AKIDx', '--secret-key', 'k'])).toMatchObject({
      options: { credentials: { secretId: 'AKIDx', secretKey: 'k' } },
    });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--file-port', '9001', '--link-seconds=60'])).toEqual({
      kind: 'run',
      options: { redis: false, filePort: 9001, linkSeconds: 60 },
    });
  });

  it.each([
    [['--port', '70000']],
    [['--port']],
    [['--port', '--redis']],
    [['--seed', 'fleet:0']],
    [['--latency-ms', '-1']],
    [['--file-port', '65536']],
    [['--link-seconds', '1.5']],
    [['--secret-id', 'x']],
    [['--what']],
  ])('rejects %j', (argv) => {
    expect(parseCliArgs(argv).kind).toBe('error');
  });
});

describe('fault specs', () => {
  it('validates', () => {
    expect(parseFaultSpec({ kind: 'http5xx', status: 503, action: 'DescribeInstances', count: 2 })).toEqual({
      kind: 'http5xx',
      status: 503,
      action: 'DescribeInstances',
      count: 2,
    });
    expect(typeof parseFaultSpec({ kind: 'nope' })).toBe('string');
    expect(typeof parseFaultSpec({ kind: 'http5xx', status: 404 })).toBe('string');
    expect(typeof parseFaultSpec({ kind: 'failTask', count: 'always' })).toBe('string');
    expect(typeof parseFaultSpec([1])).toBe('string');
  });

  it('apiError takes only the codes no seeded state produces', () => {
    expect(parseFaultSpec({ kind: 'apiError', code: 'InternalError.DbOperationFailed' })).toEqual({
      kind: 'apiError',
      code: 'InternalError.DbOperationFailed',
    });
    expect(parseFaultSpec({ kind: 'apiError' })).toMatch(/^code must be one of/);
    // A business refusal comes from state (crs-demo0004), never from a fault.
    expect(parseFaultSpec({ kind: 'apiError', code: 'ResourceUnavailable.InstanceLockedError' })).toMatch(
      /^code must be one of/,
    );
  });
});

describe('Tencent time format', () => {
  it('renders and parses UTC+8', () => {
    expect(formatTencentTime(Date.UTC(2019, 1, 25, 16, 44, 25))).toBe('2019-02-26 00:44:25');
    expect(parseTencentTime('2019-02-26 00:44:25')).toBe(Date.UTC(2019, 1, 25, 16, 44, 25));
    expect(parseTencentTime('2019-02-31 00:00:00')).toBeNull();
    expect(parseTencentTime('yesterday')).toBeNull();
  });
});
