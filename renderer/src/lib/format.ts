/** Dates, ages, durations and sizes in the user's language, with Intl (no locale data bundled). */
import type { Preferences } from '../../../shared/settings';

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number | undefined, lang: string): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${numberFormat(lang, digits).format(value)} ${units[unit]}`;
}

/** Intl formatters are costly to build and the fleet grid formats a size per visible row per render. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${lang}|${maximumFractionDigits ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      lang,
      maximumFractionDigits === undefined ? {} : { maximumFractionDigits },
    );
    formatters.set(key, format);
  }
  return format;
}

export const formatMb = (mb: number, lang: string) => formatBytes(mb * 1024 * 1024, lang);

export function formatNumber(value: number, lang: string): string {
  return numberFormat(lang).format(value);
}

/** Which clock times are shown in: the console's Beijing time (the default) or this computer's. */
export type TimeZoneSetting = Preferences['timeZone'];

/** China Standard Time has been UTC+8 all year since 1992 (no daylight saving): a fixed offset is exact. */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** "UTC+8", "UTC+5:30", "UTC-3", "UTC+0": the offset in force at that instant. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/**
 * A time as the console shows it, with its zone always named: "2026-12-05 02:00 (UTC+8)". The numeric form
 * reads the same in both languages, so a DBA can compare it with the console and with tccli output.
 */
export function formatDateTime(
  iso: string | undefined,
  zone: TimeZoneSetting,
  /** With seconds: a point in time for a clone is chosen to the second. */
  seconds = false,
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const offset = zone === 'beijing' ? BEIJING_OFFSET_MINUTES : -date.getTimezoneOffset();
  // Shifted by the offset, the UTC fields of `shifted` are the wall-clock fields in that zone.
  const shifted = new Date(date.getTime() + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}${seconds ? `:${pad(shifted.getUTCSeconds())}` : ''}`;
  return `${day} ${time} (${offsetLabel(offset)})`;
}

/** "3 hours ago", "in 2 days": for backup ages, cache ages and expiries. */
export function formatAge(iso: string | undefined, lang: string, now: number = Date.now()): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** Elapsed time as h:mm:ss (or m:ss), which reads the same in every language. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
