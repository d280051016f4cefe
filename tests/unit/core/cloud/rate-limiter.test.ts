import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../../../../electron/core/cloud/rate-limiter';
import { FakeClock } from './fakes';

/** The largest number of grant times falling in any window [t, t + 1000). */
function maxInAnyWindow(times: number[], windowMs = 1000): number {
  let best = 0;
  for (const start of times)
    best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
  return best;
}

describe('RateLimiter', () => {
  it('uses the published per-second limits (conservative for ManualBackupInstance)', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      DescribeInstances: 35,
      DescribeInstanceBackups: 50,
      RestoreInstance: 20,
      DescribeTaskInfo: 20,
      ManualBackupInstance: 10,
      DescribeTaskList: 10,
    });
  });

  it('never grants more than N per second per action, under a burst', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, () =>
        limiter.acquire('AKID1', 'DescribeInstances').then(() => grants.push(clock.t)),
      ),
    );
    expect(grants).toHaveLength(200);
    expect(maxInAnyWindow(grants)).toBeLessThanOrEqual(35);
    // Not slower than needed either: 200 requests at 35/s finish within 6 windows.
    expect(Math.max(...grants)).toBeLessThan(6000);
  });

  it('keeps separate budgets per action and per SecretId', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 20; i++) await limiter.acquire('AKID1', 'DescribeTaskInfo');
    expect(clock.t).toBe(0);
    // Another action and another key still have their whole budget.
    await limiter.acquire('AKID1', 'RestoreInstance');
    await limiter.acquire('AKID2', 'DescribeTaskInfo');
    expect(clock.t).toBe(0);
    // The 21st task query of AKID1 waits for the window to roll over.
    await limiter.acquire('AKID1', 'DescribeTaskInfo');
    expect(clock.t).toBe(1000);
  });

  it('honours overridden limits and spreads sequential calls over time', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({
      now: clock.now,
      sleep: clock.sleep,
      limits: { DescribeInstanceBackups: 3 },
    });
    const grants: number[] = [];
    for (let i = 0; i < 10; i++) {
      await limiter.acquire('AKID', 'DescribeInstanceBackups');
      grants.push(clock.t);
      clock.t += 10;
    }
    expect(maxInAnyWindow(grants)).toBe(3);
  });
});
