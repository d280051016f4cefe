// Every time-dependent rule (signature expiry, rate windows, task progress, backup expiry) reads time
// through a Clock so tests can freeze or fast-forward it instead of sleeping.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * Tencent renders times as `YYYY-MM-DD HH:mm:ss` in Beijing time (UTC+8) and reads BeginTime/EndTime
 * the same way, so the sandbox does too.
 */
export function formatTencentTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses `YYYY-MM-DD HH:mm:ss` (UTC+8); null when malformed. */
export function parseTencentTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined) return null;
  const ms = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0) - BEIJING_OFFSET_MS;
  // Date.UTC normalises 2024-02-31 into March; reject instead of silently shifting.
  return formatTencentTime(ms) === text ? ms : null;
}
