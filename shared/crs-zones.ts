/**
 * Names for the numeric zone ids CRS answers with (`InstanceSet.ZoneId`, e.g. 100002).
 *
 * The ids and Chinese names are the table of Tencent Cloud's zone-id page, DescribeAvailabilityZones of the
 * CVM API (https://cloud.tencent.com/doc/api/229/1286, "可用区 ID 列表"); the Redis v2 DescribeRedisZones answer
 * uses the same ids (https://cloud.tencent.com/document/product/237/4951: `"100002": "广州二区"`). The API zone
 * names (`ap-guangzhou-2`) follow the pairing Tencent documents for zones ("广州三区 ap-guangzhou-3", "上海四区
 * ap-shanghai-4": https://cloud.tencent.com/document/product/1363/50799; ZoneInfo of DescribeZones,
 * https://www.tencentcloud.com/document/api/1271/71927). An id outside this table is shown as "zone <id>": a
 * guessed name could place an instance in the wrong data centre, and the id's last digit is not the zone's
 * number everywhere (an official tccli example of cdwpg DescribeInstances pairs ZoneId 800005 with
 * ap-beijing-6).
 */
export interface ZoneName {
  /** The API zone name; absent where Tencent documents none. */
  api?: string;
  zh: string;
}

export const CRS_ZONES: ReadonlyMap<number, ZoneName> = new Map([
  [100001, { api: 'ap-guangzhou-1', zh: '广州一区' }],
  [100002, { api: 'ap-guangzhou-2', zh: '广州二区' }],
  [100003, { api: 'ap-guangzhou-3', zh: '广州三区' }],
  [100004, { api: 'ap-guangzhou-4', zh: '广州四区' }],
  // Not in the CVM table; from the official tccli example of CFS DescribeAvailableZoneInfo, whose answer pairs
  // "Zone": "ap-guangzhou-6", "ZoneId": 100006, "ZoneName": "广州六区".
  [100006, { api: 'ap-guangzhou-6', zh: '广州六区' }],
  [200001, { api: 'ap-shanghai-1', zh: '上海一区' }],
  [200002, { api: 'ap-shanghai-2', zh: '上海二区' }],
  // Not in the CVM table; from the official tccli example of CDC DescribeDedicatedSupportedZones, whose answer
  // pairs each of ap-shanghai-1 … ap-shanghai-7 with 200001 … 200007 and 上海一区 … 上海七区.
  [200003, { api: 'ap-shanghai-3', zh: '上海三区' }],
  [200004, { api: 'ap-shanghai-4', zh: '上海四区' }],
  [200005, { api: 'ap-shanghai-5', zh: '上海五区' }],
  [200006, { api: 'ap-shanghai-6', zh: '上海六区' }],
  [200007, { api: 'ap-shanghai-7', zh: '上海七区' }],
  [300001, { api: 'ap-hongkong-1', zh: '香港一区' }],
  [700001, { api: 'ap-shanghai-fsi-1', zh: '上海金融一区' }],
  [700002, { api: 'ap-shanghai-fsi-2', zh: '上海金融二区' }],
  [800001, { api: 'ap-beijing-1', zh: '北京一区' }],
  [800002, { api: 'ap-beijing-2', zh: '北京二区' }],
  [900001, { api: 'ap-singapore-1', zh: '新加坡一区' }],
  [110001, { api: 'ap-shenzhen-fsi-1', zh: '深圳金融一区' }],
  [110002, { api: 'ap-shenzhen-fsi-2', zh: '深圳金融二区' }],
  [120001, { zh: '广州 Open 专区' }],
  [150001, { api: 'na-siliconvalley-1', zh: '硅谷一区' }],
  [160001, { api: 'ap-chengdu-1', zh: '成都一区' }],
  [160002, { api: 'ap-chengdu-2', zh: '成都二区' }],
  [170001, { api: 'eu-frankfurt-1', zh: '法兰克福一区' }],
  [180001, { api: 'ap-seoul-1', zh: '首尔一区' }],
]);

/**
 * A zone as the UI names it: the API name in English ("ap-guangzhou-2"), the console's name in Chinese
 * ("广州二区"); an id the table does not hold is named by its number, never guessed.
 */
export function zoneLabel(zoneId: number, language: 'en' | 'zh'): string {
  const zone = CRS_ZONES.get(zoneId);
  if (language === 'zh') return zone ? zone.zh : `可用区 ${zoneId}`;
  return zone?.api ?? `zone ${zoneId}`;
}
