/**
 * Times as the console shows them: Beijing time with "(UTC+8)" by default, this computer's time with its own
 * offset on request; the zone is named either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime, offsetLabel } from '../../../renderer/src/lib/format';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Pretends this computer is at a fixed offset east of UTC (in minutes). */
function localOffset(minutesEast: number) {
  vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(-minutesEast);
}

describe('formatDateTime', () => {
  it('shows a UTC time as Beijing time, zone named, whatever the local zone', () => {
    localOffset(-300);
    expect(formatDateTime('2026-12-04T18:00:00Z', 'beijing')).toBe('2026-12-05 02:00 (UTC+8)');
  });

  it('shows a UTC time in the local zone with its offset', () => {
    localOffset(-300);
    expect(formatDateTime('2026-12-04T18:00:00Z', 'local')).toBe('2026-12-04 13:00 (UTC-5)');
    localOffset(330);
    expect(formatDateTime('2026-12-04T18:00:00Z', 'local')).toBe('2026-12-04 23:30 (UTC+5:30)');
    localOffset(0);
    expect(formatDateTime('2026-12-04T18:00:00Z', 'local')).toBe('2026-12-04 18:00 (UTC+0)');
  });

  it('keeps a time it cannot read as given, and says — for none', () => {
    expect(formatDateTime('not a time', 'beijing')).toBe('not a time');
    expect(formatDateTime(undefined, 'local')).toBe('—');
  });

  it('labels offsets both sides of UTC', () => {
    expect(offsetLabel(480)).toBe('UTC+8');
    expect(offsetLabel(-570)).toBe('UTC-9:30');
  });
});
