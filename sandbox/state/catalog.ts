// Static facts about regions and instance types, from the reference (§1.5 regionId, §3.1 Type table).

export interface RegionInfo {
  name: string;
  regionId: number;
  /** Legacy v2 short code (`gz`, `sh`, …), accepted as the Region common parameter. */
  short: string;
  zones: readonly number[];
  /** Second octet of the fake private VIPs, so addresses differ per region. */
  ipOctet: number;
}

export const REGIONS: readonly RegionInfo[] = [
  { name: 'ap-guangzhou', regionId: 1, short: 'gz', zones: [100003, 100004, 100006], ipOctet: 1 },
  { name: 'ap-shanghai', regionId: 4, short: 'sh', zones: [200002, 200003, 200004], ipOctet: 4 },
  { name: 'ap-beijing', regionId: 8, short: 'bj', zones: [800002, 800003, 800005], ipOctet: 8 },
  { name: 'ap-chengdu', regionId: 16, short: 'cd', zones: [160001, 160002], ipOctet: 16 },
  { name: 'ap-singapore', regionId: 9, short: 'sg', zones: [900001, 900002], ipOctet: 9 },
];

/** Resolves an API 3.0 region name or a legacy short code. */
export function findRegion(name: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.name === name || r.short === name);
}

export interface TypeInfo {
  type: number;
  engine: 'Redis' | 'CKV';
  version: string;
  cluster: boolean;
  /** Human label, as the console shows it. */
  label: string;
}

export const TYPES: Readonly<Record<number, TypeInfo>> = {
  2: { type: 2, engine: 'Redis', version: '2.8', cluster: false, label: 'Redis 2.8 标准架构' },
  3: { type: 3, engine: 'CKV', version: '3.2', cluster: false, label: 'CKV 3.2 标准架构' },
  4: { type: 4, engine: 'CKV', version: '3.2', cluster: true, label: 'CKV 3.2 集群架构' },
  5: { type: 5, engine: 'Redis', version: '2.8', cluster: false, label: 'Redis 2.8 单机' },
  6: { type: 6, engine: 'Redis', version: '4.0', cluster: false, label: 'Redis 4.0 标准架构' },
  7: { type: 7, engine: 'Redis', version: '4.0', cluster: true, label: 'Redis 4.0 集群架构' },
  8: { type: 8, engine: 'Redis', version: '5.0', cluster: false, label: 'Redis 5.0 标准架构' },
  9: { type: 9, engine: 'Redis', version: '5.0', cluster: true, label: 'Redis 5.0 集群架构' },
  15: { type: 15, engine: 'Redis', version: '6.2', cluster: false, label: 'Redis 6.2 标准架构' },
  16: { type: 16, engine: 'Redis', version: '6.2', cluster: true, label: 'Redis 6.2 集群架构' },
  17: { type: 17, engine: 'Redis', version: '7.0', cluster: false, label: 'Redis 7.0 标准架构' },
  18: { type: 18, engine: 'Redis', version: '7.0', cluster: true, label: 'Redis 7.0 集群架构' },
};

export function typeInfo(type: number): TypeInfo {
  return TYPES[type] ?? { type, engine: 'Redis', version: 'unknown', cluster: false, label: `Type ${type}` };
}

/** API 3.0 Status values (reference §3.1). */
export const InstanceStatus = {
  ToBeInitialized: 0,
  InProcess: 1,
  Running: 2,
  Isolated: -2,
  ToBeDeleted: -3,
} as const;
export type InstanceStatusCode = (typeof InstanceStatus)[keyof typeof InstanceStatus];

export const STATUS_TITLE: Readonly<Record<number, string>> = {
  0: '待初始化',
  1: '流程中',
  2: '运行中',
  [-2]: '已隔离',
  [-3]: '待删除',
};
