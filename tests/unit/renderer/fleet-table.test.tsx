/** The virtualized grid keeps the DOM small at 100,000 rows and moves the active row with the keyboard. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetTable } from '../../../renderer/src/components/fleet/fleet-table';
import { createAppStore } from '../../../renderer/src/store';
import { toRow } from '../../../renderer/src/store/fleet-rows';
import { renderWithStore, withViewportSize } from './fixtures/render';
import { fakeCore, manyInstances } from './fixtures/sample';

withViewportSize();
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

  it('shows status as text and icon, never colour alone', () => {
    renderWithStore(createAppStore(fakeCore().api), <FleetTable rows={manyInstances(3).map(toRow)} />);
    const chips = document.querySelectorAll('.chip');
    expect([...chips].map((c) => c.textContent)).toEqual(['✓Running', '◐Processing', '✕Isolated']);
  });
});
