/**
 * One table for what each CRS engine is and what a restore does to it. Every sentence the restore dialog says
 * about an engine comes from here, so every row is walked by tests/unit/shared/engine-rules.test.ts.
 *
 * Engine codes: the InstanceSet.Type comment of the official models (tencentcloud-sdk-nodejs 4.1.313,
 * services/redis/v20180412/redis_models.d.ts). Restore behaviour: "TencentDB for Redis Memory Edition (v2.8)
 * and CKV Edition restore data to the source instance based on backup files. TencentDB for Redis Memory
 * Edition (excluding v2.8) clones a complete instance based on the current instance and allows you to roll
 * back data by swapping the IPs of the clone and original instances."
 * (https://www.tencentcloud.com/document/product/239/56000). That page names Redis only: for Valkey and
 * Memcached no restore behaviour is documented, so those rows, like any code the table does not know and
 * every legacy v2 instance (the legacy listing names no engine version), take the worst case.
 */
import type { ApiGeneration, InstanceArchitecture } from './domain';

export type RestoreSemantics = 'overwrite-in-place' | 'clone-and-swap';

export interface EngineRule {
  /** Human label, e.g. `Redis 6.2`; `Redis` when the version is unknown. */
  engine: string;
  engineVersion?: string;
  architecture: InstanceArchitecture;
  semantics: RestoreSemantics;
  /**
   * `documented`: Tencent's restore page describes this engine's behaviour. `assumed-worst`: it does not (or
   * the engine is unknown), so the app assumes the data is overwritten in place with no way back.
   */
  basis: 'documented' | 'assumed-worst';
}

const IN_PLACE = { semantics: 'overwrite-in-place', basis: 'documented' } as const;
const CLONE = { semantics: 'clone-and-swap', basis: 'documented' } as const;
const WORST = { semantics: 'overwrite-in-place', basis: 'assumed-worst' } as const;

/** API 3.0 `Type` → engine and restore rule; every code of the models' InstanceSet.Type comment. */
export const API3_ENGINE_RULES: Readonly<Record<number, EngineRule>> = {
  2: { engine: 'Redis 2.8', engineVersion: '2.8', architecture: 'standard', ...IN_PLACE },
  3: { engine: 'CKV 3.2', engineVersion: '3.2', architecture: 'standard', ...IN_PLACE },
  4: { engine: 'CKV 3.2', engineVersion: '3.2', architecture: 'cluster', ...IN_PLACE },
  5: { engine: 'Redis 2.8', engineVersion: '2.8', architecture: 'standalone', ...IN_PLACE },
  6: { engine: 'Redis 4.0', engineVersion: '4.0', architecture: 'standard', ...CLONE },
  7: { engine: 'Redis 4.0', engineVersion: '4.0', architecture: 'cluster', ...CLONE },
  8: { engine: 'Redis 5.0', engineVersion: '5.0', architecture: 'standard', ...CLONE },
  9: { engine: 'Redis 5.0', engineVersion: '5.0', architecture: 'cluster', ...CLONE },
  15: { engine: 'Redis 6.2', engineVersion: '6.2', architecture: 'standard', ...CLONE },
  16: { engine: 'Redis 6.2', engineVersion: '6.2', architecture: 'cluster', ...CLONE },
  17: { engine: 'Redis 7.0', engineVersion: '7.0', architecture: 'standard', ...CLONE },
  18: { engine: 'Redis 7.0', engineVersion: '7.0', architecture: 'cluster', ...CLONE },
  19: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'standard', ...WORST },
  20: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'cluster', ...WORST },
  21: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'standard', ...WORST },
  22: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'cluster', ...WORST },
  200: { engine: 'Memcached 1.6', engineVersion: '1.6', architecture: 'cluster', ...WORST },
};

/**
 * Legacy `typeId`: 1 is cluster everywhere; 2 is documented both as 主从版 (standard) and 单机版 (standalone),
 * and the newest Chinese page says standard (crs-api.md §1.5). No legacy field names the engine version, so a
 * legacy Redis 2.8 instance cannot be told from a 5.0 one: every legacy row takes the worst case.
 */
export const LEGACY_ENGINE_RULES: Readonly<Record<number, EngineRule>> = {
  1: { engine: 'Redis', architecture: 'cluster', ...WORST },
  2: { engine: 'Redis', architecture: 'standard', ...WORST },
};

/**
 * The rule for a type code of either generation. A code the table does not know gets the worst case and is
 * labelled by its number: calling it "Redis" would claim an engine the cloud did not name.
 */
export function engineRule(generation: ApiGeneration, typeId: number): EngineRule {
  const table = generation === 'v3' ? API3_ENGINE_RULES : LEGACY_ENGINE_RULES;
  if (Object.hasOwn(table, typeId)) return table[typeId] as EngineRule;
  return {
    engine: Number.isFinite(typeId) ? `Type ${typeId}` : 'Unknown',
    architecture: 'unknown',
    ...WORST,
  };
}
