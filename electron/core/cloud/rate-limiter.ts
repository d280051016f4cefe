/**
 * Client-side rate limiting at the published per-action limits, per SecretId: Tencent counts requests per
 * key and action, so every profile using the same key shares one budget. A sliding one-second window
 * (rather than a token bucket) guarantees that no 1000 ms span ever holds more than N requests, which is
 * exactly what the server enforces.
 */

/** The operations the app calls, named after their API 3.0 actions; legacy calls use the same budgets. */
export type CrsOperation =
  | 'DescribeInstances'
  | 'DescribeInstanceBackups'
  | 'RestoreInstance'
  | 'DescribeTaskInfo'
  | 'ManualBackupInstance'
  | 'DescribeTaskList';

/**
 * Requests per second. The first four are the published "默认接口请求频率限制" (crs-api.md §3.5);
 * DescribeInstanceBackups is 50 on cloud.tencent.com (20 on older international pages — pass 20 for those).
 * ManualBackupInstance is documented at 20; we keep half of it since a backup is a heavyweight write.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<CrsOperation, number>> = {
  DescribeInstances: 35,
  DescribeInstanceBackups: 50,
  RestoreInstance: 20,
  DescribeTaskInfo: 20,
  ManualBackupInstance: 10,
  // Used only to reconcile a restore whose answer was lost; unpublished, so kept low.
  DescribeTaskList: 10,
};

export interface RateLimiterDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  limits?: Partial<Record<CrsOperation, number>>;
  windowMs?: number;
}

export class RateLimiter {
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #limits: Record<CrsOperation, number>;
  readonly #windowMs: number;
  /** Grant times per key, oldest first, trimmed to the window. */
  readonly #grants = new Map<string, number[]>();
  /** Waiters per key queue here so grants happen in call order. */
  readonly #queues = new Map<string, Promise<void>>();

  constructor(deps: RateLimiterDeps) {
    this.#now = deps.now;
    this.#sleep = deps.sleep;
    this.#limits = { ...DEFAULT_RATE_LIMITS, ...deps.limits };
    this.#windowMs = deps.windowMs ?? 1000;
  }

  limitOf(operation: CrsOperation): number {
    return this.#limits[operation];
  }

  /** Resolves when a request for this key and operation may be sent; call right before sending. */
  acquire(secretId: string, operation: CrsOperation): Promise<void> {
    const key = `${secretId}\u0000${operation}`;
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#take(key, this.#limits[operation]));
    this.#queues.set(key, next);
    void next.then(() => {
      if (this.#queues.get(key) === next) this.#queues.delete(key);
    });
    return next;
  }

  async #take(key: string, limit: number): Promise<void> {
    for (;;) {
      const now = this.#now();
      const grants = (this.#grants.get(key) ?? []).filter((t) => t > now - this.#windowMs);
      if (grants.length < limit) {
        grants.push(now);
        this.#grants.set(key, grants);
        return;
      }
      this.#grants.set(key, grants);
      // Earliest moment the oldest grant leaves the window.
      const oldest = grants[0] ?? now;
      await this.#sleep(Math.max(1, oldest + this.#windowMs - now));
    }
  }
}
