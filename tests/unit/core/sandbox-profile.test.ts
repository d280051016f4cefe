// The built-in sandbox profile scans every region of the SDK's region list, Guangzhou (the demo's first
// region) first, and every SDK region is a region a profile accepts.
import { describe, expect, it } from 'vitest';
import { SANDBOX_PROFILE_REGIONS } from '../../../electron/boot/demo-sandbox';
import { SDK_REGIONS } from '../../../shared/crs-regions';
import { RegionSchema } from '../../../shared/profiles';

describe('regions of the built-in sandbox profile', () => {
  it('are every SDK region, once each, the demo seed’s first', () => {
    expect([...SANDBOX_PROFILE_REGIONS].sort()).toEqual([...SDK_REGIONS].sort());
    expect(SANDBOX_PROFILE_REGIONS.slice(0, 3)).toEqual(['ap-guangzhou', 'ap-shanghai', 'ap-beijing']);
  });

  it.each(SDK_REGIONS)('%s is a valid profile region', (region) => {
    expect(RegionSchema.safeParse(region).success).toBe(true);
  });
});
