/**
 * The virtualized fleet grid (the module's one component; the app gives it rows, sort, labels and what to
 * do on open): only the visible rows exist in the DOM, so 100,000 instances scroll like
 * 100. The grid is one tab stop; arrows / PageUp / PageDown / Home / End move the active row
 * (aria-activedescendant), Enter opens it. Column headers are buttons that sort.
 */
import { type KeyboardEvent, memo, useLayoutEffect, useRef, useState } from 'react';
import type { RowsView } from '../index/fleet-index';
import { type FleetRow, type SortKey, sortKeys } from '../rows/fleet-rows';
import { FleetRowPool, type RowLabels } from './fleet-row-pool';
import { useRowWindow } from './use-row-window';

const rowHeight = 34;
/**
 * Rows drawn beyond each edge of the viewport once the grid scrolls: two cover a frame of smooth wheel
 * scrolling (scrolled rows are drawn in the frame that scrolls them, use-row-window.ts). A new search,
 * filter or sort draws the visible rows only, until the grid next moves: every row drawn is layout and
 * paint on the path of a keystroke, and rows off screen are of no use until a scroll.
 */
const OVERSCAN = 2;

export interface GridText {
  /** The grid's accessible name. */
  grid: string;
  columns: Record<SortKey, string>;
}

export interface FleetSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface FleetGridProps {
  rows: RowsView;
  sort: FleetSort;
  onSort: (key: SortKey) => void;
  /** Enter or a click on a row. */
  onOpen: (row: FleetRow) => void;
  /** Both label objects must keep their identity while the language does: a new one redraws every row. */
  labels: RowLabels;
  text: GridText;
  lang: string;
}

export function FleetGrid({ rows, sort, onSort, onOpen, labels, text, lang }: FleetGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const openRow = (row: FleetRow | undefined) => {
    if (row) onOpen(row);
  };
  const [active, setActive] = useState(0);
  const [shownRows, setShownRows] = useState(rows);
  const rowWindow = useRowWindow(scrollRef, rows.length, rowHeight, rowHeight);
  const [rowsTop, setRowsTop] = useState(rowWindow.top);
  // A new filter or sort starts again from the top row (adjusting state during render, not in an effect).
  if (shownRows !== rows) {
    setShownRows(rows);
    setActive(0);
    setRowsTop(rowWindow.top);
  }
  // Until the grid moves after new rows, no overscan (see OVERSCAN).
  const overscan = rowWindow.top === rowsTop ? 0 : OVERSCAN;

  // The rows themselves are drawn by a pool outside React (fleet-row-pool.ts); React owns the <tbody>
  // element and everything around it. The pool is made before its first render (effects run in order).
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const poolRef = useRef<FleetRowPool | null>(null);
  const pickRef = useRef((_index: number, _row: FleetRow) => {});
  pickRef.current = (index, row) => {
    setActive(index);
    openRow(row);
  };
  useLayoutEffect(() => {
    if (!bodyRef.current) return;
    const pool = new FleetRowPool(bodyRef.current, (index, row) => pickRef.current(index, row));
    poolRef.current = pool;
    return () => {
      pool.dispose();
      poolRef.current = null;
    };
  }, []);
  const first = Math.max(0, rowWindow.firstVisible - overscan);
  const last = Math.min(rows.length - 1, rowWindow.lastVisible + overscan);
  useLayoutEffect(() => {
    poolRef.current?.render({ rows, first, last, active, labels, lang, rowHeight });
  }, [rows, first, last, active, labels, lang]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    rowWindow.scrollToIndex(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 2);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + page);
        break;
      case 'PageUp':
        move(active - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter':
        openRow(rows.at(active));
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const activeRow = rows.at(active);
  const activeId = activeRow ? `fleet-row-${activeRow.instance.id}` : undefined;
  return (
    <div ref={scrollRef} className="fleet-scroll">
      <table
        className="fleet-grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid is a table with the grid role (ARIA APG); the keyboard lives on it.
        role="grid"
        aria-label={text.grid}
        aria-rowcount={rows.length + 1}
        aria-colcount={sortKeys.length}
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="fleet-grid"
      >
        <thead className="fleet-head">
          <tr aria-rowindex={1} className="fleet-row fleet-row-head">
            {sortKeys.map((key) => (
              <HeaderCell
                key={key}
                column={key}
                label={text.columns[key]}
                dir={sort.key === key ? sort.dir : undefined}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} className="fleet-body" style={{ height: rowWindow.totalHeight }} />
      </table>
    </div>
  );
}

/** Memoised on primitives: a keystroke re-renders none of the ten headers, and a sort click two. */
const HeaderCell = memo(function HeaderCell({
  column,
  label,
  dir,
  onSort,
}: {
  column: SortKey;
  label: string;
  /** The direction when the grid is sorted by this column. */
  dir: 'asc' | 'desc' | undefined;
  onSort: (key: SortKey) => void;
}) {
  return (
    <th
      scope="col"
      aria-sort={dir === undefined ? 'none' : dir === 'asc' ? 'ascending' : 'descending'}
      className="fleet-th"
    >
      <button type="button" className="th-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {dir === undefined ? '' : dir === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
});
