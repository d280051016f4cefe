/** The report's pictures: keys by type (bars), keys by time to live (columns) and the prefix tree. */
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InspectionReport, redisTypes, SeparatorsSchema } from '../../../../shared/inspector';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { type Bar, BarChart, chartLabel } from './bar-chart';
import { ColumnChart } from './column-chart';
import { prefixTree } from './prefix-nodes';
import { PrefixTree } from './prefix-tree';

export function ReportCharts({
  report: r,
  onSeparators,
}: {
  report: InspectionReport;
  /** Reads the backup again with other prefix separators. */
  onSeparators: (separators: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone();
  const lang = i18n.language;
  const typeBars: Bar[] = redisTypes
    .filter((type) => (r.types[type]?.keys ?? 0) > 0)
    .map((type) => {
      const line = r.types[type];
      const keys = line?.keys ?? 0;
      return {
        key: type,
        label: type,
        value: keys,
        valueText: `${formatNumber(keys, lang)} · ${formatBytes(line?.bytes ?? 0, lang)}`,
      };
    });
  const ttlBars: Bar[] = r.ttl.map((b) => ({
    key: b.bucket,
    label: t(`report.ttl.${b.bucket}`),
    value: b.keys,
    valueText: formatNumber(b.keys, lang),
  }));
  const roots = useMemo(
    () => prefixTree(r.prefixTree, { other: t('report.prefixOther'), none: t('report.prefixNone') }),
    [r.prefixTree, t],
  );

  return (
    <div className="report-charts">
      <section className="card" aria-labelledby="types-title">
        <h3 id="types-title">{t('report.typesTitle')}</h3>
        <BarChart bars={typeBars} label={chartLabel(t('report.typesTitle'), typeBars)} testId="types-chart" />
      </section>
      <section className="card" aria-labelledby="ttl-title">
        <h3 id="ttl-title">{t('report.ttlTitle')}</h3>
        <ColumnChart bars={ttlBars} label={chartLabel(t('report.ttlTitle'), ttlBars)} testId="ttl-chart" />
        <p className="muted small">
          {t('report.ttlReference', { time: formatDateTime(new Date(r.referenceMs).toISOString(), zone) })}
        </p>
      </section>
      <section className="card report-wide" aria-labelledby="prefix-title">
        <h3 id="prefix-title">{t('report.prefixTitle')}</h3>
        <SeparatorsForm current={r.prefixTree.separators} onApply={onSeparators} />
        <p className="muted small">{t('report.prefixHelp')}</p>
        <PrefixTree roots={roots} totalBytes={r.bytes} label={t('report.prefixTitle')} />
        {r.prefixTree.capped && <p className="muted small">{t('report.prefixOtherNote')}</p>}
      </section>
    </div>
  );
}

/** The prefix separators, changed by reading the backup again (the tree is built while reading). */
function SeparatorsForm({ current, onApply }: { current: string; onApply: (separators: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(current);
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = SeparatorsSchema.safeParse(text).success && new Set(text).size === text.length;
    setInvalid(!ok);
    if (ok && text !== current) onApply(text);
  };
  return (
    <form className="toolbar" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-sep`}>{t('report.separators')}</label>
        <input
          id={`${id}-sep`}
          className="mono separators-input"
          value={text}
          maxLength={8}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-sep-hint`}
          data-testid="separators"
        />
      </div>
      <button type="submit" className="btn btn-small">
        {t('report.separatorsApply')}
      </button>
      <p id={`${id}-sep-hint`} className={invalid ? 'field-error small' : 'muted small'}>
        {t(invalid ? 'report.separatorsInvalid' : 'report.separatorsHint')}
      </p>
    </form>
  );
}
