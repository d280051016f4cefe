// The fleet-listing benchmark's lower bound against the sandbox's own limiter: a client that sends every
// request as early as the limiter lets it can never finish sooner, and does finish then.
import { describe, expect, it } from 'vitest';
import { rateLimitedLowerBound } from '../../../bench/lib/stats';
import { RateLimiter } from '../../../sandbox/rate-limiter';

/** When the greediest client's last request arrives, against the sandbox's sliding window. */
function greedyLastArrival(pages: number, perSecond: number): number {
  let now = 0;
  const limiter = new RateLimiter({ now: () => now }, { DescribeInstances: perSecond });
  const arrivals: number[] = [];
  while (arrivals.length < pages) {
    if (limiter.allow('AKID', 'DescribeInstances')) {
      arrivals.push(now);
    } else {
      // The next moment a slot frees: the oldest arrival in the window leaves it.
      now = (arrivals[arrivals.length - perSecond] ?? now) + 1000;
    }
  }
  return arrivals[arrivals.length - 1] ?? 0;
}

describe('rateLimitedLowerBound', () => {
  it("is the greediest client's last arrival plus one round trip, for any page count", () => {
    for (const perSecond of [35, 20, 1]) {
      for (let pages = 1; pages <= 120; pages++) {
        expect(rateLimitedLowerBound(pages, perSecond, 97), `${pages} pages at ${perSecond}/s`).toBe(
          greedyLastArrival(pages, perSecond) + 97,
        );
      }
    }
  });

  it('takes one round trip for up to a window of pages, and a second more for each further window', () => {
    expect(rateLimitedLowerBound(10, 35, 100)).toBe(100);
    expect(rateLimitedLowerBound(35, 35, 100)).toBe(100);
    expect(rateLimitedLowerBound(36, 35, 100)).toBe(1100);
    expect(rateLimitedLowerBound(100, 35, 100)).toBe(2100);
    expect(rateLimitedLowerBound(0, 35, 100)).toBe(0);
  });
});
