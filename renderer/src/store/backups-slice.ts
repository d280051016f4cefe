/**
 * Backups per instance within a time window (the cloud allows at most 30 days per request), paged 100 at a
 * time. Keyed by profile and instance so switching back to an instance shows what was already loaded.
 */
import type { Backup } from '../../../shared/domain';
import type { Freshness } from './fleet-slice';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export interface BackupTarget {
  profileId: string;
  region: string;
  instanceId: string;
}

export interface BackupList {
  days: number;
  beginTime: string;
  endTime: string;
  backups: Backup[];
  total: number;
  status: LoadStatus;
  error?: UiError;
  freshness?: Freshness;
}

export const backupPageSize = 100;
export const maxBackupWindowDays = 30;

export const backupKey = (t: Pick<BackupTarget, 'profileId' | 'instanceId'>) =>
  `${t.profileId}/${t.instanceId}`;

export interface BackupsSlice {
  backups: Record<string, BackupList>;
  loadBackups(target: BackupTarget, days: number, now?: Date): Promise<void>;
  loadMoreBackups(target: BackupTarget): Promise<void>;
}

export const createBackupsSlice: SliceCreator<BackupsSlice> = (api) => (set, get) => {
  const patch = (key: string, value: Partial<BackupList>) => {
    const current = get().backups[key];
    if (current) set({ backups: { ...get().backups, [key]: { ...current, ...value } } });
  };
  const fetchPage = async (target: BackupTarget, list: BackupList, offset: number) => {
    const key = backupKey(target);
    patch(key, { status: 'loading', error: undefined });
    const result = await call(() =>
      api.backups.list({
        ...target,
        beginTime: list.beginTime,
        endTime: list.endTime,
        limit: backupPageSize,
        offset,
      }),
    );
    const latest = get().backups[key];
    // A newer window was asked for meanwhile: drop this answer.
    if (!latest || latest.beginTime !== list.beginTime || latest.endTime !== list.endTime) return;
    if (!result.ok) return patch(key, { status: 'error', error: result.error });
    const backups = offset === 0 ? result.value.backups : [...latest.backups, ...result.value.backups];
    patch(key, { status: 'ready', backups, total: result.value.total, freshness: result.value.freshness });
  };
  return {
    backups: {},
    loadBackups: async (target, days, now = new Date()) => {
      const window = Math.min(Math.max(1, Math.round(days)), maxBackupWindowDays);
      const list: BackupList = {
        days: window,
        endTime: now.toISOString(),
        beginTime: new Date(now.getTime() - window * 86_400_000).toISOString(),
        backups: [],
        total: 0,
        status: 'loading',
      };
      set({ backups: { ...get().backups, [backupKey(target)]: list } });
      await fetchPage(target, list, 0);
    },
    loadMoreBackups: async (target) => {
      const list = get().backups[backupKey(target)];
      if (!list || list.status === 'loading' || list.backups.length >= list.total) return;
      await fetchPage(target, list, list.backups.length);
    },
  };
};
