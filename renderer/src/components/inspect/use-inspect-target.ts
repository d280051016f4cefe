/**
 * What the inspector's views share about the inspected backup: its reference (profile, region, instance,
 * backup), the instance's name, and the instance's backups as the backups panel lists them (loaded here when
 * the page is opened directly, e.g. after a reload).
 */
import { useEffect } from 'react';
import type { Backup } from '../../../../shared/domain';
import type { BackupRef } from '../../../../shared/downloads';
import { useApp } from '../../store';
import { type BackupList, backupKey } from '../../store/backups-slice';
import { selectRowById } from '../../store/selectors';

export interface InspectTarget {
  ref: BackupRef | undefined;
  instanceName: string;
  list: BackupList | undefined;
  backup: Backup | undefined;
  /** Another backup of the same instance, by id. */
  refOf(backupId: string): BackupRef | undefined;
}

export function useInspectTarget(region: string, instanceId: string, backupId: string): InspectTarget {
  const profileId = useApp((s) => s.activeProfileId);
  const row = useApp((s) => selectRowById(s, instanceId));
  const span = useApp((s) => s.prefs?.backupWindowDays ?? 7);
  const list = useApp((s) => (profileId ? s.backups[backupKey({ profileId, instanceId })] : undefined));
  const load = useApp((s) => s.loadBackups);
  const createdAt = row?.instance.createdAt;
  const listed = list !== undefined;

  useEffect(() => {
    if (profileId && !listed) void load({ profileId, region, instanceId, createdAt }, span);
  }, [profileId, listed, load, region, instanceId, createdAt, span]);

  const refOf = (id: string): BackupRef | undefined =>
    profileId ? { profileId, region, instanceId, backupId: id } : undefined;
  return {
    ref: refOf(backupId),
    instanceName: row?.instance.name || instanceId,
    list,
    backup: list?.backups.find((b) => b.id === backupId),
    refOf,
  };
}
