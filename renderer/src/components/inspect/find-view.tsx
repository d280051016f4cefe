/**
 * Find a key by exact name or Redis glob pattern across downloaded backups of the instance (by default the
 * inspected one): its type, TTL, size and element count, and which backups hold it. A value is read only
 * when asked, one at a time, and shown in a panel that forgets it when closed. A search can be cancelled: it
 * then shows no result at all, only that it was cancelled.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindResult, KeyMatch } from '../../../../shared/inspector';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { href } from '../../lib/route';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { formatTtl } from './format-ttl';
import { KeyCell, TableHead } from './report-table';
import { CancelRunButton, RunCancelled } from './run-cancel';
import { useInspectRun } from './use-inspect-run';
import type { InspectTarget } from './use-inspect-target';
import { ValuePreviewPanel } from './value-preview';

/** A pattern with an unescaped `*`, `?` or `[` is a glob (redis `stringmatchlen`); anything else is exact. */
export function isGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

export function FindView({ target }: { target: InspectTarget }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zone = useTimeZone();
  const lang = i18n.language;
  const find = useApp((s) => s.findKeys);
  const cache = useApp((s) => s.cache);
  const downloads = useApp((s) => s.downloads);
  const inspected = target.ref?.backupId ?? '';
  const [pattern, setPattern] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set([inspected]));
  const run = useInspectRun();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<UiError>();
  const [result, setResult] = useState<FindResult>();
  const [open, setOpen] = useState<KeyMatch>();
  // The button that opened the value panel: focus goes back to it when the panel closes.
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeValue = () => {
    setOpen(undefined);
    opener.current?.focus();
  };

  const isDownloaded = (backupId: string) => {
    const ref = target.refOf(backupId);
    if (!ref) return false;
    const key = refKey(ref);
    return (
      downloads[key]?.phase === 'done' ||
      cache?.entries.some((e) => refKey(e) === key && e.state === 'complete') === true
    );
  };
  const backups = target.list?.backups ?? [];
  // The inspected backup is always offered, even when the loaded list does not hold it.
  const offered = backups.some((b) => b.id === inspected)
    ? backups
    : [{ id: inspected, startTime: undefined }, ...backups];
  const timeOf = (backupId: string) => {
    const b = backups.find((x) => x.id === backupId);
    return b?.startTime ? formatDateTime(b.startTime, zone) : backupId;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = pattern.trim();
    const refs = [...chosen].filter(isDownloaded).flatMap((b) => target.refOf(b) ?? []);
    if (!text) return setProblem(t('find.needPattern'));
    if (refs.length === 0) return setProblem(t('find.needBackup'));
    setProblem(undefined);
    setError(undefined);
    setOpen(undefined);
    // The last result goes at once: shown beside a new search, it would read as that search's answer.
    setResult(undefined);
    const answer = await run.start((requestId) => find(refs, text, isGlob(text), requestId));
    if (!answer) return;
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="find-view">
      <h3 id={`${id}-title`}>{t('find.title')}</h3>
      <form className="find-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-pattern`}>{t('find.pattern')}</label>
          <input
            id={`${id}-pattern`}
            className="mono"
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
            aria-describedby={`${id}-hint`}
            spellCheck={false}
            autoComplete="off"
            maxLength={1024}
            data-testid="find-pattern"
          />
          <p id={`${id}-hint`} className="muted small">
            {t('find.patternHint')}
          </p>
        </div>
        <fieldset className="field find-backups">
          <legend>{t('find.backups')}</legend>
          {offered.map((b) => {
            const available = isDownloaded(b.id);
            return (
              <label key={b.id} className="inline">
                <input
                  type="checkbox"
                  checked={available && chosen.has(b.id)}
                  disabled={!available}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(b.id);
                    else next.delete(b.id);
                    setChosen(next);
                  }}
                />{' '}
                {timeOf(b.id)}
                {b.id === inspected ? ` · ${t('find.thisBackup')}` : ''}
                {!available && target.ref && (
                  <>
                    {' — '}
                    <a
                      className="small"
                      href={href({
                        name: 'inspect',
                        region: target.ref.region,
                        id: target.ref.instanceId,
                        backupId: b.id,
                        view: 'report',
                      })}
                    >
                      {t('find.notDownloaded')}
                    </a>
                  </>
                )}
              </label>
            );
          })}
        </fieldset>
        <div className="toolbar">
          <button
            ref={run.startButton}
            type="submit"
            className="btn btn-primary"
            disabled={run.busy}
            data-testid="find-submit"
          >
            {run.busy ? t('find.searching') : t('find.search')}
          </button>
          <CancelRunButton run={run} label={t('find.cancel')} testId="find-cancel" />
        </div>
        <RunCancelled run={run} text={t('find.cancelled')} testId="find-cancelled" />
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {error && <ErrorBox error={error} />}
      {result && (
        <div className="find-results" data-testid="find-results">
          {/* `matched` counts a key once per backup holding it: the keys are the listed matches. */}
          <p role="status">
            {result.matches.length === 0
              ? t('find.noMatch')
              : result.truncated
                ? t('find.truncated', { count: result.matches.length })
                : t('find.matches', { count: result.matches.length })}
          </p>
          {result.searched.length > 1 && result.matches.length > 0 && (
            <p className="muted small">{t('find.figuresFrom')}</p>
          )}
          {result.matches.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <TableHead
                  columns={[
                    { label: t('report.key') },
                    { label: t('report.db'), num: true },
                    { label: t('report.type') },
                    { label: t('find.ttl') },
                    { label: t('report.bytes'), num: true },
                    { label: t('report.elements'), num: true },
                    { label: t('find.inBackups') },
                    { label: t('find.showValue'), hidden: true },
                  ]}
                />
                <tbody>
                  {result.matches.map((m) => (
                    <tr key={`${m.db}\u0000${m.key}`}>
                      <KeyCell name={m.key} />
                      <td className="num">{m.db}</td>
                      <td className="mono">{m.type}</td>
                      <td>
                        {m.ttlMs === null
                          ? t('find.noTtl')
                          : m.ttlMs <= 0
                            ? t('find.expiredTtl')
                            : formatTtl(m.ttlMs, lang)}
                      </td>
                      <td className="num">{formatBytes(m.bytes, lang)}</td>
                      <td className="num">{formatNumber(m.elements, lang)}</td>
                      <td>{m.backups.map(timeOf).join(', ')}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-expanded={open === m}
                          onClick={(e) => {
                            opener.current = e.currentTarget;
                            setOpen(open === m ? undefined : m);
                          }}
                          data-testid="show-value"
                        >
                          {t('find.showValue')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      {open && (
        <ValuePreviewPanel
          match={open}
          backup={target.refOf(open.backups[0] ?? inspected)}
          backupTime={timeOf(open.backups[0] ?? inspected)}
          onClose={closeValue}
        />
      )}
    </section>
  );
}
