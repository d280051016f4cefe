/** The fleet grid module's view: the virtualized grid and the search box (the engine is `fleet-grid`). */
export { FleetGrid, type FleetGridProps, type FleetSort, type GridText } from './grid/fleet-grid';
export type { RowLabels } from './grid/fleet-row-pool';
export { FleetSearchBox, type SearchSource } from './grid/search-box';
