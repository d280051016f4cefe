/** The virtualized grid keeps the DOM small at 100,000 rows and moves the active row with the keyboard. */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetTable } from '../../../renderer/src/components/fleet/fleet-table';
import { type FleetRow, toRow } from '../../../renderer/src/fleet-grid';
import { createAppStore } from '../../../renderer/src/store';
import { renderWithStore, withViewportSize } from './fixtures/render';
import { fakeCore, manyInstances } from './fixtures/sample';

withViewportSize();

/** Keeps the grid's rows in state, so that a test can swap them as a new search does. */
const holder: { set?: (rows: FleetRow[]) => void } = {};
function RowsHolder({ initial }: { initial: FleetRow[] }) {
  const [rows, set] = useState(initial);
  holder.set = set;
  return <FleetTable rows={rows} />;
}
afterEach(cleanup);

describe('fleet table', () => {
  it('renders only the visible rows of 100,000, with row counts for assistive technology', () => {
    const rows = manyInstances(100_000).map(toRow);
    renderWithStore(createAppStore(fakeCore().api), <FleetTable rows={rows} />);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('100001');
    const rendered = within(grid).getAllByRole('row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('fleet-row-crs-00099999');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('fleet-row-crs-00000000');
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(grid.getAttribute('aria-activedescendant')).not.toBe('fleet-row-crs-00000000');
  });

  it('draws only the visible rows for new rows, and two more at each edge once the grid scrolls', async () => {
    const all = manyInstances(1000).map(toRow);
    renderWithStore(createAppStore(fakeCore().api), <RowsHolder initial={all} />);
    const shown = () =>
      [...document.querySelectorAll('.fleet-body tr')].map(
        (tr) => Number(tr.getAttribute('aria-rowindex')) - 2,
      );
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    // 600 px, less the 34 px header: rows 0 to 16 are on screen, the last in part.
    expect(shown()).toEqual(range(0, 16));
    const scroller = document.querySelector('.fleet-scroll') as HTMLElement;
    scroller.scrollTop = 340;
    fireEvent.scroll(scroller);
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(shown()).toEqual(range(8, 28));
    // A new search: the rows on screen only, until the next scroll.
    act(() => holder.set?.(all.slice(1)));
    expect(shown()).toEqual(range(10, 26));
    expect(document.querySelector('.fleet-body tr')?.id).toBe(`fleet-row-${all[11]?.instance.id}`);
    scroller.scrollTop = 374;
    fireEvent.scroll(scroller);
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(shown()).toEqual(range(9, 29));
  });

  it('shows status as text and icon, never colour alone', () => {
    renderWithStore(createAppStore(fakeCore().api), <FleetTable rows={manyInstances(3).map(toRow)} />);
    const chips = document.querySelectorAll('.chip');
    expect([...chips].map((c) => c.textContent)).toEqual(['✓Running', '◐Processing', '✕Isolated']);
  });
});
