/**
 * The pool that draws the fleet grid's rows outside React: the DOM holds exactly the window's rows in
 * index order, with the same cells, ARIA and status chip the grid had as components; rows are reused
 * (scrolling by one row rebinds one element), unchanged cells are not written, and a click names its row.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instance, manyInstances } from '../../../../tests/unit/renderer/fixtures/sample';
import { FleetRowPool, type PoolView, type RowLabels } from '../grid/fleet-row-pool';
import type { RowsView } from '../index/fleet-index';
import { type FleetRow, toRow } from '../rows/fleet-rows';

const labels: RowLabels = {
  none: '—',
  status: {
    running: 'Running',
    processing: 'Processing',
    isolated: 'Isolated',
    'to-be-deleted': 'To be deleted',
    initializing: 'Initializing',
    unknown: 'Unknown',
  },
  incomplete: 'incomplete',
  missingId: '(no id)',
  defaultProject: 'Default project',
};

const asView = (rows: FleetRow[]): RowsView => ({ length: rows.length, at: (i) => rows[i] });

function setup() {
  const body = document.createElement('tbody');
  document.body.append(body);
  const picked = vi.fn();
  const pool = new FleetRowPool(body, picked);
  const show = (rows: FleetRow[], first: number, last: number, patch: Partial<PoolView> = {}) =>
    pool.render({ rows: asView(rows), first, last, active: 0, labels, lang: 'en', rowHeight: 34, ...patch });
  const ids = () => [...body.children].map((tr) => tr.id.replace('fleet-row-', ''));
  return { body, pool, picked, show, ids };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('fleet row pool', () => {
  it('marks a row the cloud listed incompletely, naming what is missing, and unmarks it when reused', () => {
    const { body, show } = setup();
    const partial = toRow(
      instance({ id: '?ap-guangzhou#0', status: 'unknown', incomplete: ['InstanceId', 'Status'] }),
    );
    const sound = toRow(instance({ id: 'crs-sound001' }));
    show([partial, sound], 0, 1);
    const [first, second] = [...body.children] as HTMLTableRowElement[];
    expect(first?.classList.contains('is-incomplete')).toBe(true);
    expect(first?.cells[1]?.textContent).toBe('(no id)');
    expect(first?.cells[6]?.textContent).toContain('Unknown · incomplete: InstanceId, Status');
    expect(second?.classList.contains('is-incomplete')).toBe(false);
    show([sound, partial], 0, 1);
    expect((body.children[0] as HTMLTableRowElement).classList.contains('is-incomplete')).toBe(false);
    expect((body.children[1] as HTMLTableRowElement).classList.contains('is-incomplete')).toBe(true);
  });

  it('shows the window of rows, in index order, with their cells, position and ARIA', () => {
    const { body, show, ids } = setup();
    const rows = manyInstances(1000).map(toRow);
    show(rows, 10, 29, { active: 12 });
    expect(ids()).toEqual(rows.slice(10, 30).map((r) => r.instance.id));
    const tr = body.children[2] as HTMLTableRowElement;
    expect(tr.getAttribute('aria-rowindex')).toBe('14');
    expect(tr.getAttribute('aria-selected')).toBe('true');
    expect(tr.classList.contains('is-active')).toBe(true);
    expect(tr.style.top).toBe(`${12 * 34}px`);
    expect([...tr.cells].map((td) => td.textContent)).toEqual([
      'svc-12-12',
      'crs-00000012',
      'ap-guangzhou',
      'ap-guangzhou-3',
      'Redis 6.2',
      '3.3 GB',
      '✓Running',
      'team:core',
      'Default project',
      '—',
    ]);
    expect(tr.cells[0]?.title).toBe('svc-12-12');
    expect(tr.cells[6]?.querySelector('.chip-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(body.children[0]?.getAttribute('aria-selected')).toBe('false');
  });

  it('reuses its elements: scrolling by one row moves one, a new search rewrites text in place', () => {
    const { body, show, ids } = setup();
    const rows = manyInstances(1000).map(toRow);
    show(rows, 0, 19);
    const before = [...body.children];
    show(rows, 1, 20);
    const after = [...body.children];
    expect(ids()).toEqual(rows.slice(1, 21).map((r) => r.instance.id));
    expect(after.slice(0, 19)).toEqual(before.slice(1));
    // Another query: same slots, same elements, new text.
    const other = rows.slice(500).reverse();
    show(other, 1, 20);
    expect([...body.children]).toEqual(after);
    expect(ids()).toEqual(other.slice(1, 21).map((r) => r.instance.id));
    // Scrolling up puts the new first row first in the DOM.
    show(other, 0, 19);
    expect(ids()).toEqual(other.slice(0, 20).map((r) => r.instance.id));
  });

  it('writes only the cells whose text changed', () => {
    const { body, show } = setup();
    const a = toRow(instance({ id: 'crs-a', name: 'alpha', status: 'running' }));
    const b = toRow(instance({ id: 'crs-b', name: 'beta', status: 'isolated', zoneId: undefined }));
    show([a], 0, 0);
    const tr = body.children[0] as HTMLTableRowElement;
    const region = tr.cells[2]?.firstChild as Text;
    const name = tr.cells[0]?.firstChild as Text;
    const regionWrites = vi.spyOn(region, 'data', 'set');
    const nameWrites = vi.spyOn(name, 'data', 'set');
    show([b], 0, 0);
    expect(regionWrites).not.toHaveBeenCalled();
    expect(nameWrites).toHaveBeenCalledWith('beta');
    expect(tr.id).toBe('fleet-row-crs-b');
    expect(tr.cells[0]?.textContent).toBe('beta');
    expect(tr.cells[3]?.textContent).toBe('—');
    expect(tr.cells[6]?.textContent).toBe('✕Isolated');
    expect(tr.cells[6]?.firstElementChild?.className).toBe('chip chip-bad');
  });

  it('shows an unnamed instance as muted “none”, and a short list with fewer rows', () => {
    const { body, show, ids } = setup();
    const rows = manyInstances(30).map(toRow);
    show(rows, 0, 25);
    show([toRow(instance({ id: 'crs-x', name: '' }))], 0, 25);
    expect(ids()).toEqual(['crs-x']);
    const name = (body.children[0] as HTMLTableRowElement).cells[0];
    expect(name?.textContent).toBe('—');
    expect(name?.classList.contains('muted')).toBe(true);
    show([], 0, 25);
    expect(body.children).toHaveLength(0);
  });

  it('names the clicked row, and lets go of the DOM when disposed', () => {
    const { body, pool, picked, show } = setup();
    const rows = manyInstances(100).map(toRow);
    show(rows, 40, 59);
    ((body.children[3] as HTMLTableRowElement).cells[1] as HTMLElement).click();
    expect(picked).toHaveBeenCalledWith(43, rows[43]);
    pool.dispose();
    expect(body.children).toHaveLength(0);
    body.click();
    expect(picked).toHaveBeenCalledTimes(1);
  });

  it('grows with a taller window and keeps every row bound', () => {
    const { show, ids } = setup();
    const rows = manyInstances(1000).map(toRow);
    show(rows, 0, 19);
    show(rows, 0, 99);
    expect(ids()).toEqual(rows.slice(0, 100).map((r) => r.instance.id));
    show(rows, 900, 919);
    expect(ids()).toEqual(rows.slice(900, 920).map((r) => r.instance.id));
  });
});
