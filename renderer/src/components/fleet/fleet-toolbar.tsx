/** Search and filters. The search box takes `/` from anywhere on the fleet screen. */
import { memo, type RefObject, useCallback, useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppStore } from '../../store';
import { emptyQuery, type FleetQuery } from '../../store/fleet-rows';
import { selectFacets } from '../../store/selectors';

type FacetKey = Exclude<keyof FleetQuery, 'text'>;

/**
 * Memoised, and it does not read the search text: a keystroke re-renders it only when the text becomes
 * empty or not (the Clear filters button), never for the text itself, which the browser already shows.
 */
export const FleetToolbar = memo(function FleetToolbar({
  searchRef,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const store = useAppStore();
  const facetValues = useApp(
    useShallow((s) => ({
      region: s.fleetQuery.region,
      status: s.fleetQuery.status,
      engine: s.fleetQuery.engine,
      tag: s.fleetQuery.tag,
    })),
  );
  const hasText = useApp((s) => s.fleetQuery.text !== '');
  const setQuery = useApp((s) => s.setFleetQuery);
  const facets = useApp(useShallow(selectFacets));
  const filtered = hasText || Object.values(facetValues).some((v) => v !== '');
  // The store's text changed from elsewhere (Clear filters): show it. A subscription, not a render.
  useEffect(() => {
    const show = (text: string) => {
      const box = searchRef.current;
      if (box && box.value !== text) box.value = text;
    };
    show(store.getState().fleetQuery.text);
    return store.subscribe((s, before) => {
      if (s.fleetQuery.text !== before.fleetQuery.text) show(s.fleetQuery.text);
    });
  }, [searchRef, store]);
  const lang = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `t` changes identity with the language.
  const text = useMemo(
    () => ({
      all: t('fleet.all'),
      search: t('fleet.searchLabel'),
      placeholder: t('fleet.searchPlaceholder'),
      region: t('fleet.region'),
      status: t('fleet.status'),
      engine: t('fleet.engine'),
      tag: t('fleet.tag'),
      clear: t('fleet.clearFilters'),
    }),
    [t, lang],
  );
  const statusText = useCallback((s: string) => t(`status.${s}`), [t]);
  const select = (name: FacetKey, label: string, options: string[], optionText?: (o: string) => string) => (
    <FacetSelect
      id={`${id}-${name}`}
      name={name}
      label={label}
      value={facetValues[name]}
      options={options}
      text={optionText}
      allText={text.all}
      onChange={setQuery}
    />
  );

  return (
    <search className="toolbar">
      <div className="filter filter-search">
        <label htmlFor={`${id}-search`}>{text.search}</label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          // Uncontrolled: the browser already shows what is typed; React writing the value back on every
          // keystroke cost time in the keystroke's event at 100,000 rows.
          defaultValue={store.getState().fleetQuery.text}
          placeholder={text.placeholder}
          onChange={(e) => setQuery({ text: e.target.value })}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      {select('region', text.region, facets.regions)}
      {select('status', text.status, facets.statuses, statusText)}
      {select('engine', text.engine, facets.engines)}
      {select('tag', text.tag, facets.tags)}
      {filtered && (
        <button type="button" className="btn btn-ghost" onClick={() => setQuery(emptyQuery)}>
          {text.clear}
        </button>
      )}
    </search>
  );
});

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
