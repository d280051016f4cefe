// Every region of the SDK's region list answers, over both protocols, with the instances fleet:N put there
// and the RegionId the catalog gives it; a region outside the list is refused as the cloud refuses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, type RunningSandbox, startSandbox } from '../../../sandbox/index.js';
import { findRegion } from '../../../sandbox/state/catalog.js';
import { SDK_REGIONS } from '../../../shared/crs-regions.js';
import { callLegacy, callV3, errorCode } from './helpers.js';

let sandbox: RunningSandbox;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  // Two instances per region.
  sandbox = await startSandbox({ seed: `fleet:${SDK_REGIONS.length * 2}`, clock });
});
afterAll(async () => {
  await sandbox.stop();
});

/** Past the per-second rate limit window before each call, so 22 regions in a row are not throttled. */
function nextSecond(): void {
  clock.advance(1100);
}

describe('regions', () => {
  it('every SDK region lists its own instances through API 3.0', async () => {
    for (const region of SDK_REGIONS) {
      nextSecond();
      const reply = await callV3(sandbox.url, 'DescribeInstances', { Limit: 100 }, { region });
      expect(errorCode(reply), region).toBeUndefined();
      const rows = reply.json.InstanceSet as Array<{ Region: string; RegionId: number }>;
      expect(rows.length, region).toBe(2);
      for (const row of rows) {
        expect(row).toMatchObject({ Region: region, RegionId: findRegion(region)?.regionId });
      }
    }
  });

  it('every SDK region lists its own instances through the legacy API', async () => {
    for (const region of SDK_REGIONS) {
      nextSecond();
      const reply = await callLegacy(sandbox.url, 'DescribeRedis', { limit: '100', offset: '0' }, { region });
      expect(reply.code, region).toBe(0);
      expect(String(reply.totalCount), region).toBe('2');
    }
  });

  it.each(['ap-mars', 'ap-shenzhen', 'gz', 'AP-GUANGZHOU'])(
    'refuses %s with UnsupportedRegion',
    async (region) => {
      nextSecond();
      const reply = await callV3(sandbox.url, 'DescribeInstances', {}, { region });
      expect(errorCode(reply)).toBe('UnsupportedRegion');
    },
  );
});
