import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../../../../electron/core/cloud/transport/rate-limiter';
import { FakeClock } from './fakes';

/** The largest number of grant times falling in any window [t, t + 1000). */
function maxInAnyWindow(times: number[], windowMs = 1000): number {
  let best = 0;
  for (const start of times)
    best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
  return best;
}

describe('RateLimiter', () => {
  it('uses the published per-second limits (conservative for ManualBackupInstance and downloads)', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      DescribeInstances: 35,
      DescribeInstanceBackups: 50,
      RestoreInstance: 20,
      DescribeTaskInfo: 20,
      ManualBackupInstance: 10,
      DescribeTaskList: 10,
      CloneInstances: 5,
      InquiryPriceCreateInstance: 10,
      DescribeInstanceDealDetail: 10,
      DescribeSecondLevelBackupInfo: 10,
      DescribeInstanceSecurityGroup: 10,
      DescribeProductInfo: 5,
      // Published at 20/s (DescribeBackupUrl, DescribeBackupDownloadRestriction); none found for the detail.
      DescribeBackupUrl: 10,
      DescribeBackupDetail: 10,
      DescribeBackupDownloadRestriction: 10,
    });
  });

  it('never grants more than N per second per action, under a burst', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, () =>
        limiter.acquire('AKID1', 'DescribeInstances').then((release) => {
          grants.push(clock.t);
          release();
        }),
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
    for (let i = 0; i < 20; i++) (await limiter.acquire('AKID1', 'DescribeTaskInfo'))();
    expect(clock.t).toBe(0);
    // Another action and another key still have their whole budget.
    (await limiter.acquire('AKID1', 'RestoreInstance'))();
    (await limiter.acquire('AKID2', 'DescribeTaskInfo'))();
    expect(clock.t).toBe(0);
    // The 21st task query of AKID1 waits for the window to roll over.
    (await limiter.acquire('AKID1', 'DescribeTaskInfo'))();
    expect(clock.t).toBe(1000);
  });

  it('frees at once the slot of a request that never reached a server, and only that one', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, limits: { DescribeInstances: 2 } });
    // Refused before sending: nothing counted them, so they do not wait on a window.
    for (let i = 0; i < 6; i++) (await limiter.acquire('AKID', 'DescribeInstances'))(false);
    expect(clock.t).toBe(0);
    // Answered: each holds its slot for a window after its answer.
    (await limiter.acquire('AKID', 'DescribeInstances'))();
    (await limiter.acquire('AKID', 'DescribeInstances'))();
    expect(clock.t).toBe(0);
    const late = await limiter.acquire('AKID', 'DescribeInstances');
    expect(clock.t).toBe(1000);
    // A second release changes nothing, whatever it says.
    late();
    late(false);
    (await limiter.acquire('AKID', 'DescribeInstances'))();
    expect(clock.t).toBe(1000);
    // Had `late(false)` dropped the answered slot, this one would be granted now, not a window later.
    (await limiter.acquire('AKID', 'DescribeInstances'))();
    expect(clock.t).toBe(2000);
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
      (await limiter.acquire('AKID', 'DescribeInstanceBackups'))();
      grants.push(clock.t);
      clock.t += 10;
    }
    expect(maxInAnyWindow(grants)).toBe(3);
  });

  it('counts a request from its answer, so latency can never bunch arrivals at the server', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, limits: { RestoreInstance: 2 } });
    const first = await limiter.acquire('AKID', 'RestoreInstance');
    const second = await limiter.acquire('AKID', 'RestoreInstance');
    let thirdAt: number | undefined;
    const third = limiter.acquire('AKID', 'RestoreInstance').then((release) => {
      thirdAt = clock.t;
      return release;
    });
    // Both are still in flight at 2 s: they may arrive at the server any moment, so the third must wait.
    clock.t = 2000;
    await Promise.resolve();
    expect(thirdAt).toBeUndefined();
    // The first answer comes back at 2.5 s; its slot frees one window later.
    clock.t = 2500;
    first();
    second();
    (await third)();
    expect(thirdAt).toBe(3500);
  });
});
