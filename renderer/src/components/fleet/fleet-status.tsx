/** Freshness (offline / stale / cached) and per-region loading progress above the fleet grid. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { isAppErrorCode } from '../../../../shared/errors';
import { errorText } from '../../lib/error-text';
import { formatAge, formatDateTime, formatNumber } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { selectIncompleteCount } from '../../store/selectors';
import { ErrorBox, RequestIdLine } from '../common/error-box';

/** Memoised (no props): it reads the store itself, so a search that re-renders the fleet skips it. */
export const FreshnessBanner = memo(function FreshnessBanner() {
  const { t, i18n } = useTranslation();
  const freshness = useApp((s) => s.freshness);
  const loading = useApp((s) => s.fleetLoading);
  const error = useApp((s) => s.fleetError);
  const refresh = useApp((s) => s.refreshFleet);
  const zone = useTimeZone();
  // While a refresh runs, a missing cache is not "offline" yet: wait for the refresh to say so.
  if (freshness?.stale && !loading) {
    const age = freshness.fetchedAt
      ? t('timeZone.ageAt', {
          age: formatAge(freshness.fetchedAt, i18n.language),
          time: formatDateTime(freshness.fetchedAt, zone),
        })
      : undefined;
    return (
      <div className="banner banner-warn" role="status" data-testid="stale-banner">
        <p>{age ? t('fleet.staleBanner', { age }) : t('fleet.staleNever')}</p>
        {error && <ErrorBox error={error} onRetry={() => void refresh()} />}
      </div>
    );
  }
  if (freshness?.source === 'cache' && loading && freshness.fetchedAt) {
    return (
      <div className="banner banner-info" role="status">
        {t('fleet.cachedBanner', {
          age: t('timeZone.ageAt', {
            age: formatAge(freshness.fetchedAt, i18n.language),
            time: formatDateTime(freshness.fetchedAt, zone),
          }),
        })}
      </div>
    );
  }
  return null;
});

/**
 * How many listed instances are incomplete (the cloud left a field out or sent it malformed): they are
 * shown, marked, and never acted on.
 */
export const IncompleteRowsNote = memo(function IncompleteRowsNote() {
  const { t, i18n } = useTranslation();
  const count = useApp(selectIncompleteCount);
  if (count === 0) return null;
  return (
    <p className="field-error" role="status" data-testid="fleet-incomplete">
      {t('fleet.incompleteRows', { count, formatted: formatNumber(count, i18n.language) })}
    </p>
  );
});

export const RegionProgressBar = memo(function RegionProgressBar() {
  const { t, i18n } = useTranslation();
  const regions = useApp(useShallow((s) => s.fleetRegions));
  const loading = useApp((s) => s.fleetLoading);
  const profileRegions = useApp(
    (s) => s.profiles.find((p) => p.id === s.activeProfileId)?.regions.length ?? 0,
  );
  const failed = regions.filter((r) => r.state === 'failed');
  if (!loading && failed.length === 0) return null;
  const total = Math.max(profileRegions, regions.length);
  const done = regions.filter((r) => r.state !== 'loading').length;
  const loaded = formatNumber(
    regions.reduce((n, r) => n + r.loaded, 0),
    i18n.language,
  );
  // Regions failing for the same reason (typically the network) are said once, not once per region.
  const byMessage = new Map<string, string[]>();
  for (const r of failed) {
    const message =
      r.errorCode && isAppErrorCode(r.errorCode)
        ? errorText({ code: r.errorCode, message: r.errorMessage ?? '' }, i18n.language).message
        : (r.errorMessage ?? r.errorCode ?? '');
    byMessage.set(message, [...(byMessage.get(message) ?? []), r.region]);
  }
  return (
    <div className="region-progress">
      {loading && (
        <>
          <progress
            max={total || 1}
            value={done}
            aria-label={t('fleet.loadingRegions', { done, total, loaded })}
          />
          <span role="status">{t('fleet.loadingRegions', { done, total, loaded })}</span>
        </>
      )}
      {[...byMessage].map(([message, names]) => (
        <p key={message} className="field-error">
          {t('fleet.regionFailed', { region: names.join(', '), message })}
        </p>
      ))}
      {failed.map(
        (r) => r.requestId && <RequestIdLine key={r.region} requestId={r.requestId} region={r.region} />,
      )}
    </div>
  );
});
