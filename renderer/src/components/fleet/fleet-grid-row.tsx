/**
 * One row of the fleet grid, memoised on its props: when a search only narrows what is shown (typing
 * `orders-0` after `orders-`), the rows already on screen keep their instance and position and are not
 * rendered again; only the rows whose instance, position or active state changed are.
 */
import { memo } from 'react';
import type { InstanceStatus } from '../../../../shared/domain';
import { formatMb } from '../../lib/format';
import type { FleetRow } from '../../store/fleet-rows';
import { instanceTone, StatusChip } from '../common/status-chip';

export interface RowLabels {
  none: string;
  status: Record<InstanceStatus, string>;
}

export const FleetGridRow = memo(function FleetGridRow(props: {
  row: FleetRow;
  index: number;
  top: number;
  active: boolean;
  labels: RowLabels;
  lang: string;
  onPick: (index: number, row: FleetRow) => void;
}) {
  const { row, index, top, active, labels, lang, onPick } = props;
  const i = row.instance;
  return (
    <tr
      id={`fleet-row-${i.id}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`fleet-row${active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onPick(index, row)}
    >
      <td className="cell-name" title={i.name}>
        {i.name || <span className="muted">{labels.none}</span>}
      </td>
      <td className="mono">{i.id}</td>
      <td>{i.region}</td>
      <td>{i.zoneId ?? labels.none}</td>
      <td>{i.engine}</td>
      <td className="num">{formatMb(i.sizeMb, lang)}</td>
      <td>
        <StatusChip tone={instanceTone(i.status)}>{labels.status[i.status]}</StatusChip>
      </td>
      <td className="cell-tags" title={row.tagText}>
        {row.tagText}
      </td>
      <td>{i.projectName ?? i.projectId}</td>
      <td>{row.environment || labels.none}</td>
    </tr>
  );
});
