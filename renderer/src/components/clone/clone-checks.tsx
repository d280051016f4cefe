/**
 * The new-instance path's checks. Each is passed, failed, or "not checkable here": the API offers no way to
 * ask some things before ordering (a quota, for one), and saying "passed" for those would be untrue.
 */
import { useTranslation } from 'react-i18next';
import type { CloneCheck } from '../../../../shared/clones';
import { StatusChip, type Tone } from '../common/status-chip';

const tone: Record<CloneCheck['state'], Tone> = { pass: 'ok', fail: 'bad', unknown: 'warn' };
const label: Record<CloneCheck['state'], string> = {
  pass: 'check.passed',
  fail: 'check.failed',
  unknown: 'clone.checkUnknown',
};

export function CloneChecks({ checks }: { checks: CloneCheck[] }) {
  const { t } = useTranslation();
  return (
    <ul className="checks" data-testid="clone-checks">
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
              {t(`cloneReason.${c.reason}`, { ...c.params, defaultValue: c.detail })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
