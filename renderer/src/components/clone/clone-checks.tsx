/**
 * The new-instance path's checks. Each is passed, failed, or "not checkable here": the API offers no way to
 * ask some things before ordering (a quota, for one), and saying "passed" for those would be untrue.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CloneCheck } from '../../../../shared/clones';
import { formatDateTime, type TimeZoneSetting } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { StatusChip, type Tone } from '../common/status-chip';

const tone: Record<CloneCheck['state'], Tone> = { pass: 'ok', fail: 'bad', unknown: 'warn' };
const label: Record<CloneCheck['state'], string> = {
  pass: 'check.passed',
  fail: 'check.failed',
  unknown: 'clone.checkUnknown',
};

/** The check's values in this language: a status, a billing mode, a reason and a time are words here too. */
function detailValues(c: CloneCheck, t: TFunction, zone: TimeZoneSetting): Record<string, string> {
  const values: Record<string, string> = { ...c.params };
  if (c.params.status) values.status = t(`status.${c.params.status}`, { defaultValue: c.params.status });
  if (c.params.reason)
    values.reason = t(`notRestorable.${c.params.reason}`, { defaultValue: c.params.reason });
  if (c.params.billingMode)
    values.billingMode = t(`clone.billing.${c.params.billingMode === 'monthly' ? 'monthly' : 'payg'}`);
  if (c.params.time) values.time = formatDateTime(c.params.time, zone, true);
  return values;
}

export function CloneChecks({ checks }: { checks: CloneCheck[] }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  return (
    <ul className="checks clone-checks" data-testid="clone-checks">
      {checks.map((c) => (
        <li
          key={c.id}
          className={c.state === 'fail' ? 'check-bad' : c.state === 'pass' ? 'check-ok' : 'check-unknown'}
          data-check={c.id}
          data-state={c.state}
        >
          <StatusChip tone={tone[c.state]}>{t(label[c.state])}</StatusChip>
          <span className="check-label">{t(`cloneCheck.${c.id}`, { defaultValue: c.id })}</span>
          {/* The core's reason in this language when the catalog has it; its English words otherwise. */}
          {(c.detail || c.reason) && (
            <span className="check-detail">
              {t(`cloneReason.${c.id}.${c.reason}`, { ...detailValues(c, t, zone), defaultValue: c.detail })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
