// The `demo` seed: a dozen instances over three regions covering every status and backup situation the
// UI must render, and one real state behind each RestoreInstance refusal. Documented in sandbox/README.md.
import { InstanceStatus, type InstanceStatusCode } from '../state/catalog.js';
import type { SandboxState } from '../state/store.js';
import { seedCloneDemo } from './demo-clones.js';
import { seedHistory, seedLedgerArchive } from './demo-history.js';
import { DAY_MS, makeBackup, makeInstance, nightlyStart } from './factory.js';

interface DemoInstance {
  id: string;
  name: string;
  region: string;
  type: number;
  status: InstanceStatusCode;
  password: string | null;
  projectId?: number;
  title?: string;
  healthy?: boolean;
  /** Nightly automatic backups, 1..n days ago. */
  nightly: number;
  note: string;
}

export const DEMO_INSTANCES: readonly DemoInstance[] = [
  {
    id: 'crs-demo0001',
    name: 'orders-cache',
    region: 'ap-guangzhou',
    type: 15,
    status: 2,
    password: 'Orders#2024',
    nightly: 5,
    note: 'running, password; nightly + one manual backup',
  },
  {
    id: 'crs-demo0002',
    name: 'session-store',
    region: 'ap-guangzhou',
    type: 17,
    status: 2,
    password: null,
    nightly: 3,
    note: 'running, password-free (NoAuth)',
  },
  {
    id: 'crs-demo0003',
    name: 'leaderboard',
    region: 'ap-shanghai',
    type: 9,
    status: 2,
    password: 'Leader#Board3',
    nightly: 2,
    note: 'running; a locked backup (export), an expired and a deleted one',
  },
  {
    id: 'crs-demo0004',
    name: 'inventory',
    region: 'ap-shanghai',
    type: 6,
    status: 1,
    password: 'Invent0ry#4',
    nightly: 3,
    note: 'locked: a restore task is running (6 h)',
  },
  {
    id: 'crs-demo0005',
    name: 'legacy-billing',
    region: 'ap-beijing',
    type: 8,
    status: -2,
    password: 'Billing#5',
    nightly: 2,
    note: 'isolated',
  },
  {
    id: 'crs-demo0006',
    name: 'feature-flags',
    region: 'ap-beijing',
    type: 15,
    status: 1,
    password: 'Flags#6',
    title: '升级中',
    nightly: 2,
    note: 'in process (version upgrade), not locked',
  },
  {
    id: 'crs-demo0007',
    name: 'old-cache',
    region: 'ap-guangzhou',
    type: 2,
    status: 2,
    password: 'OldCache#7',
    nightly: 2,
    note: 'Redis 2.8',
  },
  {
    id: 'crs-demo0008',
    name: 'ckv-profiles',
    region: 'ap-shanghai',
    type: 3,
    status: 2,
    password: 'CkvProf#8',
    nightly: 2,
    note: 'CKV 3.2',
  },
  {
    id: 'crs-demo0009',
    name: 'new-instance',
    region: 'ap-beijing',
    type: 17,
    status: 0,
    password: 'Fresh#9',
    nightly: 0,
    note: 'to be initialised, no backups',
  },
  {
    id: 'crs-demo0010',
    name: 'retired-queue',
    region: 'ap-guangzhou',
    type: 8,
    status: -3,
    password: 'Retired#10',
    nightly: 1,
    note: 'to be deleted',
  },
  {
    id: 'crs-demo0011',
    name: 'analytics',
    region: 'ap-beijing',
    type: 16,
    status: 2,
    password: 'Analytics#11',
    projectId: 1,
    nightly: 2,
    note: 'project 1; an old backup taken before the 4.0 → 6.2 upgrade',
  },
  {
    id: 'crs-demo0012',
    name: 'rate-limiter',
    region: 'ap-shanghai',
    type: 15,
    status: 2,
    password: 'Limiter#12',
    healthy: false,
    nightly: 2,
    note: 'running but its node is unreachable',
  },
  {
    id: 'crs-demo0013',
    name: 'empty-cache',
    region: 'ap-guangzhou',
    type: 15,
    status: 2,
    password: 'Empty#13',
    nightly: 0,
    note: 'running, no backups yet',
  },
  {
    id: 'crs-demo0014',
    name: 'ledger-archive',
    region: 'ap-beijing',
    type: 8,
    status: 2,
    password: 'Ledger#14',
    nightly: 7,
    note: 'monthly manual backups kept five years (older than 30 days), one exported; nightly-backup tasks',
  },
  {
    id: 'crs-demo0015',
    name: 'valkey-sessions',
    region: 'ap-guangzhou',
    type: 19,
    status: 2,
    password: 'Valkey#15',
    nightly: 3,
    note: 'Valkey 8.0: Tencent documents no restore behaviour for it, so the app assumes the worst',
  },
];

