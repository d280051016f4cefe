/** Search and filters. The search box takes `/` from anywhere on the fleet screen. */
import { memo, type RefObject, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { emptyQuery, type FleetQuery } from '../../fleet-grid';
import { FleetSearchBox, type SearchSource } from '../../fleet-grid/components';
import { useApp, useAppStore } from '../../store';
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
  const store = useAppStore();
  const searchSource = useMemo<SearchSource>(
    () => ({
      get: () => store.getState().fleetQuery.text,
      set: (value) => store.getState().setFleetQuery({ text: value }),
      subscribe: (onText) =>
        store.subscribe((s, before) => {
          if (s.fleetQuery.text !== before.fleetQuery.text) onText(s.fleetQuery.text);
        }),
    }),
    [store],
  );
  const facets = useApp(useShallow(selectFacets));
  const filtered = hasText || Object.values(facetValues).some((v) => v !== '');
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
      <FleetSearchBox
        id={`${id}-search`}
        label={text.search}
        placeholder={text.placeholder}
        searchRef={searchRef}
        source={searchSource}
      />
      {select('region', text.region, facets.regions)}
      {select('status', text.status, facets.statuses, statusText)}
      {select('engine', text.engine, facets.engines)}
      {select('tag', text.tag, facets.tags)}
      {/* Always there, hidden while nothing is filtered: its coming and going no longer re-lays out the
          toolbar on the first key of a search. `visibility: hidden` also takes it out of the tab order and
          of assistive technology. */}
      <button
        type="button"
        className="btn btn-ghost"
        style={filtered ? undefined : hiddenStyle}
        onClick={() => setQuery(emptyQuery)}
      >
        {text.clear}
      </button>
    </search>
  );
});

const hiddenStyle = { visibility: 'hidden' } as const;

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
