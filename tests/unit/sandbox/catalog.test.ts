// The sandbox's catalog against the official SDK's own text: every instance Type code and Status code the
// SDK documents for InstanceSet, with the engine, version and architecture it names, and every region of
// the SDK region list with the RegionId the SDK gives it.
import { describe, expect, it } from 'vitest';
import {
  findRegion,
  InstanceStatus,
  REGIONS,
  STATUS_TITLE,
  TYPE_CODES,
  TYPES,
  typeInfo,
} from '../../../sandbox/state/catalog.js';
import { SDK_REGIONS } from '../../../shared/crs-regions.js';
import { enumCodes, SDK_VERSION } from './sdk-model-text.js';

const ARCHITECTURE: Readonly<Record<string, string>> = {
  标准架构: 'standard',
  集群架构: 'cluster',
  单机: 'single-node',
};

/**
 * The region names of the InstanceSet.RegionId comment, as the Go SDK's regions.go names each region in
 * its comments (美西/美东 add the coast). A name not here fails the test below, to be added by hand.
 */
const REGION_OF_NAME: Readonly<Record<string, string>> = {
  广州: 'ap-guangzhou',
  上海: 'ap-shanghai',
  中国香港: 'ap-hongkong',
  上海金融: 'ap-shanghai-fsi',
  北京: 'ap-beijing',
  新加坡: 'ap-singapore',
  深圳金融: 'ap-shenzhen-fsi',
  '美西（硅谷）': 'na-siliconvalley',
  成都: 'ap-chengdu',
  法兰克福: 'eu-frankfurt',
  首尔: 'ap-seoul',
  重庆: 'ap-chongqing',
  '美东（弗吉尼亚）': 'na-ashburn',
  曼谷: 'ap-bangkok',
  东京: 'ap-tokyo',
};

describe(`the catalog against SDK ${SDK_VERSION}`, () => {
  it('knows every InstanceSet.Type code, with the engine, version and architecture the SDK names', () => {
    const documented = enumCodes('InstanceSet', 'Type');
    expect(documented.size).toBeGreaterThan(0);
    expect(TYPE_CODES).toEqual([...documented.keys()].map(Number).sort((a, b) => a - b));
    for (const [code, text] of documented) {
      const m = /^(\S+) ([\d.]+) 内存版（(.+)）$/.exec(text);
      expect(m, `Type ${code}: ${text}`).not.toBeNull();
      expect(TYPES[Number(code)]).toEqual({
        type: Number(code),
        engine: m?.[1],
        version: m?.[2],
        architecture: ARCHITECTURE[m?.[3] ?? ''],
        cluster: m?.[3] === '集群架构',
        label: text,
      });
    }
  });

  it('says "unknown" for a Type code the SDK does not document', () => {
    expect(typeInfo(99)).toMatchObject({ version: 'unknown', label: 'Type 99' });
  });

  it('knows every InstanceSet.Status code, each with a status text', () => {
    const documented = [...enumCodes('InstanceSet', 'Status').keys()].map(Number);
    expect(new Set(Object.values(InstanceStatus))).toEqual(new Set(documented));
    for (const code of documented) expect(STATUS_TITLE[code]).toBeTruthy();
  });

  it('has every region of the SDK region list, each once', () => {
    expect(REGIONS.map((r) => r.name)).toEqual([...SDK_REGIONS]);
    for (const key of ['regionId', 'ipOctet'] as const) {
      expect(new Set(REGIONS.map((r) => r[key])).size, key).toBe(REGIONS.length);
    }
    const shorts = REGIONS.flatMap((r) => (r.short ? [r.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const r of REGIONS) {
      expect(findRegion(r.name)).toBe(r);
      if (r.short) expect(findRegion(r.short)).toBe(r);
      expect(r.zones.length).toBeGreaterThan(0);
    }
    expect(findRegion('ap-mars')).toBeUndefined();
  });

  it('gives each region the RegionId of the InstanceSet.RegionId comment, and says where the others come from', () => {
    const documented = enumCodes('InstanceSet', 'RegionId');
    expect(documented.size).toBeGreaterThan(0);
    const sdkRegions = new Set<string>();
    for (const [code, name] of documented) {
      const region = REGION_OF_NAME[name];
      expect(region, `RegionId ${code} ${name} is not mapped to a region`).toBeDefined();
      expect(findRegion(region ?? '')?.regionId, name).toBe(Number(code));
      sdkRegions.add(region ?? '');
    }
    // Exactly the documented ones are marked as the SDK's; the others carry another source.
    expect(new Set(REGIONS.filter((r) => r.regionIdSource === 'sdk').map((r) => r.name))).toEqual(sdkRegions);
    // Only a region without any published number has 0.
    for (const r of REGIONS) expect(r.regionId === 0).toBe(r.regionIdSource === 'none');
  });
});
