// Second-level (point-in-time) backups. InstanceSet.BackupMode is "SecondLevelBackup" or
// "NormalLevelBackup"; DescribeSecondLevelBackupInfo answers StartTimestamp ("实例开启秒级备份的时间戳") and
// MissingTimestamps ("备份不存在的时间戳范围", may be null) for a BackupTimestamp "支持7天内任意秒级时间点";
// CloneInstances.CloneTime "仅支持已开通秒级备份的实例" — SDK 4.1.313 redis_models.d.ts.
//
// The sandbox's approximation: a clone at CloneTime gets the data of the newest RDB backup taken at or
// before CloneTime. The real service replays the log up to that second; the sandbox replays nothing, so
// writes between that backup and CloneTime are missing from the clone. Tests and demos that compare data
// must compare against that backup.
import type { SandboxState } from './store.js';
import type { BackupRecord, InstanceRecord } from './types.js';

/** How far back a point in time may be: "支持7天内任意秒级时间点". */
export const SECOND_LEVEL_WINDOW_MS = 7 * 24 * 3600 * 1000;

export interface SecondLevelGap {
  fromMs: number;
  toMs: number;
}

export interface SecondLevelBackup {
  /** When second-level backup was switched on. */
  sinceMs: number;
  /** Spans with no log: a point in time inside one cannot be restored. */
  gaps: SecondLevelGap[];
}

export interface SecondLevelRange {
  startMs: number;
  endMs: number;
  /** The gaps within [startMs, endMs], clipped to it. */
  gaps: SecondLevelGap[];
}

export function secondLevelOf(instance: InstanceRecord): SecondLevelBackup | null {
  return instance.secondLevel ?? null;
}

/** The restorable range now: from the later of switch-on and seven days ago, to now. */
export function secondLevelRange(instance: InstanceRecord, nowMs: number): SecondLevelRange | null {
  const info = secondLevelOf(instance);
  if (!info) return null;
  const startMs = Math.max(info.sinceMs, nowMs - SECOND_LEVEL_WINDOW_MS);
  const gaps = info.gaps
    .filter((g) => g.toMs > startMs && g.fromMs < nowMs)
    .map((g) => ({ fromMs: Math.max(g.fromMs, startMs), toMs: Math.min(g.toMs, nowMs) }));
  return { startMs, endMs: nowMs, gaps };
}

/** The newest usable backup taken at or before the time: what a clone at that time is built from. */
export function baseBackupAt(
  state: SandboxState,
  instance: InstanceRecord,
  atMs: number,
): BackupRecord | undefined {
  return state
    .backupsOf(instance.id)
    .filter((b) => state.backupStatus(b) >= 0 && b.startMs <= atMs && b.instanceType === instance.type)
    .sort((a, b) => b.startMs - a.startMs)[0];
}

/** Why the instance cannot be restored to that time, or null. */
export function pointInTimeProblem(instance: InstanceRecord, atMs: number, nowMs: number): string | null {
  const range = secondLevelRange(instance, nowMs);
  if (!range) return `Instance ${instance.id} has no second-level backup.`;
  if (atMs < range.startMs || atMs > range.endMs) return 'The time is outside the second-level backup range.';
  if (range.gaps.some((g) => atMs >= g.fromMs && atMs <= g.toMs)) {
    return 'The time falls in a span with no second-level backup (MissingTimestamps).';
  }
  return null;
}
