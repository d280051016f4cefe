/**
 * Compare the inspected backup with another of the same instance (by default the newest): keys added,
 * removed, changed (by a hash of the value) and unchanged, per prefix, with samples. Against the newest, it
 * answers “what would this restore lose?” — worded as what it is: two backups compared, not the live instance.
 * A comparison can be cancelled: it then shows no result at all, only that it was cancelled.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/domain';
import type { DiffResult } from '../../../../shared/inspector';
import { shownKey } from '../../../../shared/visible-text';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { DownloadStep } from './download-step';
import { KeyCell, TableHead } from './report-table';
import { CancelRunButton, RunCancelled } from './run-cancel';
import { useInspectRun } from './use-inspect-run';
import type { InspectTarget } from './use-inspect-target';

/** The newest backup that still holds data (not deleted or expired), by start time. */
export function newestBackup(backups: readonly Backup[]): Backup | undefined {
  let newest: Backup | undefined;
  for (const b of backups) {
    if (b.status === 'deleted' || b.status === 'expired' || !b.startTime || b.incomplete) continue;
    if (!newest?.startTime || b.startTime > newest.startTime) newest = b;
  }
  return newest;
}

export function CompareView({ target }: { target: InspectTarget }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zone = useTimeZone();
  const lang = i18n.language;
  const compare = useApp((s) => s.compareBackups);
  const downloads = useApp((s) => s.downloads);
  const cache = useApp((s) => s.cache);
  const inspected = target.ref?.backupId ?? '';
  const backups = target.list?.backups ?? [];
  const newest = newestBackup(backups);
  const others = backups.filter((b) => b.id !== inspected && !b.incomplete);
  const [otherId, setOtherId] = useState<string>();
  const chosenId = otherId ?? (newest && newest.id !== inspected ? newest.id : others[0]?.id);
  const running = useInspectRun();
  const [error, setError] = useState<UiError>();
  const [result, setResult] = useState<{ diff: DiffResult; otherId: string }>();

  const timeOf = (backupId: string) => {
    const b = backups.find((x) => x.id === backupId);
    return b?.startTime ? formatDateTime(b.startTime, zone) : backupId;
  };
  const otherRef = chosenId ? target.refOf(chosenId) : undefined;
  const otherKey = otherRef ? refKey(otherRef) : '';
  const otherReady =
    downloads[otherKey]?.phase === 'done' ||
    cache?.entries.some((e) => refKey(e) === otherKey && e.state === 'complete') === true;

  const run = async () => {
    const base = target.ref;
    if (!base || !otherRef || !chosenId) return;
    setError(undefined);
    // The last result goes at once: shown during a new comparison, it would read as that one's answer.
    setResult(undefined);
    const answer = await running.start((requestId) => compare(base, otherRef, requestId));
    if (!answer) return;
    if (answer.ok) setResult({ diff: answer.value, otherId: chosenId });
    else setError(answer.error);
  };

  if (newest?.id === inspected && others.length === 0) {
    return (
      <section className="card" data-testid="compare-view">
        <p className="muted">{t('compare.noOther')}</p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="compare-view">
      <h3 id={`${id}-title`}>{t('compare.title')}</h3>
      {newest?.id === inspected && newest.startTime && (
        <p className="banner banner-info">{t('compare.isNewest', { time: timeOf(newest.id) })}</p>
      )}
      {others.length === 0 ? (
        <p className="muted">{t('compare.noOther')}</p>
      ) : (
        <div className="toolbar">
          <label htmlFor={`${id}-other`}>{t('compare.other')}</label>
          <select
            id={`${id}-other`}
            value={chosenId ?? ''}
            onChange={(e) => {
              setOtherId(e.target.value);
              setResult(undefined);
            }}
            data-testid="compare-other"
          >
            {others.map((b) => (
              <option key={b.id} value={b.id}>
                {b.id === newest?.id ? t('compare.newest', { time: timeOf(b.id) }) : timeOf(b.id)}
              </option>
            ))}
          </select>
          {otherReady && (
            <button
              ref={running.startButton}
              type="button"
              className="btn btn-primary"
              disabled={running.busy}
              onClick={() => void run()}
              data-testid="compare-run"
            >
              {running.busy ? t('compare.running') : t('compare.run')}
            </button>
          )}
          <CancelRunButton run={running} label={t('compare.cancel')} testId="compare-cancel" />
        </div>
      )}
      <RunCancelled run={running} text={t('compare.cancelled')} testId="compare-cancelled" />
      {otherRef && chosenId && !otherReady && (
        <DownloadStep target={otherRef} title={t('compare.downloadOther', { time: timeOf(chosenId) })} />
      )}
      {error && <ErrorBox error={error} />}
      {result && (
        <DiffOutcome
          diff={result.diff}
          fromTime={timeOf(inspected)}
          toTime={timeOf(result.otherId)}
          againstNewest={result.otherId === newest?.id}
          lang={lang}
        />
      )}
    </section>
  );
}

function DiffOutcome({
  diff: d,
  fromTime,
  toTime,
  againstNewest,
  lang,
}: {
  diff: DiffResult;
  fromTime: string;
  toTime: string;
  againstNewest: boolean;
  lang: string;
}) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(v, lang);
  const lose = d.wouldLose.missingKeys + d.wouldLose.changedKeys;
  const counts: Array<[string, number]> = [
    [t('compare.added'), d.added],
    [t('compare.removed'), d.removed],
    [t('compare.changed'), d.changed],
    [t('compare.unchanged'), d.unchanged],
  ];
  const samples: Array<[string, ReadonlyArray<{ db: number; key: string }>]> = [
    [t('compare.added'), d.samples.added],
    [t('compare.removed'), d.samples.removed],
    [t('compare.changed'), d.samples.changed],
  ];
  return (
    <div className="diff-outcome" data-testid="diff-outcome">
      {againstNewest ? (
        <section
          className="banner banner-warn loss-box"
          aria-label={t('compare.lossTitle')}
          data-testid="loss-box"
        >
          <h4>{t('compare.lossTitle')}</h4>
          <p>
            {lose === 0
              ? t('compare.lossNone', { time: toTime })
              : t('compare.lossBody', {
                  time: toTime,
                  removed: n(d.wouldLose.missingKeys),
                  changed: n(d.wouldLose.changedKeys),
                })}
          </p>
          <p>{t('compare.lossCaveat', { time: toTime })}</p>
        </section>
      ) : (
        <p className="muted">{t('compare.lossNotNewest')}</p>
      )}
      <p className="small">{t('compare.direction', { from: fromTime, to: toTime })}</p>
      <dl className="summary-cards" data-testid="diff-counts">
        {counts.map(([label, value]) => (
          <div key={label} className="summary-card">
            <dt>{label}</dt>
            <dd className="summary-value">{n(value)}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('compare.byPrefix')}</h4>
      <div className="table-scroll">
        <table className="table" data-testid="diff-prefixes">
          <TableHead
            columns={[{ label: t('compare.prefix') }, ...counts.map(([label]) => ({ label, num: true }))]}
          />
          <tbody>
            {d.byPrefix.map((p) => (
              <tr key={p.prefix}>
                <KeyCell name={p.prefix} />
                <td className="num">{n(p.added)}</td>
                <td className="num">{n(p.removed)}</td>
                <td className="num">{n(p.changed)}</td>
                <td className="num">{n(p.unchanged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('compare.samples')}</h4>
      {samples.map(([kind, keys]) =>
        keys.length === 0 ? null : (
          <details key={kind} className="diff-samples">
            <summary>{t('compare.samplesOf', { kind, count: keys.length })}</summary>
            <ul className="mono small">
              {keys.map((k) => (
                <li key={`${k.db}\u0000${k.key}`}>
                  {k.db > 0 ? `db${k.db} ` : ''}
                  {shownKey(k.key)}
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </div>
  );
}
