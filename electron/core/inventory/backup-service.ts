/**
 * Backups of one instance within a time window. Live from the cloud when it answers; otherwise the last
 * copy fetched for that instance, marked stale, so a DBA can still see what existed while offline.
 */
import type { Backup } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import type { CrsApi } from '../cloud/crs-api';
import type { FleetCache } from './fleet-cache';

/** The cloud accepts at most 30 days between BeginTime and EndTime. */
export const MAX_BACKUP_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Failures that mean "the endpoint is out of reach", where the cache should stand in. */
export const UNREACHABLE_CODES = new Set([
  'NETWORK',
  'TIMEOUT',
  'HTTP_ERROR',
  'SERVICE_UNAVAILABLE',
  'CLOUD_INTERNAL_ERROR',
]);

export interface BackupQuery {
  profileId: string;
  region: string;
  instanceId: string;
  beginTime: string;
  endTime: string;
  limit: number;
  offset: number;
}

export interface BackupPage {
  total: number;
  backups: Backup[];
  freshness: { source: 'live' | 'cache'; stale: boolean; fetchedAt?: string; errorCode?: string };
}

export class BackupService {
  readonly #deps: BackupServiceDeps;

  constructor(deps: BackupServiceDeps) {
    this.#deps = deps;
  }

  async list(query: BackupQuery): Promise<BackupPage> {
    const begin = Date.parse(query.beginTime);
    const end = Date.parse(query.endTime);
    if (!(begin <= end) || end - begin > MAX_BACKUP_WINDOW_MS) {
      throw new AppError(
        'INVALID_PARAMETER',
        'The backup window must end after it begins and span at most 30 days.',
      );
    }
    const profile = this.#deps.profile(query.profileId);
    try {
      const { total, backups } = await this.#deps.api(profile).describeBackups({
        region: query.region,
        instanceId: query.instanceId,
        beginTime: query.beginTime,
        endTime: query.endTime,
        limit: query.limit,
        offset: query.offset,
      });
      const fetchedAt = new Date(this.#deps.now()).toISOString();
      // Only the first page of a window is kept: enough to show what existed when offline.
      if (query.offset === 0) {
        await this.#deps.cache.writeBackups(query.profileId, query.instanceId, {
          fetchedAt,
          beginTime: query.beginTime,
          endTime: query.endTime,
          total,
          backups,
        });
      }
      return { total, backups, freshness: { source: 'live', stale: false, fetchedAt } };
    } catch (error) {
      if (!(error instanceof AppError) || !UNREACHABLE_CODES.has(error.code)) throw error;
      const cached = await this.#deps.cache.readBackups(query.profileId, query.instanceId);
      if (!cached) throw error;
      const inWindow = cached.backups.filter(
        (b) => !b.startTime || (b.startTime >= query.beginTime && b.startTime <= query.endTime),
      );
      return {
        total: inWindow.length,
        backups: inWindow.slice(query.offset, query.offset + query.limit),
        freshness: { source: 'cache', stale: true, fetchedAt: cached.fetchedAt, errorCode: error.code },
      };
    }
  }
}

export interface BackupServiceDeps {
  cache: FleetCache;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  now: () => number;
}
