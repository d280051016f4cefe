/**
 * Client-side rate limiting at the published per-action limits, per SecretId: Tencent counts requests per
 * key and action, so every profile using the same key shares one budget. A sliding one-second window
 * (rather than a token bucket), counted from each answer rather than each send, guarantees that no 1000 ms
 * span at the server ever holds more than N arrivals, which is exactly what the server enforces.
 */

/** The operations the app calls, named after their API 3.0 actions; legacy calls use the same budgets. */
export type CrsOperation =
  | 'DescribeInstances'
  | 'DescribeInstanceBackups'
  | 'RestoreInstance'
  | 'DescribeTaskInfo'
  | 'ManualBackupInstance'
  | 'DescribeTaskList'
  | 'CloneInstances'
  | 'InquiryPriceCreateInstance'
  | 'DescribeInstanceDealDetail'
  | 'DescribeSecondLevelBackupInfo'
  | 'DescribeInstanceSecurityGroup'
  | 'DescribeProductInfo'
  | 'DescribeBackupUrl'
  | 'DescribeBackupDetail'
  | 'DescribeBackupDownloadRestriction';

/**
 * Requests per second. The first four are the published "默认接口请求频率限制" (crs-api.md §3.5);
 * DescribeInstanceBackups is 50 on cloud.tencent.com (20 on older international pages — pass 20 for those).
 * ManualBackupInstance is published at 20 and DescribeTaskList at 100
 * (https://tencentcloud.com/jp/document/api/239/32073, https://www.tencentcloud.com/document/product/239/33293);
 * we keep well below both: a backup is a heavyweight write, and the task list is only read to check for or
 * reconcile a restore.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<CrsOperation, number>> = {
  DescribeInstances: 35,
  DescribeInstanceBackups: 50,
  RestoreInstance: 20,
  DescribeTaskInfo: 20,
  ManualBackupInstance: 10,
  DescribeTaskList: 10,
  // CloneInstances and InquiryPriceCreateInstance are published at 20/s ("默认接口请求频率限制：20次/秒",
  // https://cloud.tencent.com/document/api/239/89391 and the API overview
  // https://cloud.tencent.com/document/api/239/20002); the other clone reads are not in the sources the app
  // cites. Each is kept well under 20/s: the clone flow makes a handful of these calls per order.
  CloneInstances: 5,
  InquiryPriceCreateInstance: 10,
  DescribeInstanceDealDetail: 10,
  DescribeSecondLevelBackupInfo: 10,
  DescribeInstanceSecurityGroup: 10,
  DescribeProductInfo: 5,
  // Backup downloads. DescribeBackupUrl and DescribeBackupDownloadRestriction are published at 20/s
  // (https://cloud.tencent.com/document/api/239/34443, https://cloud.tencent.com/document/product/239/87742);
  // no limit was found for DescribeBackupDetail. A download asks each at most a few times.
  DescribeBackupUrl: 10,
  DescribeBackupDetail: 10,
  DescribeBackupDownloadRestriction: 10,
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
  /** Slots per key, oldest first, trimmed to the window. */
  readonly #slots = new Map<string, Slot[]>();
  /** Waiters for any in-flight request to be answered. */
  readonly #waiters: Array<() => void> = [];
  /** Waiters per key queue here so grants happen in call order. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(deps: RateLimiterDeps) {
    this.#now = deps.now;
    this.#sleep = deps.sleep;
    this.#limits = { ...DEFAULT_RATE_LIMITS, ...deps.limits };
    this.#windowMs = deps.windowMs ?? 1000;
  }

  limitOf(operation: CrsOperation): number {
    return this.#limits[operation];
  }

  /**
   * Resolves when a request for this key and operation may be sent, with the function to call when its
   * answer (or failure) arrives. The server counts a request when it arrives, which is somewhere between
   * our send and our receipt of the answer; so a request occupies its slot while in flight and for one
   * window after its answer. Then no server-side window can ever hold more than the limit, whatever the
   * latency: proven in the unit tests, and measured by the polling benchmark. `release(false)` says the
   * request certainly never reached a server (a refused connection, a failed DNS lookup): nothing counted
   * it, so its slot is freed at once rather than held for a window.
   */
  acquire(secretId: string, operation: CrsOperation): Promise<Release> {
    const key = `${secretId}\u0000${operation}`;
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#take(key, this.#limits[operation]));
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, settled);
    void settled.then(() => {
      if (this.#queues.get(key) === settled) this.#queues.delete(key);
    });
    return next;
  }

  async #take(key: string, limit: number): Promise<Release> {
    for (;;) {
      const now = this.#now();
      const slots = (this.#slots.get(key) ?? []).filter(
        (s) => s.end === undefined || s.end > now - this.#windowMs,
      );
      this.#slots.set(key, slots);
      if (slots.length < limit) {
        const slot: Slot = { end: undefined };
        slots.push(slot);
        return (reachedServer = true) => {
          if (slot.end !== undefined) return;
          slot.end = this.#now();
          if (!reachedServer) {
            const held = this.#slots.get(key);
            const at = held?.indexOf(slot) ?? -1;
            if (at !== -1) held?.splice(at, 1);
          }
          for (const wake of this.#waiters.splice(0)) wake();
        };
      }
      const ends = slots.map((s) => s.end).filter((e): e is number => e !== undefined);
      if (ends.length > 0) {
        // Earliest moment an answered request leaves the window (or an in-flight one is answered).
        await Promise.race([
          this.#sleep(Math.max(1, Math.min(...ends) + this.#windowMs - now)),
          this.#released(),
        ]);
      } else {
        await this.#released();
      }
    }
  }

  #released(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}

/** Called once the answer (or failure) of a granted request arrives; false when it never left this machine. */
export type Release = (reachedServer?: boolean) => void;

interface Slot {
  /** When the answer arrived; undefined while the request is in flight. */
  end: number | undefined;
}
