/** Search and filters. The search box takes `/` from anywhere on the fleet screen. */
import { memo, type RefObject, useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { emptyQuery, type FleetQuery } from '../../store/fleet-rows';
import { selectFacets } from '../../store/selectors';

type FacetKey = Exclude<keyof FleetQuery, 'text'>;

export function FleetToolbar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const query = useApp((s) => s.fleetQuery);
  const setQuery = useApp((s) => s.setFleetQuery);
  const facets = useApp(useShallow(selectFacets));
  const filtered = JSON.stringify(query) !== JSON.stringify(emptyQuery);
  // The store's text changed from elsewhere (Clear filters): show it.
  useEffect(() => {
    const box = searchRef.current;
    if (box && box.value !== query.text) box.value = query.text;
  }, [searchRef, query.text]);
  const statusText = useCallback((s: string) => t(`status.${s}`), [t]);
  const select = (name: FacetKey, label: string, options: string[], text?: (o: string) => string) => (
    <FacetSelect
      id={`${id}-${name}`}
      name={name}
      label={label}
      value={query[name]}
      options={options}
      text={text}
      allText={t('fleet.all')}
      onChange={setQuery}
    />
  );

  return (
    <search className="toolbar">
      <div className="filter filter-search">
        <label htmlFor={`${id}-search`}>{t('fleet.searchLabel')}</label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          // Uncontrolled: the browser already shows what is typed; React writing the value back on every
          // keystroke cost time in the keystroke's event at 100,000 rows.
          defaultValue={query.text}
          placeholder={t('fleet.searchPlaceholder')}
          onChange={(e) => setQuery({ text: e.target.value })}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      {select('region', t('fleet.region'), facets.regions)}
      {select('status', t('fleet.status'), facets.statuses, statusText)}
      {select('engine', t('fleet.engine'), facets.engines)}
      {select('tag', t('fleet.tag'), facets.tags)}
      {filtered && (
        <button type="button" className="btn btn-ghost" onClick={() => setQuery(emptyQuery)}>
          {t('fleet.clearFilters')}
        </button>
      )}
    </search>
  );
}

/**
 * One filter. Memoised on its own props: a fleet can have hundreds of tag values, and a keystroke in the
 * search box must not re-render every option of every filter.
 */
const FacetSelect = memo(function FacetSelect(props: {
  id: string;
  name: FacetKey;
  label: string;
  value: string;
  options: string[];
  text?: ((option: string) => string) | undefined;
  allText: string;
  onChange: (patch: Partial<FleetQuery>) => void;
}) {
  const { id, name, label, value, options, text, allText, onChange } = props;
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange({ [name]: e.target.value })}>
        <option value="">{allText}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text ? text(o) : o}
          </option>
        ))}
      </select>
    </div>
  );
});
