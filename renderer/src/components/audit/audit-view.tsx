/** The audit log with filters and CSV / JSON export (downloaded through a Blob). */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditOutcomeSchema, type AuditQuery } from '../../../../shared/audit';
import { auditMessage } from '../../lib/audit-message';
import { downloadText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { StatusChip, taskTone } from '../common/status-chip';

export function AuditView() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const entries = useApp((s) => s.auditEntries);
  const skipped = useApp((s) => s.auditSkipped);
  const status = useApp((s) => s.auditStatus);
  const error = useApp((s) => s.auditError);
  const query = useApp((s) => s.auditQuery);
  const load = useApp((s) => s.loadAudit);
  const exportAudit = useApp((s) => s.exportAudit);
  const [form, setForm] = useState<AuditQuery>(query);
  const [exportError, setExportError] = useState<UiError>();
  const [exported, setExported] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on entering the screen, with the last query.
  useEffect(() => {
    void load();
  }, []);

  const onExport = async (format: 'csv' | 'json') => {
    setExportError(undefined);
    const result = await exportAudit(format);
    if (!result.ok) return setExportError(result.error);
    downloadText(result.value.filename, result.value.mimeType, result.value.content);
    setExported(result.value.filename);
  };
  const set = (patch: Partial<AuditQuery>) => setForm((f) => ({ ...f, ...patch }));
  const zone = useTimeZone();

  return (
    <section className="page" aria-labelledby="audit-title">
      <div className="page-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <span className="muted">{t('audit.count', { count: entries.length })}</span>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void onExport('csv')}>
          {t('audit.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => void onExport('json')}>
          {t('audit.exportJson')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void load(form);
        }}
      >
        <div className="filter filter-search">
          <label htmlFor={`${id}-text`}>{t('audit.text')}</label>
          <input
            id={`${id}-text`}
            type="search"
            value={form.text ?? ''}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-instance`}>{t('audit.instanceId')}</label>
          <input
            id={`${id}-instance`}
            value={form.instanceId ?? ''}
            onChange={(e) => set({ instanceId: e.target.value })}
            spellCheck={false}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-outcome`}>{t('audit.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={form.outcome ?? ''}
            onChange={(e) => set({ outcome: (e.target.value || undefined) as AuditQuery['outcome'] })}
          >
            <option value="">{t('fleet.all')}</option>
            {AuditOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-since`}>{t('audit.since')}</label>
          <input
            id={`${id}-since`}
            type="date"
            value={form.since?.slice(0, 10) ?? ''}
            onChange={(e) =>
              set({
                since: e.target.value ? new Date(`${e.target.value}T00:00:00`).toISOString() : undefined,
              })
            }
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setForm({ limit: 1000 });
            void load({ limit: 1000 });
          }}
        >
          {t('audit.reset')}
        </button>
      </form>
      {exported && (
        <p role="status" className="muted">
          {t('audit.exported', { filename: exported })}
        </p>
      )}
      {exportError && <ErrorBox error={exportError} />}
      {error && <ErrorBox error={error} onRetry={() => void load()} />}
      {error && entries.length > 0 && (
        <p className="banner banner-warn" data-testid="audit-stale">
          {t('audit.reloadFailed')}
        </p>
      )}
      {skipped > 0 && <p className="banner banner-warn">{t('audit.skipped', { count: skipped })}</p>}
      {status === 'ready' && entries.length === 0 ? (
        <p className="empty">{t('audit.empty')}</p>
      ) : (
        <table className="table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.profile')}</th>
              <th scope="col">{t('audit.user')}</th>
              <th scope="col">{t('audit.message')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.time, zone)}</td>
                <td>{t(`action.${e.action}`)}</td>
                <td>
                  <StatusChip
                    tone={
                      e.outcome === 'requested' || e.outcome === 'started' ? 'neutral' : taskTone(e.outcome)
                    }
                  >
                    {t(`outcome.${e.outcome}`)}
                  </StatusChip>
                </td>
                <td>
                  {e.instanceName ?? t('common.none')}
                  {e.instanceId && <div className="mono muted small">{e.instanceId}</div>}
                </td>
                <td>{e.profileName}</td>
                <td>{e.osUser}</td>
                <td className="cell-message">{auditMessage(e, t, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
