/**
 * One backup in the inspector: first its download into the private cache, then three views of it — what it
 * holds (report), finding a key (across this and other downloaded backups of the instance), and comparing it
 * with another backup (by default the newest: what a restore of this one would lose).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { href, type InspectTab } from '../../lib/route';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import { CompareView } from './compare-view';
import { DownloadStep } from './download-step';
import { FindView } from './find-view';
import { ReportView } from './report-view';
import { useInspectTarget } from './use-inspect-target';
import './inspect.css';

const tabs: ReadonlyArray<[InspectTab, string]> = [
  ['report', 'inspect.tabReport'],
  ['find', 'inspect.tabFind'],
  ['compare', 'inspect.tabCompare'],
];

export function InspectView({
  region,
  id,
  backupId,
  view,
}: {
  region: string;
  id: string;
  backupId: string;
  view: InspectTab;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const target = useInspectTarget(region, id, backupId);
  const watch = useApp((s) => s.watchInspector);
  const loadCache = useApp((s) => s.loadCache);
  const { ref, backup } = target;
  const key = ref ? refKey(ref) : '';
  const downloaded = useApp(
    (s) =>
      s.downloads[key]?.phase === 'done' ||
      s.cache?.entries.some((e) => refKey(e) === key && e.state === 'complete') === true,
  );

  useEffect(() => watch(), [watch]);
  useEffect(() => {
    void loadCache();
  }, [loadCache]);

  const time = backup?.startTime ? formatDateTime(backup.startTime, zone) : undefined;
  return (
    <section className="page inspect-page" aria-labelledby="inspect-title">
      <a className="back-link" href={href({ name: 'instance', region, id })}>
        ← {t('inspect.back', { name: target.instanceName })}
      </a>
      <div className="page-head">
        <h2 id="inspect-title">
          {time ? t('inspect.title', { time }) : t('inspect.titleUnknown', { id: backupId })}
        </h2>
        <span className="mono muted small">{backupId}</span>
      </div>
      {target.list?.status === 'ready' && !backup && (
        <p className="muted small" data-testid="inspect-not-listed">
          {t('inspect.notListed')}
        </p>
      )}
      {!ref ? null : !downloaded ? (
        <DownloadStep target={ref} />
      ) : (
        <>
          <nav className="inspect-tabs" aria-label={t('inspect.tabsLabel')}>
            {tabs.map(([tab, label]) => (
              <a
                key={tab}
                className="inspect-tab"
                href={href({ name: 'inspect', region, id, backupId, view: tab })}
                aria-current={tab === view ? 'page' : undefined}
                data-testid={`inspect-tab-${tab}`}
              >
                {t(label)}
              </a>
            ))}
          </nav>
          {view === 'report' && <ReportView target={ref} />}
          {view === 'find' && <FindView target={target} />}
          {view === 'compare' && <CompareView target={target} />}
        </>
      )}
    </section>
  );
}
