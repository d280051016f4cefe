/**
 * The fleet page's grid: the fleet-grid module's component, given the store's sort, the language's labels
 * and the instance page to open.
 */
import { useMemo } from 'react';
import { InstanceStatusSchema } from '../../../../shared/domain';
import { type FleetRow, type RowsView, type SortKey, sortKeys } from '../../fleet-grid';
import { FleetGrid, type GridText, type RowLabels } from '../../fleet-grid/components';
import { useFixedT } from '../../i18n/use-fixed-t';
import { navigate } from '../../lib/route';
import { useApp } from '../../store';

const openRow = (row: FleetRow) =>
  navigate({ name: 'instance', region: row.instance.region, id: row.instance.id });

export function FleetTable({ rows }: { rows: RowsView }) {
  const { t, lang } = useFixedT();
  const sort = useApp((s) => s.fleetSort);
  const setSort = useApp((s) => s.setFleetSort);
  // Looked up once per language, not once per cell or per render: an i18next lookup copies its options on
  // every call, and a keystroke re-renders this table (docs/BENCHMARKS.md, "Design measurements").
  const labels = useMemo<RowLabels>(
    () => ({
      none: t('common.none'),
      incomplete: t('fleet.incompleteMark'),
      missingId: t('fleet.missingId'),
      defaultProject: t('project.default'),
      status: Object.fromEntries(
        InstanceStatusSchema.options.map((s) => [s, t(`status.${s}`)]),
      ) as RowLabels['status'],
    }),
    [t],
  );
  const text = useMemo<GridText>(
    () => ({
      grid: t('fleet.tableLabel'),
      columns: Object.fromEntries(sortKeys.map((key) => [key, t(`col.${key}`)])) as Record<SortKey, string>,
    }),
    [t],
  );
  return (
    <FleetGrid
      rows={rows}
      sort={sort}
      onSort={setSort}
      onOpen={openRow}
      labels={labels}
      text={text}
      lang={lang}
    />
  );
}
