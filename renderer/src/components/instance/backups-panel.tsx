/**
 * Backups of one instance over a span of its retention (default: Preferences.backupWindowDays): main walks
 * the cloud's 30-day windows and answers the whole list. Restorable ones are selectable; the others say why
 * not. Incomplete rows are marked and counted; the panel says when it could not ask for every status or
 * shows a cached list. Restore is offered only on a live fleet.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spanChoicesWith } from '../../../../shared/backup-span';
import type { Backup } from '../../../../shared/domain';
import { formatAge, formatBytes, formatDateTime } from '../../lib/format';
import { href } from '../../lib/route';
import { spanLabel, spanValue } from '../../lib/span-text';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { type BackupTarget, backupKey } from '../../store/backups-slice';
import { selectFleetUsable } from '../../store/selectors';
import { ErrorBox } from '../common/error-box';
import { backupTone, StatusChip } from '../common/status-chip';

const kindLabels: Readonly<Record<Backup['kind'], string>> = {
  manual: 'instance.manual',
  automatic: 'instance.automatic',
  'spec-change': 'instance.specChange',
  unknown: 'instance.unknownKind',
};

export function BackupsPanel({
  target,
  restoreRunning = false,
}: {
  target: BackupTarget;
  /** A restore of this instance is under way: no second one may start until it ends. */
  restoreRunning?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const defaultSpan = useApp((s) => s.prefs?.backupWindowDays ?? 7);
  const list = useApp((s) => s.backups[backupKey(target)]);
  const load = useApp((s) => s.loadBackups);
  const openRestore = useApp((s) => s.openRestore);
  const usable = useApp(selectFleetUsable);
  const [selected, setSelected] = useState<string>();
  const { profileId, region, instanceId, createdAt } = target;

  useEffect(() => {
    void load({ profileId, region, instanceId, createdAt }, defaultSpan);
  }, [load, profileId, region, instanceId, createdAt, defaultSpan]);

  const span = list?.span ?? defaultSpan;
  const choices = spanChoicesWith(span);
  const chosen = list?.backups.find((b) => b.id === selected && b.restorable && !b.incomplete);
  const incomplete = list?.backups.filter((b) => b.incomplete).length ?? 0;
  const lang = i18n.language;
  const zone = useTimeZone();

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h3 id={`${id}-title`}>{t('instance.backups')}</h3>
        <label htmlFor={`${id}-window`}>{t('instance.window')}</label>
        <select
          id={`${id}-window`}
          value={String(span)}
          onChange={(e) => void load(target, spanValue(e.target.value))}
        >
          {choices.map((d) => (
            <option key={d} value={String(d)}>
              {spanLabel(d, t)}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void load(target, span)}>
          {t('instance.reload')}
        </button>
        <span className="spacer" />
        <span id={`${id}-restore-hint`} className="hint">
          {restoreRunning
            ? t('restoreFlow.restoreDisabledRunning')
            : !usable
              ? t('instance.restoreDisabledStale')
              : !chosen
                ? t('instance.chooseBackup')
                : ''}
        </span>
        <button
          type="button"
          className="btn btn-danger-outline"
          disabled={!chosen || !usable || restoreRunning}
          data-testid="restore-selected"
          aria-describedby={`${id}-restore-hint`}
          onClick={() => chosen && void openRestore({ profileId, region, instanceId, backupId: chosen.id })}
        >
          {t('instance.restoreSelected')}
        </button>
      </div>
      {list?.error && <ErrorBox error={list.error} onRetry={() => void load(target, span)} />}
      {list?.status === 'ready' && (
        <div className="backups-status" role="status" data-testid="backups-status">
          <p className="muted small">
            {t('instance.listed', {
              begin: formatDateTime(list.beginTime, zone),
              end: formatDateTime(list.endTime, zone),
            })}
          </p>
          {list.freshness?.source === 'cache' && (
            <p className="field-error">
              {t('instance.cachedList', {
                age: t('timeZone.ageAt', {
                  age: formatAge(list.freshness.fetchedAt, lang),
                  time: formatDateTime(list.freshness.fetchedAt, zone),
                }),
              })}
            </p>
          )}
          {list.statusCoverage === 'normal-and-locked' && (
            <p className="field-error">{t('instance.coverageNarrow')}</p>
          )}
          {list.statusCoverage === 'server-default' && (
            <p className="muted small">{t('instance.coverageServerDefault')}</p>
          )}
          {incomplete > 0 && (
            <p className="field-error" data-testid="backups-incomplete">
              {t('instance.incompleteCount', { count: incomplete })}
            </p>
          )}
        </div>
      )}
      {list && list.backups.length === 0 && list.status === 'ready' && (
        <p className="muted">{t('instance.noBackups')}</p>
      )}
      {list && list.backups.length > 0 && (
        <table className="table backups-table">
          <caption className="sr-only">{t('instance.backups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('instance.select')}</th>
              <th scope="col">{t('instance.start')}</th>
              <th scope="col">{t('instance.kind')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col" className="num">
                {t('col.size')}
              </th>
              <th scope="col">{t('instance.expiry')}</th>
              <th scope="col">{t('instance.remark')}</th>
              <th scope="col">
                <span className="sr-only">{t('inspect.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <BackupRow
                key={b.id}
                backup={b}
                group={`${id}-backup`}
                selected={selected === b.id}
                onSelect={setSelected}
                lang={lang}
                region={region}
                instanceId={instanceId}
              />
            ))}
          </tbody>
        </table>
      )}
      {list?.status === 'loading' && <p role="status">{t('common.loading')}</p>}
    </section>
  );
}

/**
 * A backup the inspector can ask to download: one with its id (not a listing placeholder) whose files the
 * cloud still keeps (not deleted or expired).
 */
export const inspectable = (b: Backup) =>
  !b.incomplete?.includes('BackupId') && b.status !== 'deleted' && b.status !== 'expired';

function BackupRow({
  backup: b,
  group,
  selected,
  onSelect,
  lang,
  region,
  instanceId,
}: {
  backup: Backup;
  group: string;
  selected: boolean;
  onSelect: (id: string) => void;
  lang: string;
  region: string;
  instanceId: string;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const time = formatDateTime(b.startTime, zone);
  const missing = b.incomplete;
  const selectable = b.restorable && !missing;
  return (
    <tr
      className={selected ? 'is-selected' : selectable ? '' : 'is-disabled'}
      data-incomplete={missing ? 'true' : undefined}
    >
      <td>
        {selectable ? (
          <input
            type="radio"
            name={group}
            checked={selected}
            onChange={() => onSelect(b.id)}
            aria-label={t('instance.selectBackup', { time })}
          />
        ) : (
          <span className="reason" data-testid="not-restorable">
            {t(`notRestorable.${b.notRestorableReason ?? 'unknown-status'}`)}
            <span className="muted small reason-help">
              {t(`notRestorableHelp.${b.notRestorableReason ?? 'unknown-status'}`)}
            </span>
          </span>
        )}
      </td>
      <td>
        {time} <span className="muted">{t('instance.ago', { age: formatAge(b.startTime, lang) })}</span>
        {/* A row the cloud sent without an id has a placeholder: not shown as if it were one. */}
        {!missing?.includes('BackupId') && <div className="mono muted small">{b.id}</div>}
        {missing && (
          <div className="field-error small" data-testid="backup-incomplete">
            {t('instance.incompleteRow', { fields: missing.join(', ') })}
          </div>
        )}
      </td>
      <td>{t(kindLabels[b.kind])}</td>
      <td>
        <StatusChip tone={backupTone(b.status)}>{t(`backupStatus.${b.status}`)}</StatusChip>
      </td>
      <td className="num">{formatBytes(b.sizeBytes, lang)}</td>
      <td>{formatDateTime(b.expireTime, zone)}</td>
      <td>{b.remark || t('common.none')}</td>
      <td>
        {inspectable(b) && (
          <a
            className="btn btn-small"
            href={href({ name: 'inspect', region, id: instanceId, backupId: b.id, view: 'report' })}
            aria-label={t('inspect.actionLabel', { time })}
            data-testid="inspect-backup"
          >
            {t('inspect.action')}
          </a>
        )}
      </td>
    </tr>
  );
}
