/**
 * The inspector's shared table and chart pieces: column titles with figures right-aligned, a screen-reader-only
 * title for a column of buttons, key names shown by the visible-text rules, and a chart that is one named image.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartFrame } from '../../../renderer/src/components/inspect/bar-chart';
import { KeyCell, TableHead } from '../../../renderer/src/components/inspect/report-table';
import { shownKey } from '../../../shared/visible-text';

afterEach(cleanup);

describe('report table pieces', () => {
  it('titles each column, aligns figure columns right and hides a button column’s title visually', () => {
    render(
      <table>
        <TableHead
          columns={[{ label: 'Key' }, { label: 'Bytes', num: true }, { label: 'Show value', hidden: true }]}
        />
      </table>,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Key', 'Bytes', 'Show value']);
    expect(heads.map((h) => h.className)).toEqual(['', 'num', '']);
    expect(within(heads[2] as HTMLElement).getByText('Show value').className).toBe('sr-only');
    expect(heads[0]?.querySelector('.sr-only')).toBeNull();
  });

  it('names a row by its key as the visible-text rules show it', () => {
    const key = 'user:\u0007bell';
    render(
      <table>
        <tbody>
          <tr>
            <KeyCell name={key} />
          </tr>
        </tbody>
      </table>,
    );
    const cell = screen.getByRole('rowheader');
    expect(cell.textContent).toBe(shownKey(key));
    expect(cell.className).toBe('mono key-cell');
  });

  it('draws a chart as one image named by its figures, at its own size', () => {
    render(
      <ChartFrame kind="chart-bars" label="Types: string 3" width={300} height={48} testId="chart">
        <rect width={1} height={1} />
      </ChartFrame>,
    );
    const chart = screen.getByRole('img', { name: 'Types: string 3' });
    expect(chart.getAttribute('class')).toBe('chart chart-bars');
    expect(chart.getAttribute('viewBox')).toBe('0 0 300 48');
    expect(chart.getAttribute('width')).toBe('300');
    expect(chart.dataset.testid).toBe('chart');
  });
});
