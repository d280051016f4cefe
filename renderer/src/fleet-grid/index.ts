/**
 * The fleet grid module: everything that makes 100,000 instances searchable, sortable and scrollable at the
 * speed of typing. The rest of the renderer uses it through these names only (README.md in this folder says
 * how it works and how its figures are reproduced). This entry is the engine, plain TypeScript that the
 * store's slices use; `fleet-grid/components` is the view (the grid and the search box).
 *
 *   const index = new FleetIndex(rows);             // rows made once per fleet with toRow()
 *   const view = index.view(sortKey, dir, query);   // → RowsView: length + at(position), no array copy
 *   index.prepare();                                // sorts and columns for the next keys, in the background
 *   <FleetGrid rows={view} … />                     // the virtualized grid
 */
export { type BackgroundRunner, FleetIndex, type RowsView, viewRows } from './index/fleet-index';
export {
  emptyQuery,
  type FleetQuery,
  type FleetRow,
  type SortKey,
  sortKeys,
  sortValue,
  toRow,
} from './rows/fleet-rows';
export { sameInstances } from './rows/same-instances';
