/**
 * The regions of Tencent Cloud's official SDK region list: the Go SDK's `tencentcloud/common/regions/regions.go`
 * (TencentCloud/tencentcloud-sdk-go, commit c522e3f80a1a2b0e1f07dd1bfaeff9b29f7cdde0), in that file's order.
 * It is the SDKs' list of public regions, not a statement that CRS is sold in each of them; an account's
 * instances can only be in regions of this list (finance regions `-fsi` need their own endpoint).
 */
export const SDK_REGIONS = [
  'ap-bangkok',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-guangzhou',
  'ap-guangzhou-open',
  'ap-hongkong',
  'ap-jakarta',
  'ap-mumbai',
  'ap-seoul',
  'ap-shanghai',
  'ap-nanjing',
  'ap-shanghai-fsi',
  'ap-shenzhen-fsi',
  'ap-singapore',
  'ap-tokyo',
  'eu-frankfurt',
  'eu-moscow',
  'na-ashburn',
  'na-siliconvalley',
  'na-toronto',
  'sa-saopaulo',
] as const;

export type SdkRegion = (typeof SDK_REGIONS)[number];

export const isSdkRegion = (region: string): region is SdkRegion =>
  (SDK_REGIONS as readonly string[]).includes(region);
