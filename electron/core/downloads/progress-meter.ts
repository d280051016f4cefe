/**
 * Rate and time left of a download, over a sliding window of recent samples so a stall shows quickly and one
 * burst does not promise a fast finish; and a throttle so progress events stay a few per second.
 */

/** How far back the rate looks. */
export const RATE_WINDOW_MS = 5000;
/** At most one progress event per this many milliseconds (state changes always go out). */
export const PROGRESS_INTERVAL_MS = 250;

export class ProgressMeter {
  readonly #now: () => number;
  #samples: Array<{ at: number; bytes: number }> = [];
  #lastEmit = Number.NEGATIVE_INFINITY;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Records the total bytes so far; at most one sample per 100 ms, so a fast download keeps a short list. */
  sample(bytes: number): void {
    const at = this.#now();
    const before = this.#samples[this.#samples.length - 2];
    if (before && at - before.at < 100) {
      // The newest sample moves forward instead of a new one being added.
      this.#samples[this.#samples.length - 1] = { at, bytes };
      return;
    }
    this.#samples.push({ at, bytes });
    while (this.#samples.length > 2 && (this.#samples[0]?.at ?? at) < at - RATE_WINDOW_MS) {
      this.#samples.shift();
    }
  }

  /** How many samples the window holds (diagnostics). */
  get sampleCount(): number {
    return this.#samples.length;
  }

  /** Restarts the window (after a pause or a restart from byte 0), so old bytes do not count. */
  reset(): void {
    this.#samples = [];
  }

  /** Bytes per second over the window; 0 until two samples span some time. */
  rate(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }

  /** Seconds left for `remaining` bytes at the current rate; undefined when unknown. */
  secondsLeft(remaining: number | undefined): number | undefined {
    const rate = this.rate();
    if (remaining === undefined || rate <= 0) return undefined;
    return Math.max(0, remaining / rate);
  }

  /** True when a throttled event may go out now (and records that it did). */
  due(): boolean {
    const at = this.#now();
    if (at - this.#lastEmit < PROGRESS_INTERVAL_MS) return false;
    this.#lastEmit = at;
    return true;
  }
}
