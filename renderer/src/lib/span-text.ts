/** The backup span as the UI names it and as a select carries it. */
import type { TFunction } from 'i18next';
import type { BackupSpan } from '../../../shared/backup-span';

/** The span as a select's value: a number of days, or `all`. */
export const spanValue = (value: string): BackupSpan => (value === 'all' ? 'all' : Number(value));

/** "7 days", "1 year", "All retention (up to 5 years)". */
export function spanLabel(span: BackupSpan, t: TFunction): string {
  if (span === 'all') return t('instance.allRetention');
  return span === 365 ? t('instance.oneYear') : t('instance.days', { count: span });
}
