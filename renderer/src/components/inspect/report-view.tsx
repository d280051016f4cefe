/**
 * What a backup holds: summary figures, keys by type, time to live, the prefix tree, the biggest keys, and
 * per-shard, per-database and per-encoding lines. Charts carry their figures in their accessible names and
 * the tables repeat them, so nothing is only a shape.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRef } from '../../../../shared/downloads';
import type { InspectionReport } from '../../../../shared/inspector';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import { ErrorBox } from '../common/error-box';
import { ReportCharts } from './report-charts';
import { ReportTables } from './report-tables';

export function ReportView({ target }: { target: BackupRef }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const key = refKey(target);
  const view = useApp((s) => s.reports[key]);
  const load = useApp((s) => s.loadReport);
  const cancel = useApp((s) => s.cancelReport);
  const asked = view !== undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per backup; Retry asks again.
  useEffect(() => {
    if (!asked) void load(target);
  }, [asked, key, load]);

  if (!view || view.status === 'loading') {
    const p = view?.progress;
    return (
      <div className="card" data-testid="report-loading">
        <p role="status">
          {!p
            ? t('download.reading')
            : p.totalBytes
              ? t('report.progress', {
                  done: formatBytes(p.bytesRead, lang),
                  total: formatBytes(p.totalBytes, lang),
                })
              : t('report.progressUnknownTotal', { done: formatBytes(p.bytesRead, lang) })}
        </p>
        <progress
          aria-label={t('download.reading')}
          max={p?.totalBytes ?? undefined}
          value={p?.totalBytes ? p.bytesRead : undefined}
        />
        <p>
          <button
            type="button"
            className="btn"
            onClick={() => void cancel(target)}
            data-testid="report-cancel"
          >
            {t('report.cancel')}
          </button>
        </p>
      </div>
    );
  }
  if (view.status === 'error' || !view.report) {
    return view.error ? <ErrorBox error={view.error} onRetry={() => void load(target)} /> : null;
  }
  const report = view.report;
  return (
    <div className="report" data-testid="inspect-report">
      <Summary report={report} />
      {report.keys === 0 ? (
        <p className="muted">{t('report.empty')}</p>
      ) : (
        <>
          <ReportCharts report={report} onSeparators={(separators) => void load(target, separators)} />
          <ReportTables report={report} />
        </>
      )}
    </div>
  );
}

function Summary({ report: r }: { report: InspectionReport }) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const databases = Object.values(r.databases).filter((d) => d.keys > 0).length;
  const cards: Array<[string, string]> = [
    [t('report.keys'), n(r.keys)],
    [t('report.expires'), n(r.expires)],
    [t('report.expired'), n(r.alreadyExpired)],
    [t('report.databases'), n(databases)],
    [t('report.rdbVersion'), String(r.rdbVersion)],
    [t('report.shards'), n(r.files)],
    [t('report.fileBytes'), formatBytes(r.bytes, lang)],
  ];
  if (r.functions > 0) cards.push([t('report.functions'), n(r.functions)]);
  return (
    <section className="card" aria-label={t('report.summaryLabel')}>
      <dl className="summary-cards" data-testid="report-summary">
        {cards.map(([label, value]) => (
          <div key={label} className="summary-card">
            <dt>{label}</dt>
            <dd className="summary-value">{value}</dd>
          </div>
        ))}
      </dl>
      {/* redis src/rdb.c rdbLoadRioWithLoadingCtx: a primary skips keys already expired at load time. */}
      <p className="muted small">
        {t('report.expiredAt', { time: formatDateTime(new Date(r.referenceMs).toISOString(), zone) })}
      </p>
    </section>
  );
}
