// The `fleet:N` seed: N deterministic instances for list/paging benchmarks, spread over every region of the
// SDK's region list, every instance Type code and every Status. Backups are generated lazily per instance
// (state.backupFactory), so 100,000 instances cost only the instance records.
import { InstanceStatus, type InstanceStatusCode, REGIONS, TYPE_CODES } from '../state/catalog.js';
import type { SandboxState } from '../state/store.js';
import type { BackupRecord, InstanceRecord } from '../state/types.js';
import { makeBackup, makeInstance, nightlyStart } from './factory.js';

export const MAX_FLEET_SIZE = 100_000;

const NAMES = ['orders', 'session', 'cache', 'queue', 'feed', 'search', 'game', 'pay', 'rank', 'geo'];
// Instance i is in region i mod 22, has the (i mod 23)-th type and the (i mod 49)-th status. The cycle
// lengths are pairwise coprime, so every region sees every Type and every Status, and 22 instances
// already cover every region, 23 every Type, 49 every Status.
/** Every Type code once, then the common ones again. */
const TYPE_CYCLE: readonly number[] = [...TYPE_CODES, 15, 15, 17, 16, 8, 6];
/** Mostly running, as a real fleet is; every other status at least once. */
const STATUS_CYCLE: readonly InstanceStatusCode[] = Array.from({ length: 49 }, (_, k) =>
  k === 7 || k === 35
    ? InstanceStatus.InProcess
    : k === 14
      ? InstanceStatus.Isolated
      : k === 21
        ? InstanceStatus.ToBeInitialized
        : k === 28
          ? InstanceStatus.ToBeDeleted
          : InstanceStatus.Running,
);
const ID_SPACE = 36 ** 8;
// Multiplying by a number coprime with 36 is a bijection on [0, 36^8): unique, random-looking ids.
const ID_MULTIPLIER = 2_654_435_761;

export function fleetInstanceId(index: number): string {
  const n = (index * ID_MULTIPLIER + 1_234_567) % ID_SPACE;
  return `crs-${n.toString(36).padStart(8, '0')}`;
}

/** Small, fast, deterministic PRNG (mulberry32); the reliability suite seeds its runs with it too. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFleet(state: SandboxState, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FLEET_SIZE) {
    throw new Error(`fleet size must be an integer from 1 to ${MAX_FLEET_SIZE}`);
  }
  const now = state.now();
  const random = prng(42);
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length]?.name ?? 'ap-guangzhou';
    const name = `${NAMES[Math.floor(random() * NAMES.length)] ?? 'cache'}-${String(i + 1).padStart(6, '0')}`;
    const noAuth = random() < 0.1;
    state.addInstance(
      makeInstance(
        {
          id: fleetInstanceId(i),
          name,
          region,
          type: TYPE_CYCLE[i % TYPE_CYCLE.length] ?? 15,
          status: STATUS_CYCLE[i % STATUS_CYCLE.length] ?? InstanceStatus.Running,
          password: noAuth ? null : `Fleet#${i + 1}`,
          projectId: Math.floor(random() * 4),
          ordinal: i + 1,
        },
        now,
      ),
    );
  }
  state.backupFactory = (instance) => fleetBackups(instance, now);
}

function fleetBackups(instance: InstanceRecord, now: number): BackupRecord[] {
  if (instance.status === InstanceStatus.ToBeInitialized) return [];
  const suffix = instance.id.slice(4);
  return [3, 2, 1].map((daysAgo) => {
    const startMs = nightlyStart(now, daysAgo);
    return makeBackup({ id: `1250000000-${suffix}-${Math.floor(startMs / 1000)}`, instance, startMs });
  });
}
