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

/** Where the box's text lives: the app's store, seen through three functions of stable identity. */
export interface SearchSource {
  get(): string;
  set(text: string): void;
  /** Calls back with the text whenever it changes elsewhere (Clear filters); returns the unsubscribe. */
  subscribe(onText: (text: string) => void): () => void;
}

export const FleetSearchBox = memo(function FleetSearchBox({
  id,
  label,
  placeholder,
  searchRef,
  source,
}: {
  id: string;
  label: string;
  placeholder: string;
  /** Set to the box while it exists (the fleet page focuses it on `/`). */
  searchRef: RefObject<HTMLInputElement | null>;
  /** Must keep its identity: a new source makes a new box. */
  source: SearchSource;
}) {
  const hostRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const box = document.createElement('input');
    box.type = 'search';
    box.id = id;
    box.spellcheck = false;
    box.autocomplete = 'off';
    box.value = source.get();
    const onInput = () => {
      if (box.value !== source.get()) source.set(box.value);
    };
    box.addEventListener('input', onInput);
    box.addEventListener('change', onInput);
    const unsubscribe = source.subscribe((text) => {
      if (box.value !== text) box.value = text;
    });
    host.append(box);
    searchRef.current = box;
    return () => {
      unsubscribe();
      box.remove();
      if (searchRef.current === box) searchRef.current = null;
    };
  }, [id, searchRef, source]);
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
