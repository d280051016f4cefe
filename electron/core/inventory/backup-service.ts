/**
 * Backups of one instance over a span of its retention. Live from the cloud when it answers, walking
 * 30-day windows back to the span (backup-windows.ts); otherwise the last listing fetched for that
 * instance, marked stale and cut to the span, so a DBA can still see what existed while offline.
 */
import { type BackupSpan, type StatusCoverage, spanDays } from '../../../shared/backup-span';
import type { Backup } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import type { CrsApi } from '../cloud/crs-api';
import { backupWindows, listBackupWindows, walkFloor } from './backup-windows';
import type { FleetCache } from './fleet-cache';

/** Failures that mean "the endpoint is out of reach", where the cache should stand in. */
export const UNREACHABLE_CODES = new Set([
  'NETWORK',
  'TIMEOUT',
  'HTTP_ERROR',
  'SERVICE_UNAVAILABLE',
  'CLOUD_INTERNAL_ERROR',
]);

/** The walk ends a minute ahead of the local clock, so a backup the cloud just started is not missed. */
export const LISTING_LEAD_MS = 60_000;

export interface BackupQuery {
  profileId: string;
  region: string;
  instanceId: string;
  span: BackupSpan;
  /** The instance's creation time, when known: the walk stops there. */
  createdAt?: string | undefined;
}

export interface BackupListing {
  backups: Backup[];
  /** The time range the list covers (ISO); offline, the part of the span the cached listing covered. */
  beginTime: string;
  endTime: string;
  statusCoverage: StatusCoverage;
  freshness: { source: 'live' | 'cache'; stale: boolean; fetchedAt?: string; errorCode?: string };
}

export class BackupService {
  readonly #deps: BackupServiceDeps;

  constructor(deps: BackupServiceDeps) {
    this.#deps = deps;
  }

  async list(query: BackupQuery): Promise<BackupListing> {
    const endMs = this.#deps.now() + LISTING_LEAD_MS;
    const floorMs = walkFloor(endMs, spanDays(query.span), query.createdAt);
    const windows = backupWindows(endMs, floorMs);
    const last = windows[windows.length - 1];
    const beginTime = new Date(last?.beginMs ?? floorMs).toISOString();
    const endTime = new Date(windows[0]?.endMs ?? endMs).toISOString();
    const profile = this.#deps.profile(query.profileId);
    try {
      const target = { region: query.region, instanceId: query.instanceId };
      const { backups, statusCoverage } = await listBackupWindows(this.#deps.api(profile), target, windows);
      const fetchedAt = new Date(this.#deps.now()).toISOString();
      // The whole listing is kept: what the panel shows offline for any span inside it.
      await this.#deps.cache.writeBackups(query.profileId, query.instanceId, {
        fetchedAt,
        beginTime,
        endTime,
        statusCoverage,
        backups,
      });
      return {
        backups,
        beginTime,
        endTime,
        statusCoverage,
        freshness: { source: 'live', stale: false, fetchedAt },
      };
    } catch (error) {
      if (!(error instanceof AppError) || !UNREACHABLE_CODES.has(error.code)) throw error;
      const cached = await this.#deps.cache.readBackups(query.profileId, query.instanceId);
      if (!cached) throw error;
      const fromMs = Math.max(Date.parse(cached.beginTime), Date.parse(beginTime));
      const toMs = Math.max(fromMs, Math.min(Date.parse(cached.endTime), Date.parse(endTime)));
      // Rows without a start time cannot be placed in the span; they stay, as the live list kept them.
      const inSpan = cached.backups.filter((b) => {
        const start = b.startTime === undefined ? Number.NaN : Date.parse(b.startTime);
        return Number.isNaN(start) || (start >= fromMs && start <= toMs);
      });
      return {
        backups: inSpan,
        beginTime: new Date(fromMs).toISOString(),
        endTime: new Date(toMs).toISOString(),
        statusCoverage: cached.statusCoverage,
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
