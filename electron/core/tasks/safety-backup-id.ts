/**
 * Finds the id of the safety backup the app just took. API 3.0 ManualBackupInstance answers with a TaskId
 * only (ManualBackupInstanceResponse, tencentcloud-sdk-nodejs services/redis/v20180412/redis_models.d.ts),
 * so the backup is looked up in the instance's backup list by the remark the app gave it, which names the
 * restore and is therefore unique. The legacy API names the backup in its answer and needs no lookup.
 */
import type { CrsApi } from '../cloud/crs-api';

/** Backups listed around the backup's start, either side: the cloud's clock and ours may differ. */
const SLACK_MS = 60 * 60_000;
/** One page is plenty for two hours of one instance's backups. */
const PAGE = 100;

export async function findSafetyBackupId(
  api: CrsApi,
  target: { region: string; instanceId: string; remark: string; startedAt: string; now: number },
): Promise<string | undefined> {
  const started = Date.parse(target.startedAt);
  const page = await api.describeBackups({
    region: target.region,
    instanceId: target.instanceId,
    beginTime: new Date(started - SLACK_MS).toISOString(),
    endTime: new Date(Math.max(target.now, started) + SLACK_MS).toISOString(),
    limit: PAGE,
    offset: 0,
  });
  const matches = page.backups.filter((b) => b.remark === target.remark && !b.incomplete);
  // Two backups with the same remark cannot be told apart: better no id than a wrong one.
  return matches.length === 1 ? matches[0]?.id : undefined;
}
