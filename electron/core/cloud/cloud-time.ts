/**
 * CRS answers with wall-clock strings (`2026-06-01 02:00:48`) in China Standard Time and no zone; the domain
 * uses ISO 8601 UTC. These two functions are the only place that conversion happens.
 */

/** UTC+08:00, the zone of CRS timestamps. */
export const CLOUD_UTC_OFFSET_MINUTES = 480;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Cloud wall-clock string → ISO UTC. Empty strings and the cloud's zero date (`0000-00-00 00:00:00`)
 * mean "none" and give undefined, as does anything unparseable: a bad time should not sink a listing.
 */
export function cloudTimeToIso(
  value: string | undefined,
  offsetMinutes = CLOUD_UTC_OFFSET_MINUTES,
): string | undefined {
  if (value === undefined) return undefined;
  const fast = wallClockFast(value, offsetMinutes);
  if (fast !== null) return fast;
  const text = value.trim();
  if (!text) return undefined;
  const match = WALL_CLOCK.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (year === 0 || month === 0 || day === 0) return undefined;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
    return Number.isFinite(utc) ? new Date(utc).toISOString() : undefined;
  }
  // Tolerate servers (private clouds, the sandbox) that send a zoned ISO string instead.
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  return undefined;
}

const DIGIT_0 = 48;

/** Two (or four) ASCII digits at `at` as a number, or -1. */
function digits(text: string, at: number, count: 2 | 4): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(at + k) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The cloud's exact 19-character `YYYY-MM-DD HH:mm:ss`, read without a regular expression or temporary
 * arrays (a 100,000-instance listing converts 200,000 of these). Null when the text is anything else, so the
 * general path decides; otherwise the same result as that path.
 */
function wallClockFast(text: string, offsetMinutes: number): string | undefined | null {
  if (text.length !== 19) return null;
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84)) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  if (year === 0 || month === 0 || day === 0) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? new Date(utc).toISOString() : undefined;
}

/** ISO (or epoch ms) → the cloud's wall-clock format, for BeginTime/EndTime parameters. */
export function isoToCloudTime(value: string | number, offsetMinutes = CLOUD_UTC_OFFSET_MINUTES): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(value)}`);
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
