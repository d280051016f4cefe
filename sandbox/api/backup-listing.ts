// API 3.0 DescribeInstanceBackups over the state's backup records (reference §3.2, SDK 4.1.313
// DescribeInstanceBackupsRequest / RedisBackupSet).
import { parseTencentTime } from '../clock.js';
import type { InstanceRecord } from '../state/types.js';
import type { ActionAnswer, ActionContext, ActionResult, Refusal } from './action-types.js';
import { int, ints, type ParamsOf, type SchemaOf, str } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import type { RequestOf } from './sdk-models.js';
import { formatBackup } from './v3-format.js';

type Request = RequestOf<'DescribeInstanceBackups'>;

const bad = (message: string): Refusal => ({
  ok: false,
  code: 'InvalidParameter.InvalidParameter',
  message,
});

/**
 * "查询时间最大跨度30天" on BeginTime/EndTime (SDK DescribeInstanceBackupsRequest). Backups older than that
 * (manual backups may be kept up to 1825 days) are reached by moving the window, not by widening it.
 */
const MAX_SPAN_MS = 30 * 24 * 3600 * 1000;

/**
 * Every code the Status filter accepts. SDK 4.1.313 documents only 1 (in a flow) and 2 (normal);
 * the older reference (§3.2) also lists 3, 4, -1 and -2, and the response's RedisBackupSet.Status
 * still reports 3, 4 and -1, so the sandbox filters on all six.
 */
export const BACKUP_STATUS_CODES: readonly number[] = [1, 2, 3, 4, -1, -2];

/**
 * "默认值：2" (SDK 4.1.313): without a Status filter only normal backups are listed. A client that
 * must see locked, exporting, expired or deleted backups sends the codes it wants.
 */
export const DEFAULT_BACKUP_STATUSES: readonly number[] = [2];

export const describeInstanceBackupsSchema: SchemaOf<Request> = {
  Limit: { type: 'int' },
  Offset: { type: 'int' },
  InstanceId: { type: 'string' },
  BeginTime: { type: 'string' },
  EndTime: { type: 'string' },
  Status: { type: 'int[]' },
  InstanceName: { type: 'string' },
};

export function describeInstanceBackups(
  ctx: ActionContext,
  p: ParamsOf<Request>,
): ActionResult<ActionAnswer<'DescribeInstanceBackups'>> {
  // Tasks that ended since the last request release their backups before the list is read.
  ctx.state.tick();
  const limit = int(p, 'Limit') ?? 20;
  const offset = int(p, 'Offset') ?? 0;
  if (limit < 0 || limit > 100) return bad('Limit must be between 0 and 100.');
  if (offset < 0) return bad('Offset must not be negative.');
  const beginText = str(p, 'BeginTime');
  const endText = str(p, 'EndTime');
  const begin = beginText ? parseTencentTime(beginText) : null;
  const end = endText ? parseTencentTime(endText) : null;
  if ((beginText && begin === null) || (endText && end === null))
    return bad('Times must look like 2017-02-08 16:46:34.');
  if (begin !== null || end !== null) {
    const from = begin ?? Number.NEGATIVE_INFINITY;
    const to = end ?? ctx.state.now();
    if (from > to) return bad('BeginTime must not be after EndTime.');
    if (to - from > MAX_SPAN_MS) return bad('The query time span must not exceed 30 days.');
  }
  const requested = ints(p, 'Status') ?? [];
  if (requested.some((s) => !BACKUP_STATUS_CODES.includes(s)))
    return bad(`Status values must be among ${BACKUP_STATUS_CODES.join(', ')}.`);
  const statuses = requested.length > 0 ? requested : DEFAULT_BACKUP_STATUSES;
  const instanceId = str(p, 'InstanceId');
  const nameFilter = str(p, 'InstanceName');
  let instances: InstanceRecord[];
  if (instanceId) {
    const instance = ctx.state.instances.get(instanceId);
    if (!instance || instance.region !== ctx.region) {
      return {
        ok: false,
        code: 'ResourceNotFound.InstanceNotExists',
        message: `Instance ${instanceId} not found.`,
      };
    }
    const refusal = readScopeRefusal(ctx.state, ctx.principal, { instanceIds: [instanceId] });
    if (refusal) return refusal;
    instances = [instance];
  } else {
    instances = [...ctx.state.instances.values()].filter((i) => i.region === ctx.region);
  }
  if (nameFilter) instances = instances.filter((i) => i.name.includes(nameFilter));
  const rows = instances
    .flatMap((i) => ctx.state.backupsOf(i.id))
    .filter((b) => statuses.includes(ctx.state.backupStatus(b)))
    .filter((b) => (begin === null || b.startMs >= begin) && (end === null || b.startMs <= end))
    .sort((a, b) => b.startMs - a.startMs);
  return {
    ok: true,
    data: {
      TotalCount: rows.length,
      BackupSet: rows.slice(offset, offset + limit).map((b) => formatBackup(ctx.state, b)),
    },
  };
}
