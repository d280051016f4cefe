/**
 * The inspector's table pieces: a header row of column titles (figures right-aligned, so digits line up) and
 * a row header showing a key or file name as the visible-text rules allow (shownKey).
 */
import { shownKey } from '../../../../shared/visible-text';

export interface Column {
  /** The column's title; unique within its table. */
  label: string;
  /** A column of figures, aligned right. */
  num?: boolean;
  /** Titled for screen readers only (a column of buttons). */
  hidden?: boolean;
}

export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's header cell naming a key, a prefix or a file, in monospace and safe to show. */
export function KeyCell({ name }: { name: string }) {
  return (
    <th scope="row" className="mono key-cell">
      {shownKey(name)}
    </th>
  );
}
