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
  const text = value?.trim();
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

/** ISO (or epoch ms) → the cloud's wall-clock format, for BeginTime/EndTime parameters. */
export function isoToCloudTime(value: string | number, offsetMinutes = CLOUD_UTC_OFFSET_MINUTES): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(value)}`);
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
