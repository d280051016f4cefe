/**
 * Backups per instance over a span of its retention (days, or all of it). Main walks the cloud's 30-day
 * windows and answers the whole list at once. Keyed by profile and instance so switching back to an
 * instance shows what was already loaded.
 */
import type { BackupSpan, StatusCoverage } from '../../../shared/backup-span';
import type { Backup } from '../../../shared/domain';
import type { Freshness } from './fleet-slice';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export interface BackupTarget {
  profileId: string;
  region: string;
  instanceId: string;
  /** The instance's creation time, when the fleet knows it: the listing stops there. */
  createdAt?: string | undefined;
}

export interface BackupList {
  span: BackupSpan;
  /** What the answer covers (ISO); empty until it arrives. */
  beginTime: string;
  endTime: string;
  backups: Backup[];
  statusCoverage?: StatusCoverage;
  status: LoadStatus;
  error?: UiError;
  freshness?: Freshness;
}

export const backupKey = (t: Pick<BackupTarget, 'profileId' | 'instanceId'>) =>
  `${t.profileId}/${t.instanceId}`;

export interface BackupsSlice {
  backups: Record<string, BackupList>;
  loadBackups(target: BackupTarget, span: BackupSpan): Promise<void>;
  /**
   * Loads the shown list again without blanking it (the instance page while a restore runs): the rows stay
   * until the new answer replaces them; a failed refresh keeps them and says so.
   */
  refreshBackups(target: BackupTarget): Promise<void>;
}

export const createBackupsSlice: SliceCreator<BackupsSlice> = (api) => (set, get) => ({
  backups: {},
  loadBackups: async (target, span) => {
    const key = backupKey(target);
    const list: BackupList = { span, beginTime: '', endTime: '', backups: [], status: 'loading' };
    set({ backups: { ...get().backups, [key]: list } });
    const { profileId, region, instanceId, createdAt } = target;
    const result = await call(() =>
      api.backups.list({ profileId, region, instanceId, span, ...(createdAt ? { createdAt } : {}) }),
    );
    // A newer load was asked for meanwhile: drop this answer.
    if (get().backups[key] !== list) return;
    const next: BackupList = result.ok
      ? {
          ...list,
          status: 'ready',
          backups: result.value.backups,
          beginTime: result.value.beginTime,
          endTime: result.value.endTime,
          statusCoverage: result.value.statusCoverage,
          freshness: result.value.freshness,
        }
      : { ...list, status: 'error', error: result.error };
    set({ backups: { ...get().backups, [key]: next } });
  },
  refreshBackups: async (target) => {
    const key = backupKey(target);
    const shown = get().backups[key];
    if (!shown || shown.status === 'loading') return;
    const { profileId, region, instanceId, createdAt } = target;
    const result = await call(() =>
      api.backups.list({
        profileId,
        region,
        instanceId,
        span: shown.span,
        ...(createdAt ? { createdAt } : {}),
      }),
    );
    if (get().backups[key] !== shown) return;
    const next: BackupList = result.ok
      ? {
          ...shown,
          status: 'ready',
          error: undefined,
          backups: result.value.backups,
          beginTime: result.value.beginTime,
          endTime: result.value.endTime,
          statusCoverage: result.value.statusCoverage,
          freshness: result.value.freshness,
        }
      : { ...shown, error: result.error };
    set({ backups: { ...get().backups, [key]: next } });
  },
});
