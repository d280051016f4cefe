/** Small statistics helpers shared by the benchmarks. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** The most events any window of `windowMs` (closed on the left, open on the right) holds. */
export function peakInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

export const round = (value: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The least time in which `pages` requests can all be answered under a limit of `perSecond` arrivals in any
 * one second (a sliding window, as the published limits read and the sandbox enforces them): `perSecond`
 * may go at once, request k arrives no sooner than ⌊k ÷ perSecond⌋ s after the first, and its answer comes a
 * round trip later.
 */
export function rateLimitedLowerBound(pages: number, perSecond: number, roundTripMs: number): number {
  if (pages <= 0) return 0;
  return (Math.ceil(pages / perSecond) - 1) * 1000 + roundTripMs;
}

/**
 * The floor a fleet listing's time is compared with (issue 19, item 11), measured in the same run: while
 * every page may go at once (no more pages than the limit allows in one second), one page's round trip plus
 * JSON.parse of every page, the least any client spends; beyond, the rate limit's lower bound.
 */
export function fleetFloor(
  pages: number,
  perSecond: number,
  roundTripMs: number,
  parseAllMs: number,
): { ms: number; kind: 'round trip + parse' | 'rate limit' } {
  if (pages <= perSecond) return { ms: roundTripMs + parseAllMs, kind: 'round trip + parse' };
  return { ms: rateLimitedLowerBound(pages, perSecond, roundTripMs), kind: 'rate limit' };
}
