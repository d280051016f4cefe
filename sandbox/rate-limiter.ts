// Per-SecretId, per-action request limits over a sliding one-second window. A sliding window (not
// fixed buckets) means "36 requests at once" deterministically trips a 35/s limit, whatever the phase.
import type { Clock } from './clock.js';

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<Record<string, number>>,
  ) {}

  limitOf(action: string): number | undefined {
    return this.limits[action];
  }

  /** Records the request and returns true when it is within the limit; rejected requests are not counted. */
  allow(secretId: string, action: string): boolean {
    const limit = this.limits[action];
    if (limit === undefined) return true;
    const now = this.clock.now();
    const key = `${secretId}\u0000${action}`;
    const stamps = (this.windows.get(key) ?? []).filter((t) => t > now - 1000);
    if (stamps.length >= limit) {
      this.windows.set(key, stamps);
      return false;
    }
    stamps.push(now);
    this.windows.set(key, stamps);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
