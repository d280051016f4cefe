/** Retries, the write-once rule and clock-skew correction, exercised through the API 3.0 client. */
import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { RateLimiter } from '../../../../electron/core/cloud/transport/rate-limiter';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply, networkError, textReply, timeoutError } from './fakes';

const ok = (fields: Record<string, unknown>) => jsonReply({ Response: { ...fields, RequestId: 'req-ok' } });
const cloudError = (code: string, headers: Record<string, string> = {}) =>
  jsonReply({ Response: { Error: { Code: code, Message: code }, RequestId: 'req-err' } }, 200, headers);
const tasks = ok({ Status: 'running' });
const restoreParams = { region: 'ap-guangzhou', instanceId: 'crs-1', backupId: 'b-1', password: 'pw' };

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reads are retried with capped, jittered backoff', () => {
  it.each([
    ['a network error', networkError(), 0],
    ['a timeout', timeoutError(), 0],
    ['HTTP 503', textReply('busy', 503), 0],
    // A rate limit is per second: its retries wait the window out first.
    ['HTTP 429', textReply('slow down', 429), 1000],
    ['RequestLimitExceeded', cloudError('RequestLimitExceeded'), 1000],
  ])('retries after %s', async (_name, failure, floor) => {
    const h = harness([failure, failure, tasks]);
    const task = await new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' });
    expect(task.status).toBe('running');
    expect(h.fetch.calls).toHaveLength(3);
    // random() = 0.5 → half of 250 ms, then half of 500 ms.
    expect(h.clock.sleeps).toEqual([floor + 125, floor + 250]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const h = harness([networkError()], { retry: { maxAttempts: 3 } });
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('NETWORK');
    expect(h.fetch.calls).toHaveLength(3);
  });

  it('sends a page asked for ahead (once) one time, in both generations; without it, retries', async () => {
    const page = { region: 'r', limit: 1000, offset: 1000 };
    const empty3 = ok({ TotalCount: 0, InstanceSet: [] });
    const empty2 = jsonReply({
      code: 0,
      message: '',
      codeDesc: 'Success',
      totalCount: 0,
      data: { redisSet: [] },
    });
    for (const [make, empty] of [
      [(h: ReturnType<typeof harness>) => new Api3CrsClient(h.options), empty3],
      [(h: ReturnType<typeof harness>) => new LegacyCrsClient(h.options), empty2],
    ] as const) {
      const once = harness([networkError(), empty]);
      expect((await caught(make(once).describeInstances({ ...page, once: true }))).code).toBe('NETWORK');
      expect(once.fetch.calls).toHaveLength(1);
      const retried = harness([networkError(), empty]);
      expect((await make(retried).describeInstances(page)).instances).toEqual([]);
      expect(retried.fetch.calls).toHaveLength(2);
    }
  });

  it('lets a refused connection free its rate-limit slot at once, and holds it after an answer', async () => {
    const page = { region: 'r', limit: 1000, offset: 0 };
    const empty = ok({ TotalCount: 0, InstanceSet: [] });
    const refused = harness([networkError('ECONNREFUSED'), networkError('ECONNREFUSED'), empty]);
    const limiter = new RateLimiter({
      now: refused.clock.now,
      sleep: refused.clock.sleep,
      limits: { DescribeInstances: 1 },
    });
    await new Api3CrsClient({ ...refused.options, limiter }).describeInstances(page);
    // Only the retries' backoff (125, 250 ms): no one-second wait for a slot that nothing counted.
    expect(refused.clock.sleeps).toEqual([125, 250]);
    const reset = harness([networkError('ECONNRESET'), empty]);
    const held = new RateLimiter({
      now: reset.clock.now,
      sleep: reset.clock.sleep,
      limits: { DescribeInstances: 1 },
    });
    await new Api3CrsClient({ ...reset.options, limiter: held }).describeInstances(page);
    // A reset may come after the server has the request: the retry waits for the window.
    expect(Math.max(...reset.clock.sleeps)).toBeGreaterThanOrEqual(875);
  });

  it('does not retry definitive errors', async () => {
    const h = harness([cloudError('AuthFailure.SignatureFailure')]);
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(h.fetch.calls).toHaveLength(1);
  });
});

