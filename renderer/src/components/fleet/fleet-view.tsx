/**
 * The fleet browser: every instance of the active profile across its regions. The page itself does not
 * read the matching rows: a keystroke of a search re-renders the count and the grid, not the page.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFixedT } from '../../i18n/use-fixed-t';
import { formatNumber } from '../../lib/format';
import { useApp } from '../../store';
import { selectActiveProfile, selectVisibleRows } from '../../store/selectors';
import { ErrorBox } from '../common/error-box';
import { FreshnessBanner, IncompleteRowsNote, RegionProgressBar } from './fleet-status';
import { FleetTable } from './fleet-table';
import { FleetToolbar } from './fleet-toolbar';

export function FleetView() {
  const { t } = useTranslation();
  const profile = useApp(selectActiveProfile);
  const loading = useApp((s) => s.fleetLoading);
  const error = useApp((s) => s.fleetError);
  const stale = useApp((s) => s.freshness?.stale === true);
  const refresh = useApp((s) => s.refreshFleet);
  const cancel = useApp((s) => s.cancelFleet);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !document.querySelector('[aria-modal="true"]')) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!profile) return <p>{t('fleet.noProfile')}</p>;
  return (
    <section className="page fleet-page" aria-labelledby="fleet-title">
      <div className="page-head">
        <h2 id="fleet-title">
          {t('fleet.title')} <span className="muted">· {profile.name}</span>
        </h2>
        <FleetCount />
        <span className="spacer" />
        {loading ? (
          <button type="button" className="btn" onClick={() => void cancel()}>
            {t('fleet.cancel')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => void refresh()}>
            {t('fleet.refresh')}
          </button>
        )}
      </div>
      <FreshnessBanner />
      {error && !stale && <ErrorBox error={error} onRetry={() => void refresh()} />}
      <RegionProgressBar />
      <IncompleteRowsNote />
      <FleetToolbar searchRef={searchRef} />
      <FleetRowsOrEmpty loading={loading} />
    </section>
  );
}

/** Re-rendered by every keystroke that changes the count: the sentence is looked up once per language. */
const FleetCount = memo(function FleetCount() {
  const { t, lang } = useFixedT();
  const shown = useApp((s) => selectVisibleRows(s).length);
  const total = useApp((s) => s.fleetRows.length);
  const sentence = useMemo(() => t('fleet.count', { shown: SHOWN, total: TOTAL }), [t]);
  return (
    <span className="muted" role="status" data-testid="fleet-count">
      {sentence.replace(SHOWN, formatNumber(shown, lang)).replace(TOTAL, formatNumber(total, lang))}
    </span>
  );
});

/** Stand-ins for the count's numbers, put in once the sentence is translated. */
const SHOWN = '\u0001shown\u0001';
const TOTAL = '\u0001total\u0001';

const FleetRowsOrEmpty = memo(function FleetRowsOrEmpty({ loading }: { loading: boolean }) {
  const { t } = useFixedT();
  const rows = useApp(selectVisibleRows);
  const total = useApp((s) => s.fleetRows.length);
  if (rows.length === 0 && !loading)
    return <p className="empty">{total === 0 ? t('fleet.empty') : t('fleet.noMatch')}</p>;
  return <FleetTable rows={rows} />;
});
