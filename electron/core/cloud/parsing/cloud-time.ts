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
    // Not Date.UTC: it reads years 0–99 as 1900–1999.
    const wall = new Date(0);
    wall.setUTCFullYear(year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    const utc = wall.getTime() - offsetMinutes * 60_000;
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
  // Out-of-range fields (month 13, 24:00, 30 February) roll over into the next ones on the general path.
  if (month > 12 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  if (!Number.isInteger(offsetMinutes)) return null;
  // `new Date(ms).toISOString()` was most of this function's time; the same text by integer arithmetic.
  // Joined, not concatenated: `+` and template literals give a rope of small strings (a "cons string"),
  // and a listing holding many of them took several times the heap of flat strings (Design measurements).
  const minutes = hour * 60 + minute - offsetMinutes;
  const dayShift = Math.floor(minutes / 1440);
  const ofDay = minutes - dayShift * 1440;
  let y = year;
  let m = month;
  let d = day;
  if (dayShift !== 0) [y, m, d] = civilFromDays(daysFromCivil(year, month, day) + dayShift);
  if (y < 0 || y > 9999) return null;
  return [
    String(y).padStart(4, '0'),
    '-',
    two(m),
    '-',
    two(d),
    'T',
    two(Math.floor(ofDay / 60)),
    ':',
    two(ofDay % 60),
    ':',
    two(second),
    '.000Z',
  ].join('');
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil: [year, month, day]. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO (or epoch ms) → the cloud's wall-clock format, for BeginTime/EndTime parameters. */
export function isoToCloudTime(value: string | number, offsetMinutes = CLOUD_UTC_OFFSET_MINUTES): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(value)}`);
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