/** Backup ids the docs and tests refer to. */
export const DEMO_BACKUPS = {
  ordersManual: '1250000000-6000001-demo0001m',
  leaderboardLocked: '1250000000-6000003-demo0003l',
  leaderboardExpired: '1250000000-6000003-demo0003x',
  leaderboardDeleted: '1250000000-6000003-demo0003d',
  inventoryRestoring: '1250000000-6000004-demo0004r',
  analyticsOldSpec: '1250000000-6000011-demo0011s',
  ledgerExported: '1250000000-6000014-demo0014e',
  ledgerOldest: '1250000000-6000014-demo0014y',
} as const;

/** Long enough to stay locked through any demo session, independent of --task-seconds. */
const LOCKED_TASK_MS = 6 * 3600 * 1000;

export function seedDemo(state: SandboxState): void {
  const now = state.now();
  DEMO_INSTANCES.forEach((spec, index) => {
    const instance = makeInstance(
      {
        id: spec.id,
        name: spec.name,
        region: spec.region,
        type: spec.type,
        // The locked instance starts running; its seeded restore task flips it to "in process".
        status: spec.id === 'crs-demo0004' ? InstanceStatus.Running : spec.status,
        password: spec.password,
        projectId: spec.projectId ?? 0,
        title: spec.title ?? null,
        healthy: spec.healthy ?? true,
        tags: [{ key: 'env', value: index % 3 === 0 ? 'prod' : 'staging' }],
        ordinal: index + 1,
      },
      now,
    );
    state.addInstance(instance);
    for (let day = spec.nightly; day >= 1; day--) {
      const startMs = nightlyStart(now, day);
      const id = `1250000000-${6_000_000 + index + 1}-${Math.floor(startMs / 1000)}`;
      state.addBackup(makeBackup({ id, instance, startMs }));
    }
  });
  addSpecialBackups(state, now);
  seedCloneDemo(state, now);
}

function addSpecialBackups(state: SandboxState, now: number): void {
  const get = (id: string) => {
    const instance = state.instances.get(id);
    if (!instance) throw new Error(`demo seed lost ${id}`);
    return instance;
  };
  const orders = get('crs-demo0001');
  state.addBackup(
    makeBackup({
      id: DEMO_BACKUPS.ordersManual,
      instance: orders,
      startMs: now - 3 * 3600_000,
      manual: true,
      remark: 'before schema change',
    }),
  );

  const leaderboard = get('crs-demo0003');
  const locked = makeBackup({
    id: DEMO_BACKUPS.leaderboardLocked,
    instance: leaderboard,
    startMs: now - 6 * 3600_000,
    manual: true,
    remark: 'exporting to COS',
  });
  locked.lock = { reason: 'export', taskId: null };
  state.addBackup(locked);
  const expiredStart = nightlyStart(now, 9);
  state.addBackup(
    makeBackup({ id: DEMO_BACKUPS.leaderboardExpired, instance: leaderboard, startMs: expiredStart }),
  );
  state.addBackup(
    makeBackup({
      id: DEMO_BACKUPS.leaderboardDeleted,
      instance: leaderboard,
      startMs: now - 2 * DAY_MS,
      manual: true,
      remark: 'deleted by user',
      deleted: true,
    }),
  );

  const inventory = get('crs-demo0004');
  const restoring = makeBackup({
    id: DEMO_BACKUPS.inventoryRestoring,
    instance: inventory,
    startMs: now - 26 * 3600_000,
    manual: true,
    remark: 'pre-release',
  });
  state.addBackup(restoring);
  const task = state.createTask('restore', inventory, restoring, LOCKED_TASK_MS);
  task.startMs = now - 5 * 60_000;

  const analytics = get('crs-demo0011');
  // Taken by the platform before the Redis 4.0 cluster (Type 7) → 6.2 upgrade (BackupType "2",
  // 变配触发的备份): restoring it onto the upgraded instance is a spec error.
  state.addBackup(
    makeBackup({
      id: DEMO_BACKUPS.analyticsOldSpec,
      instance: analytics,
      startMs: now - 5 * DAY_MS,
      origin: 'specChange',
      remark: 'before 6.2 upgrade',
      instanceType: 7,
    }),
  );
  seedHistory(state, now);
  seedLedgerArchive(state, get('crs-demo0014'), now, {
    exported: DEMO_BACKUPS.ledgerExported,
    oldest: DEMO_BACKUPS.ledgerOldest,
  });
}
