/**
 * The shared service fakes themselves: each service is built in one line over one world, an unscripted cloud
 * method says so by name, faults are injected once, and the manual clock runs timers only when told.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../shared/profiles';
import { fakeBackup } from '../../fakes/fake-backup-api';
import { backupService, profileService, world } from '../../fakes/services';

const input: ProfileInput = {
  name: 'prod',
  secretId: 'AKIDexample',
  secretKey: 'secret-value-1',
  generation: 'v3',
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
  environment: 'production',
};

describe('tests/fakes/services.ts', () => {
  it('builds the profile service in one line over the in-memory settings and secrets', async () => {
    const w = world();
    const profiles = profileService(w);
    const view = await profiles.create(input);
    expect(view).toMatchObject({ name: 'prod', hasSecret: true });
    expect(w.settings.writes).toBe(1);
    expect(await w.secrets.accounts()).toHaveLength(1);
  });

  it('builds the backup service in one line over the scripted cloud', async () => {
    const w = world();
    const backup = fakeBackup('b1', w.clock.now() - 3_600_000);
    w.cloud.script('describeBackups', async () => ({ total: 1, backups: [backup], statusCoverage: 'all' }));
    const listing = await backupService(w).list({
      profileId: w.profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      span: 7,
    });
    expect(listing.backups.map((b) => b.id)).toEqual(['b1']);
  });

  it('names an unscripted method, injects a fault once, and logs every call', async () => {
    const w = world();
    await expect(w.cloud.api.cloneInstances({} as never)).rejects.toThrow('not scripted: cloneInstances');
    w.cloud
      .queue('inquiryPriceCreateInstance', { price: 1 })
      .failNext('inquiryPriceCreateInstance', new Error('reset'));
    const ask = () => w.cloud.api.inquiryPriceCreateInstance({} as never);
    await expect(ask()).rejects.toThrow('reset');
    await expect(ask()).resolves.toEqual({ price: 1 });
    expect(w.cloud.count('inquiryPriceCreateInstance')).toBe(2);
    expect(w.cloud.calls.map((c) => c.method)).toEqual([
      'cloneInstances',
      'inquiryPriceCreateInstance',
      'inquiryPriceCreateInstance',
    ]);
  });

  it('runs timers only when the clock is moved', async () => {
    const w = world();
    const fired: number[] = [];
    w.clock.setTimer(() => fired.push(w.clock.now()), 5000);
    expect(fired).toEqual([]);
    await w.clock.advance(4999);
    expect(fired).toEqual([]);
    await w.clock.advance(1);
    expect(fired).toHaveLength(1);
  });
});
