/** Each preflight check with its result and detail. */
import { useTranslation } from 'react-i18next';
import type { PreflightCheck } from '../../../../shared/tasks';
import { checkDetail } from '../../lib/check-detail';
import { useTimeZone } from '../../lib/use-time-zone';
import { StatusChip } from '../common/status-chip';

export function PreflightList({ checks }: { checks: PreflightCheck[] }) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone();
  return (
    <ul className="checks" data-testid="preflight-checks">
      {checks.map((c) => (
        <li key={c.id} className={c.ok ? 'check-ok' : 'check-bad'} data-check={c.id}>
          <StatusChip tone={c.ok ? 'ok' : 'bad'}>{c.ok ? t('check.passed') : t('check.failed')}</StatusChip>
          <span className="check-label">{t(`check.${c.id}`)}</span>
          {c.detail && <span className="check-detail">{checkDetail(c, t, i18n.language, zone)}</span>}
        </li>
      ))}
    </ul>
  );
}
