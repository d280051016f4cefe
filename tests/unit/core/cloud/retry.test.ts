import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  withRetry,
} from '../../../../electron/core/cloud/transport/retry';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('is full jitter over a doubling ceiling', () => {
    expect(backoffDelay(0, policy, () => 0.5)).toBe(50);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(100);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(799);
  });

  it('is capped', () => {
    expect(backoffDelay(10, policy, () => 0.999999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(60, policy, () => 0.999999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(20, DEFAULT_RETRY_POLICY, () => 0.999999)).toBeLessThanOrEqual(
      DEFAULT_RETRY_POLICY.maxDelayMs,
    );
  });

  it('is deterministic with an injected random, and zero at random()=0', () => {
    const seq = [0.1, 0.7, 0.3];
    const run = () => seq.map((r, i) => backoffDelay(i, policy, () => r));
    expect(run()).toEqual(run());
    expect(run()).toEqual([10, 140, 120]);
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
  });
});

describe('withRetry', () => {
  it('retries retryable errors up to maxAttempts, sleeping the jittered delays', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = withRetry(
      async () => {
        calls++;
        throw new Error('flaky');
      },
      { policy, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms), isRetryable: () => true },
    );
    await expect(result).rejects.toThrow('flaky');
    expect(calls).toBe(5);
    expect(sleeps).toEqual([50, 100, 200, 400]);
  });

  it('waits at least the given floor (a rate limit window) on top of the jittered delay', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new Error('limited');
        if (calls === 2) throw new Error('flaky');
        return 'ok';
      },
      {
        policy,
        random: () => 0.5,
        sleep: async (ms) => void sleeps.push(ms),
        isRetryable: () => true,
        minDelayMs: (error) => ((error as Error).message === 'limited' ? 1000 : 0),
      },
    );
    expect(value).toBe('ok');
    expect(sleeps).toEqual([1050, 100]);
  });

  it('stops at the first non-retryable error and returns the first success', async () => {
    let calls = 0;
    const deps = {
      policy,
      random: () => 0,
      sleep: async () => {},
      isRetryable: (e: unknown) => e === 'again',
    };
    await expect(
      withRetry(async () => {
        calls++;
        throw 'fatal';
      }, deps),
    ).rejects.toBe('fatal');
    expect(calls).toBe(1);
    calls = 0;
    const value = await withRetry(async (i) => {
      calls++;
      if (i < 2) throw 'again';
      return 'ok';
    }, deps);
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });
});
