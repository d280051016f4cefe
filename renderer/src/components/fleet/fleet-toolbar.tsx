/** Search and filters. The search box takes `/` from anywhere on the fleet screen. */
import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { emptyQuery, type FleetQuery } from '../../store/fleet-rows';
import { selectFacets } from '../../store/selectors';

export function FleetToolbar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const query = useApp((s) => s.fleetQuery);
  const setQuery = useApp((s) => s.setFleetQuery);
  const facets = useApp(useShallow(selectFacets));
  const filtered = JSON.stringify(query) !== JSON.stringify(emptyQuery);

  const filter = (
    key: Exclude<keyof FleetQuery, 'text'>,
    label: string,
    options: string[],
    text?: (o: string) => string,
  ) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={query[key]} onChange={(e) => setQuery({ [key]: e.target.value })}>
        <option value="">{t('fleet.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text ? text(o) : o}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <search className="toolbar">
      <div className="filter filter-search">
        <label htmlFor={`${id}-search`}>{t('fleet.searchLabel')}</label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          value={query.text}
          placeholder={t('fleet.searchPlaceholder')}
          onChange={(e) => setQuery({ text: e.target.value })}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      {filter('region', t('fleet.region'), facets.regions)}
      {filter('status', t('fleet.status'), facets.statuses, (s) => t(`status.${s}`))}
      {filter('engine', t('fleet.engine'), facets.engines)}
      {filter('tag', t('fleet.tag'), facets.tags)}
      {filtered && (
        <button type="button" className="btn btn-ghost" onClick={() => setQuery(emptyQuery)}>
          {t('fleet.clearFilters')}
        </button>
      )}
    </search>
  );
}
