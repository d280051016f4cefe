// Static facts about regions and instance types. Regions: every region of the official SDK region list
// (shared/crs-regions.ts); RegionId numbers as sourced below. Types: every code of the InstanceSet.Type
// comment of the Node SDK 4.1.313 (redis_models.d.ts), with its engine, version and architecture.
import { SDK_REGIONS, type SdkRegion } from '../../shared/crs-regions.js';

/** Where a region's RegionId number comes from (see REGION_FACTS). */
export type RegionIdSource = 'sdk' | 'older-sdk' | 'tencent-numbering' | 'none';

export interface RegionInfo {
  name: SdkRegion;
  regionId: number;
  regionIdSource: RegionIdSource;
  /** Legacy v2 short code (`gz`, `sh`, …), accepted as the Region common parameter. */
  short?: string;
  /** Sandbox zone ids: plausible, not checked against an account. */
  zones: readonly number[];
  /** Second octet of the fake private VIPs, so addresses differ per region. */
  ipOctet: number;
}

type RegionFact = Omit<RegionInfo, 'name' | 'zones'> & { zones?: readonly number[] };

/**
 * RegionId sources:
 * - `sdk`: the InstanceSet.RegionId comment of tencentcloud-sdk-nodejs 4.1.313 (redis_models.d.ts).
 * - `older-sdk`: earlier releases of that same comment: 6 Toronto (also the legacy DescribeRedis doc,
 *   reference §1.5), 21 Mumbai (TencentCloud/tencentcloud-sdk-php
 *   src/TencentCloud/Redis/V20180412/Models/InstanceSet.php), 24 Moscow (older SDK releases found by
 *   code search, not pinned to one file).
 * - `tencent-numbering`: not in any CRS model; Tencent's shared region numbering as the same SDK
 *   4.1.313 documents it for CLS (cls_models.d.ts, DashboardTopicInfo.Region: 33 Nanjing, 72 Jakarta,
 *   74 São Paulo), which agrees with the CRS list on every region both name.
 * - `none`: no published number; 0 is no region's number, so a client mapping it back finds no region
 *   rather than a wrong one.
 * Short codes: the five the sandbox always accepted, plus `hk` and `ca` (Toronto) from the older English
 * common-parameters page (reference §1.1); the rest have none.
 */
const REGION_FACTS: Readonly<Record<SdkRegion, RegionFact>> = {
  'ap-guangzhou': {
    regionId: 1,
    regionIdSource: 'sdk',
    short: 'gz',
    ipOctet: 1,
    zones: [100003, 100004, 100006],
  },
  'ap-shanghai': {
    regionId: 4,
    regionIdSource: 'sdk',
    short: 'sh',
    ipOctet: 4,
    zones: [200002, 200003, 200004],
  },
  'ap-hongkong': { regionId: 5, regionIdSource: 'sdk', short: 'hk', ipOctet: 5, zones: [300001, 300002] },
  'na-toronto': { regionId: 6, regionIdSource: 'older-sdk', short: 'ca', ipOctet: 6 },
  'ap-shanghai-fsi': { regionId: 7, regionIdSource: 'sdk', ipOctet: 7 },
  'ap-beijing': {
    regionId: 8,
    regionIdSource: 'sdk',
    short: 'bj',
    ipOctet: 8,
    zones: [800002, 800003, 800005],
  },
  'ap-singapore': { regionId: 9, regionIdSource: 'sdk', short: 'sg', ipOctet: 9, zones: [900001, 900002] },
  'ap-shenzhen-fsi': { regionId: 11, regionIdSource: 'sdk', ipOctet: 11 },
  'ap-guangzhou-open': { regionId: 0, regionIdSource: 'none', ipOctet: 12, zones: [120001] },
  'na-siliconvalley': { regionId: 15, regionIdSource: 'sdk', ipOctet: 15 },
  'ap-chengdu': { regionId: 16, regionIdSource: 'sdk', short: 'cd', ipOctet: 16, zones: [160001, 160002] },
  'eu-frankfurt': { regionId: 17, regionIdSource: 'sdk', ipOctet: 17 },
  'ap-seoul': { regionId: 18, regionIdSource: 'sdk', ipOctet: 18 },
  'ap-chongqing': { regionId: 19, regionIdSource: 'sdk', ipOctet: 19 },
  'ap-mumbai': { regionId: 21, regionIdSource: 'older-sdk', ipOctet: 21 },
  'na-ashburn': { regionId: 22, regionIdSource: 'sdk', ipOctet: 22 },
  'ap-bangkok': { regionId: 23, regionIdSource: 'sdk', ipOctet: 23 },
  'eu-moscow': { regionId: 24, regionIdSource: 'older-sdk', ipOctet: 24 },
  'ap-tokyo': { regionId: 25, regionIdSource: 'sdk', ipOctet: 25 },
  'ap-nanjing': { regionId: 33, regionIdSource: 'tencent-numbering', ipOctet: 33 },
  'ap-jakarta': { regionId: 72, regionIdSource: 'tencent-numbering', ipOctet: 72 },
  'sa-saopaulo': { regionId: 74, regionIdSource: 'tencent-numbering', ipOctet: 74 },
};