describe('RestoreInstance is sent exactly once', () => {
  it.each([
    ['a network error after sending', networkError('ECONNRESET'), 'NETWORK'],
    ['a timeout', timeoutError(), 'TIMEOUT'],
    ['a gateway 502', textReply('bad gateway', 502), 'HTTP_ERROR'],
    ['an unreadable 200', textReply('{"Response":', 200), 'BAD_RESPONSE'],
    ['a 200 without TaskId', jsonReply({ Response: { RequestId: 'r' } }), 'BAD_RESPONSE'],
  ])('%s makes the outcome unknown', async (_name, failure, cause) => {
    const h = harness([failure, ok({ TaskId: 1 })]);
    const error = await caught(new Api3CrsClient(h.options).restoreInstance(restoreParams));
    expect(error.code).toBe('RESTORE_OUTCOME_UNKNOWN');
    expect(error.details).toMatchObject({
      action: 'RestoreInstance',
      instanceId: 'crs-1',
      backupId: 'b-1',
      cause,
    });
    expect(JSON.stringify(error.details)).not.toContain('"pw"');
    expect(h.fetch.calls).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('a refused connection (never sent) is a plain NETWORK error, still not retried', async () => {
    const h = harness([networkError('ECONNREFUSED'), ok({ TaskId: 1 })]);
    const error = await caught(new Api3CrsClient(h.options).restoreInstance(restoreParams));
    expect(error.code).toBe('NETWORK');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('a RequestLimitExceeded answer is reported, not retried', async () => {
    const h = harness([cloudError('RequestLimitExceeded'), ok({ TaskId: 1 })]);
    const error = await caught(new Api3CrsClient(h.options).restoreInstance(restoreParams));
    expect(error.code).toBe('RATE_LIMITED');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('ManualBackupInstance is not retried either; its lost answer is BACKUP_OUTCOME_UNKNOWN', async () => {
    const h = harness([timeoutError(), ok({ TaskId: 1 })]);
    const error = await caught(
      new Api3CrsClient(h.options).manualBackup({ region: 'r', instanceId: 'crs-1' }),
    );
    expect(error.code).toBe('BACKUP_OUTCOME_UNKNOWN');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('times out a hanging request with the per-profile timeout', async () => {
    const h = harness([]);
    h.options.fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    const error = await caught(
      new Api3CrsClient({ ...h.options, timeoutMs: 20 }).restoreInstance(restoreParams),
    );
    expect(error.code).toBe('RESTORE_OUTCOME_UNKNOWN');
    expect(error.details).toMatchObject({ cause: 'TIMEOUT' });
  });
});

describe('clock skew', () => {
  const serverAhead = (h: ReturnType<typeof harness>) => new Date(h.clock.t + 10 * 60_000).toUTCString();

  it('retries a read once with the clock corrected from the Date header, and reports the skew', async () => {
    const h = harness([]);
    const date = serverAhead(h);
    h.fetch.calls.length = 0;
    const replies = [cloudError('AuthFailure.SignatureExpire', { Date: date }), tasks];
    h.options.fetch = async (url, init) => {
      h.fetch.calls.push({ url, init });
      const reply = replies[h.fetch.calls.length - 1];
      if (!reply) throw new Error('unexpected call');
      return reply;
    };
    const client = new Api3CrsClient(h.options);
    const task = await client.describeTask({ region: 'r', taskId: '1' });
    expect(task.status).toBe('running');
    expect(h.fetch.calls).toHaveLength(2);
    const [first, second] = h.fetch.calls.map((c) => Number(c.init.headers['X-TC-Timestamp']));
    expect((second ?? 0) - (first ?? 0)).toBe(600);
    expect(client.clockOffsetMs).toBe(600_000);
    expect(h.skews).toEqual([{ offsetMs: 600_000, serverDate: date, action: 'DescribeTaskInfo' }]);
  });

  it('retries only once when the clock stays wrong', async () => {
    const h = harness([]);
    const reply = cloudError('AuthFailure.SignatureExpire', { Date: serverAhead(h) });
    let calls = 0;
    h.options.fetch = async () => {
      calls++;
      return reply;
    };
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('SIGNATURE_EXPIRED');
    expect(calls).toBe(2);
  });

  it('does not retry a restore, but corrects the clock for the next call', async () => {
    const h = harness([]);
    const replies = [cloudError('AuthFailure.SignatureExpire', { Date: serverAhead(h) }), ok({ TaskId: 9 })];
    const stamps: number[] = [];
    h.options.fetch = async (_url, init) => {
      stamps.push(Number(init.headers['X-TC-Timestamp']));
      const reply = replies[stamps.length - 1];
      if (!reply) throw new Error('unexpected call');
      return reply;
    };
    const client = new Api3CrsClient(h.options);
    const error = await caught(client.restoreInstance(restoreParams));
    expect(error.code).toBe('SIGNATURE_EXPIRED');
    expect(error.details).toMatchObject({ clockCorrected: true, clockOffsetMs: 600_000 });
    expect(stamps).toHaveLength(1);
    expect(await client.restoreInstance(restoreParams)).toEqual({ taskId: '9' });
    expect((stamps[1] ?? 0) - (stamps[0] ?? 0)).toBe(600);
  });

  it('without a Date header there is nothing to correct: no retry', async () => {
    const h = harness([cloudError('AuthFailure.SignatureExpire'), tasks]);
    const error = await caught(new Api3CrsClient(h.options).describeTask({ region: 'r', taskId: '1' }));
    expect(error.code).toBe('SIGNATURE_EXPIRED');
    expect(h.fetch.calls).toHaveLength(1);
    expect(h.skews).toEqual([]);
  });
});

describe('rate limiting inside the client', () => {
  it('spaces a burst of task queries to 20 per second per SecretId', async () => {
    const h = harness([tasks]);
    const start = h.clock.t;
    const sentAt: number[] = [];
    const fetch = h.options.fetch;
    const timed = new Api3CrsClient({
      ...h.options,
      fetch: async (url, init) => {
        sentAt.push(h.clock.t - start);
        return fetch(url, init);
      },
    });
    await Promise.all(Array.from({ length: 45 }, () => timed.describeTask({ region: 'r', taskId: '1' })));
    for (const t of sentAt)
      expect(sentAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(20);
    expect(sentAt).toHaveLength(45);
  });
});
