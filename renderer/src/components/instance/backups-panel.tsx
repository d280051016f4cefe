/**
 * Backups of one instance within a window (default: Preferences.backupWindowDays), paged by 100.
 * Restorable ones are selectable; the others say why not. Restore is offered only on a live fleet.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/domain';
import { formatAge, formatBytes, formatDateTime } from '../../lib/format';
import { useApp } from '../../store';
import { type BackupTarget, backupKey } from '../../store/backups-slice';
import { selectFleetUsable } from '../../store/selectors';
import { ErrorBox } from '../common/error-box';
import { backupTone, StatusChip } from '../common/status-chip';

const windows = [1, 3, 7, 14, 30];

export function BackupsPanel({ target }: { target: BackupTarget }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const defaultDays = useApp((s) => s.prefs?.backupWindowDays ?? 7);
  const list = useApp((s) => s.backups[backupKey(target)]);
  const load = useApp((s) => s.loadBackups);
  const loadMore = useApp((s) => s.loadMoreBackups);
  const openRestore = useApp((s) => s.openRestore);
  const usable = useApp(selectFleetUsable);
  const [selected, setSelected] = useState<string>();
  const { profileId, region, instanceId } = target;

  useEffect(() => {
    void load({ profileId, region, instanceId }, defaultDays);
  }, [load, profileId, region, instanceId, defaultDays]);

  const days = list?.days ?? defaultDays;
  const dayOptions = windows.includes(days) ? windows : [...windows, days].sort((a, b) => a - b);
  const chosen = list?.backups.find((b) => b.id === selected && b.restorable);
  const lang = i18n.language;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h3 id={`${id}-title`}>{t('instance.backups')}</h3>
        <label htmlFor={`${id}-window`}>{t('instance.window')}</label>
        <select id={`${id}-window`} value={days} onChange={(e) => void load(target, Number(e.target.value))}>
          {dayOptions.map((d) => (
            <option key={d} value={d}>
              {t('instance.days', { count: d })}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void load(target, days)}>
          {t('instance.reload')}
        </button>
        <span className="spacer" />
        <span id={`${id}-restore-hint`} className="hint">
          {!usable ? t('instance.restoreDisabledStale') : !chosen ? t('instance.chooseBackup') : ''}
        </span>
        <button
          type="button"
          className="btn btn-danger-outline"
          disabled={!chosen || !usable}
          aria-describedby={`${id}-restore-hint`}
          onClick={() => chosen && void openRestore({ ...target, backupId: chosen.id })}
        >
          {t('instance.restoreSelected')}
        </button>
      </div>
      {list?.error && <ErrorBox error={list.error} onRetry={() => void load(target, days)} />}
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
              />
            ))}
          </tbody>
        </table>
      )}
      {list?.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list && list.backups.length < list.total && list.status !== 'loading' && (
        <button type="button" className="btn" onClick={() => void loadMore(target)}>
          {t('instance.loadMore', { shown: list.backups.length, total: list.total })}
        </button>
      )}
    </section>
  );
}

function BackupRow({
  backup: b,
  group,
  selected,
  onSelect,
  lang,
}: {
  backup: Backup;
  group: string;
  selected: boolean;
  onSelect: (id: string) => void;
  lang: string;
}) {
  const { t } = useTranslation();
  const time = formatDateTime(b.startTime, lang);
  return (
    <tr className={selected ? 'is-selected' : b.restorable ? '' : 'is-disabled'}>
      <td>
        {b.restorable ? (
          <input
            type="radio"
            name={group}
            checked={selected}
            onChange={() => onSelect(b.id)}
            aria-label={t('instance.selectBackup', { time })}
          />
        ) : (
          <span className="reason">{t(`notRestorable.${b.notRestorableReason ?? 'unknown-status'}`)}</span>
        )}
      </td>
      <td>
        {time} <span className="muted">{t('instance.ago', { age: formatAge(b.startTime, lang) })}</span>
        <div className="mono muted small">{b.id}</div>
      </td>
      <td>{t(`instance.backupKind.${b.kind}`)}</td>
      <td>
        <StatusChip tone={backupTone(b.status)}>{t(`backupStatus.${b.status}`)}</StatusChip>
      </td>
      <td className="num">{formatBytes(b.sizeBytes, lang)}</td>
      <td>{formatDateTime(b.expireTime, lang)}</td>
      <td>{b.remark || t('common.none')}</td>
    </tr>
  );
}
