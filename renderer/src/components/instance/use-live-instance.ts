/**
 * Keeps the instance page live while a restore of the instance runs: its status is read again at a modest
 * interval, and its status and backups at each step of the restore (the safety backup appearing, the
 * restore starting and ending) and once more after the end.
 */
import { useEffect, useRef } from 'react';
import { isActive, type RestoreRecord } from '../../../../shared/tasks';
import { useApp } from '../../store';
import type { BackupTarget } from '../../store/backups-slice';
import { liveKey } from '../../store/live-slice';

/** One DescribeInstances call per interval per watched instance: well inside the published limits. */
export const LIVE_REFRESH_MS = 10_000;

/** The restore of this instance that is still under way, if any. */
export function useActiveRestore(profileId: string, instanceId: string): RestoreRecord | undefined {
  return useApp((s) =>
    Object.values(s.tasks).find(
      (r) => r.profileId === profileId && r.instanceId === instanceId && isActive(r),
    ),
  );
}

export function useLiveInstance(target: BackupTarget) {
  const { profileId, region, instanceId, createdAt } = target;
  const active = useActiveRestore(profileId, instanceId);
  const live = useApp((s) => s.liveInstances[liveKey(target)]);
  const refreshInstance = useApp((s) => s.refreshInstance);
  const refreshBackups = useApp((s) => s.refreshBackups);
  const activeId = active?.restoreId;
  const step = active
    ? `${active.restoreId}:${active.phase}:${active.status}:${active.safetyBackup?.status ?? ''}`
    : undefined;
  const watched = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!activeId) return;
    const timer = setInterval(() => void refreshInstance({ profileId, region, instanceId }), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [activeId, refreshInstance, profileId, region, instanceId]);

  useEffect(() => {
    // A step of a running restore, or the end of the one watched so far: read both again.
    if (!step && !watched.current) return;
    watched.current = step;
    void refreshInstance({ profileId, region, instanceId });
    void refreshBackups({ profileId, region, instanceId, createdAt });
  }, [step, refreshInstance, refreshBackups, profileId, region, instanceId, createdAt]);

  return { active, live };
}
