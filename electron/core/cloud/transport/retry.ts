/**
 * Capped exponential backoff with full jitter for idempotent reads
 * (delay = random() × min(cap, base × 2^attempt), per the AWS architecture-blog recipe), so many clients
 * hitting RequestLimitExceeded at once spread out instead of retrying in lockstep.
 * Writes (RestoreInstance, ManualBackupInstance) never go through here.
 */

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

/** Delay before retry number `retry` (0 for the first retry). `random` is uniform in [0, 1). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

export interface RetryDeps {
  policy: RetryPolicy;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Whether the error may be retried; anything else is thrown at once. */
  isRetryable: (error: unknown) => boolean;
  /**
   * The least wait before retrying after this error, added to the jittered delay. A rate limit counted per
   * second refuses everything until its window has passed: jittered delays alone (often a few hundred ms
   * in all) can spend every attempt inside the window that refused the first.
   */
  minDelayMs?: (error: unknown) => number;
  onRetry?: (info: { retry: number; delayMs: number; error: unknown }) => void;
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or attempts run out. */
export async function withRetry<T>(attempt: (index: number) => Promise<T>, deps: RetryDeps): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      if (index + 1 >= deps.policy.maxAttempts || !deps.isRetryable(error)) throw error;
      const delayMs =
        Math.max(0, deps.minDelayMs?.(error) ?? 0) + backoffDelay(index, deps.policy, deps.random);
      deps.onRetry?.({ retry: index, delayMs, error });
      await deps.sleep(delayMs);
    }
  }
}
