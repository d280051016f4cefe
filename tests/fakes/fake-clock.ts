/**
 * A clock and timers that move only when the test says so: `advance(ms)` runs every timer due by then, in
 * order, letting the promises each one starts settle before the next. Services take `now`, `setTimer` and
 * `clearTimer` from it, so a six-hour clone is followed in milliseconds of real time.
 */
export interface FakeClock {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  sleep: (ms: number) => Promise<void>;
  /** Moves time forward, running due timers (and the work they start) on the way. */
  advance(ms: number): Promise<void>;
  /** Runs timers until none is left or `limit` ms have passed; for "follow it to its end". */
  runAll(limit?: number): Promise<void>;
  /**
   * Runs timers, due one after another, until `condition` holds; throws when it has not after `limit` ms of
   * fake time, or when nothing is left to run.
   */
  until(condition: () => boolean, limit?: number): Promise<void>;
  /** Timers waiting. */
  pending(): number;
}

/**
 * Lets the work a timer started run to its next wait: promise callbacks, and the journal's file writes
 * (fsync runs on libuv's thread pool, so a few real milliseconds are given, not just microtask turns).
 */
export async function settle(rounds = 12): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 1));
}

export function fakeClock(start = Date.UTC(2026, 11, 7, 4, 0, 0)): FakeClock {
  let t = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const due = () =>
    [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0]).find(([, v]) => v.at <= t);
  /** Advances to the earliest pending timer, never past `end`. */
  const toNextTimer = (end: number) => {
    const next = [...timers.values()].reduce((min, v) => Math.min(min, v.at), Number.POSITIVE_INFINITY);
    return clock.advance(Math.max(0, Math.min(next, end) - t));
  };
  const clock: FakeClock = {
    now: () => t,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: t + Math.max(0, ms), fn });
      return id;
    },
    clearTimer: (handle) => {
      timers.delete(handle as number);
    },
    sleep: (ms) => new Promise<void>((resolve) => clock.setTimer(resolve, ms)),
    async advance(ms) {
      const end = t + ms;
      await settle();
      for (;;) {
        const next = [...timers.values()].reduce((min, v) => Math.min(min, v.at), Number.POSITIVE_INFINITY);
        if (next > end) break;
        t = Math.max(t, next);
        for (let item = due(); item; item = due()) {
          timers.delete(item[0]);
          item[1].fn();
          await settle();
        }
      }
      t = end;
      await settle();
    },
    async runAll(limit = 24 * 3_600_000) {
      const end = t + limit;
      await settle();
      for (let idle = 0; t < end && idle < 5; ) {
        if (timers.size === 0) {
          // The work of the last timer may still be writing before it schedules the next one.
          idle++;
          await settle();
          continue;
        }
        idle = 0;
        await toNextTimer(end);
      }
    },
    async until(condition, limit = 24 * 3_600_000) {
      const end = t + limit;
      await settle();
      for (let idle = 0; !condition(); ) {
        if (t >= end || idle >= 50)
          throw new Error(`condition not reached (fake time +${t - end + limit} ms)`);
        if (timers.size === 0) {
          idle++;
          await settle();
          continue;
        }
        idle = 0;
        await toNextTimer(end);
      }
    },
    pending: () => timers.size,
  };
  return clock;
}
