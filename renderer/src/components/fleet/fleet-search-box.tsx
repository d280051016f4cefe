/**
 * The fleet's search box: an `<input>` this component makes itself instead of rendering it.
 *
 * React treats every input it renders as one it may have to restore: after each `input` event whose value
 * changed, it re-applies the box's `name` and `type` attributes (its controlled-state restore), with or
 * without an `onChange`. Three attribute writes a key, and the stylesheet's `[type]` selectors then made the
 * browser restyle the box. Made here, the box is the browser's alone: a native listener feeds the store,
 * and a store subscription shows text set elsewhere (Clear filters).
 */
import { memo, type RefObject, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../../store';

export const FleetSearchBox = memo(function FleetSearchBox({
  id,
  label,
  placeholder,
  searchRef,
}: {
  id: string;
  label: string;
  placeholder: string;
  /** Set to the box while it exists (the fleet page focuses it on `/`). */
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const store = useAppStore();
  const hostRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const box = document.createElement('input');
    box.type = 'search';
    box.id = id;
    box.spellcheck = false;
    box.autocomplete = 'off';
    box.value = store.getState().fleetQuery.text;
    const onInput = () => {
      if (box.value !== store.getState().fleetQuery.text) store.getState().setFleetQuery({ text: box.value });
    };
    box.addEventListener('input', onInput);
    box.addEventListener('change', onInput);
    const unsubscribe = store.subscribe((s, before) => {
      const text = s.fleetQuery.text;
      if (text !== before.fleetQuery.text && box.value !== text) box.value = text;
    });
    host.append(box);
    searchRef.current = box;
    return () => {
      unsubscribe();
      box.remove();
      if (searchRef.current === box) searchRef.current = null;
    };
  }, [id, searchRef, store]);
  useLayoutEffect(() => {
    if (searchRef.current) searchRef.current.placeholder = placeholder;
  }, [placeholder, searchRef]);
  return (
    <div className="filter filter-search">
      <label htmlFor={id}>{label}</label>
      <span ref={hostRef} className="search-host" />
    </div>
  );
});
