// The backup span: what a preference may hold, and the choices the panel and the settings offer.
import { describe, expect, it } from 'vitest';
import { BACKUP_RETENTION_MAX_DAYS, spanChoicesWith, spanDays } from '../../../shared/backup-span';
import { PreferencesPatchSchema } from '../../../shared/settings';

describe('backup span', () => {
  it('accepts days up to the documented retention, and all of it; refuses anything else', () => {
    for (const span of [1, 30, 90, 365, BACKUP_RETENTION_MAX_DAYS, 'all'])
      expect(PreferencesPatchSchema.safeParse({ backupWindowDays: span }).success).toBe(true);
    for (const span of [0, -1, 1.5, BACKUP_RETENTION_MAX_DAYS + 1, 'forever', null])
      expect(PreferencesPatchSchema.safeParse({ backupWindowDays: span }).success).toBe(false);
  });

  it('offers 90 days, 1 year and all, keeping an odd saved span in order', () => {
    expect(spanChoicesWith(7)).toEqual([1, 3, 7, 14, 30, 90, 365, 'all']);
    expect(spanChoicesWith(45)).toEqual([1, 3, 7, 14, 30, 45, 90, 365, 'all']);
    expect(spanDays('all')).toBe(1825);
    expect(spanDays(90)).toBe(90);
  });
});