/** Every SDK region, in the SDK list's order. */
export const REGIONS: readonly RegionInfo[] = SDK_REGIONS.map((name) => {
  const fact = REGION_FACTS[name];
  return { ...fact, name, zones: fact.zones ?? [fact.regionId * 10_000 + 1, fact.regionId * 10_000 + 2] };
});

const REGION_BY_NAME = new Map<string, RegionInfo>();
for (const region of REGIONS) {
  REGION_BY_NAME.set(region.name, region);
  if (region.short) REGION_BY_NAME.set(region.short, region);
}

/** Resolves an API 3.0 region name or a legacy short code. */
export function findRegion(name: string): RegionInfo | undefined {
  return REGION_BY_NAME.get(name);
}

/** 标准架构, 集群架构, or 单机 (a single node, Type 5). */
export type Architecture = 'standard' | 'cluster' | 'single-node';

export interface TypeInfo {
  type: number;
  engine: 'Redis' | 'CKV' | 'Valkey' | 'Memcached';
  version: string;
  architecture: Architecture;
  cluster: boolean;
  /** The SDK comment's wording for the code, e.g. `Redis 6.2 内存版（标准架构）`. */
  label: string;
}

const ARCHITECTURE_TEXT: Readonly<Record<Architecture, string>> = {
  standard: '标准架构',
  cluster: '集群架构',
  'single-node': '单机',
};

function type(
  code: number,
  engine: TypeInfo['engine'],
  version: string,
  architecture: Architecture,
): TypeInfo {
  const label = `${engine} ${version} 内存版（${ARCHITECTURE_TEXT[architecture]}）`;
  return { type: code, engine, version, architecture, cluster: architecture === 'cluster', label };
}

/**
 * InstanceSet.Type of SDK 4.1.313. 19/21 and 20/22 read the same there (Valkey 8.0 standard / cluster);
 * the SDK says no more about how they differ.
 */
export const TYPES: Readonly<Record<number, TypeInfo>> = {
  2: type(2, 'Redis', '2.8', 'standard'),
  3: type(3, 'CKV', '3.2', 'standard'),
  4: type(4, 'CKV', '3.2', 'cluster'),
  5: type(5, 'Redis', '2.8', 'single-node'),
  6: type(6, 'Redis', '4.0', 'standard'),
  7: type(7, 'Redis', '4.0', 'cluster'),
  8: type(8, 'Redis', '5.0', 'standard'),
  9: type(9, 'Redis', '5.0', 'cluster'),
  15: type(15, 'Redis', '6.2', 'standard'),
  16: type(16, 'Redis', '6.2', 'cluster'),
  17: type(17, 'Redis', '7.0', 'standard'),
  18: type(18, 'Redis', '7.0', 'cluster'),
  19: type(19, 'Valkey', '8.0', 'standard'),
  20: type(20, 'Valkey', '8.0', 'cluster'),
  21: type(21, 'Valkey', '8.0', 'standard'),
  22: type(22, 'Valkey', '8.0', 'cluster'),
  200: type(200, 'Memcached', '1.6', 'cluster'),
};

/** Every Type code, ascending. */
export const TYPE_CODES: readonly number[] = Object.keys(TYPES)
  .map(Number)
  .sort((a, b) => a - b);

export function typeInfo(type: number): TypeInfo {
  return (
    TYPES[type] ?? {
      type,
      engine: 'Redis',
      version: 'unknown',
      architecture: 'standard',
      cluster: false,
      label: `Type ${type}`,
    }
  );
}

/** API 3.0 Status values: every code of the InstanceSet.Status comment of SDK 4.1.313 (reference §3.1). */
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
