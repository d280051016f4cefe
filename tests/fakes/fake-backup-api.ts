/**
 * A CrsApi whose backups live in memory and which enforces what the cloud documents for
 * DescribeInstanceBackups: at most 30 days between BeginTime and EndTime, Limit at most 100, backups
 * *started* in [BeginTime, EndTime], newest first. Every call is recorded.
 */
import type { BackupsPage, CrsApi, DescribeBackupsParams } from '../../electron/core/cloud/crs-api';
import type { StatusCoverage } from '../../shared/backup-span';
import type { Backup, Instance } from '../../shared/domain';
import { AppError } from '../../shared/errors';

export const DAY = 86_400_000;

export function fakeBackup(id: string, startMs: number, extra: Partial<Backup> = {}): Backup {
  return {
    id,
    instanceId: 'crs-1',
    startTime: new Date(startMs).toISOString(),
    kind: 'automatic',
    status: 'normal',
    statusRaw: 2,
    locked: false,
    remark: '',
    restorable: true,
    ...extra,
  };
}

export function fakeInstance(extra: Partial<Instance> = {}): Instance {
  return {
    id: 'crs-1',
    name: 'orders',
    region: 'ap-guangzhou',
    engine: 'Redis 6.2',
    engineVersion: '6.2',
    architecture: 'standard',
    typeId: 15,
    sizeMb: 1024,
    status: 'running',
    statusRaw: 2,
    wanIp: '10.0.0.1',
    port: 6379,
    tags: [],
    projectId: 0,
    noAuth: false,
    generation: 'v3',
    ...extra,
  };
}

export interface FakeBackupApi extends CrsApi {
  calls: DescribeBackupsParams[];
  backups: Backup[];
  instances: Instance[];
  coverage: StatusCoverage;
  /** Throws this on every describeBackups call when set (e.g. a network error). */
  failWith?: Error;
  /** Milliseconds each describeBackups answer takes, when set: answers then arrive out of order. */
  delayMs?: (params: DescribeBackupsParams) => number;
}

export function fakeBackupApi(backups: Backup[], instances: Instance[] = [fakeInstance()]): FakeBackupApi {
  const api: FakeBackupApi = {
    generation: 'v3',
    clockOffsetMs: 0,
    calls: [],
    backups,
    instances,
    coverage: 'all',
    async describeInstances(params) {
      const found = api.instances.filter((i) => !params.instanceIds || params.instanceIds.includes(i.id));
      return { total: found.length, instances: found };
    },
    async describeBackups(params): Promise<BackupsPage> {
      api.calls.push(params);
      const delay = api.delayMs?.(params) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (api.failWith) throw api.failWith;
      const begin = Date.parse(params.beginTime ?? '');
      const end = Date.parse(params.endTime ?? '');
      if (!(begin <= end) || end - begin > 30 * DAY || params.limit > 100) {
        throw new AppError('INVALID_PARAMETER', 'span over 30 days or limit over 100');
      }
      const rows = api.backups
        .filter((b) => {
          const t = b.startTime ? Date.parse(b.startTime) : Number.NaN;
          return t >= begin && t <= end;
        })
        .sort((a, b) => ((a.startTime ?? '') < (b.startTime ?? '') ? 1 : -1));
      return {
        total: rows.length,
        backups: rows.slice(params.offset, params.offset + params.limit),
        statusCoverage: api.coverage,
      };
    },
    async restoreInstance() {
      throw new Error('not in this fake');
    },
    async describeTask() {
      throw new Error('not in this fake');
    },
    async manualBackup() {
      throw new Error('not in this fake');
    },
    async listRestoreTasks() {
      return [];
    },
    // Restore into a new instance: not modelled by this fake (tests/fakes/fake-crs-api.ts scripts them).
    ...notScripted(CLONE_METHODS),
    async describeBackupUrl() {
      throw new Error('not in this fake');
    },
    async describeBackupDetail() {
      throw new Error('not in this fake');
    },
    async describeBackupDownloadRestriction() {
      return undefined;
    },
  };
  return api;
}

/** The CrsApi methods of restoring into a new instance, which only tests/fakes/fake-crs-api.ts scripts. */
export const CLONE_METHODS = [
  'cloneInstances',
  'inquiryPriceCreateInstance',
  'describeDeals',
  'describeSecondLevelBackupInfo',
  'describeInstanceSecurityGroups',
  'describeProductInfo',
  'describeInstanceSpec',
] as const satisfies readonly (keyof CrsApi)[];

/** Methods that reject with "not in this fake", typed as the CrsApi methods they stand for. */
export function notScripted<K extends keyof CrsApi>(names: readonly K[]): Pick<CrsApi, K> {
  return Object.fromEntries(
    names.map((name) => [name, async () => Promise.reject(new Error(`not in this fake: ${String(name)}`))]),
  ) as unknown as Pick<CrsApi, K>;
}
