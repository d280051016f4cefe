import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { ProfileService } from '../../../electron/core/profiles/profile-service';
import { SandboxLauncher, type StartedSandbox } from '../../../electron/core/sandbox/sandbox-launcher';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { memoryDocument } from '../../support/core-harness';

function setUp() {
  const logger = createMemoryLogger();
  const profiles = new ProfileService({
    store: memoryDocument(),
    secrets: new MemorySecretStore(),
    now: () => 0,
    logger,
  });
  const ports: Array<number | undefined> = [];
  let next = 41000;
  const launcher = new SandboxLauncher({
    profiles,
    logger,
    start: async (preferred): Promise<StartedSandbox> => {
      ports.push(preferred);
      const port = preferred ?? next++;
      return {
        url: `http://127.0.0.1:${port}/`,
        credentials: { secretId: 'AKIDsandbox', secretKey: 'sandbox-key' },
        regions: ['ap-guangzhou'],
        stop: async () => undefined,
      };
    },
  });
  return { launcher, profiles, ports };
}

describe('the built-in sandbox across restarts', () => {
  it('starts again at launch for the profile last in use, on its old port', async () => {
    const { launcher, profiles, ports } = setUp();
    const profile = await launcher.start();
    await launcher.stop();
    expect(launcher.running).toBe(false);
    await profiles.create({
      name: 'prod',
      secretId: 'AKIDx',
      secretKey: 'k',
      generation: 'v3',
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'production',
    });
    expect(await launcher.resumeAtLaunch(profile.id)).toBe(true);
    expect(launcher.running).toBe(true);
    expect(ports).toEqual([undefined, 41000]);
    expect(profiles.get(profile.id).endpoint).toBe('http://127.0.0.1:41000');
  });

  it('starts for the only profile, but not when another profile was in use', async () => {
    const { launcher, profiles } = setUp();
    const sandbox = await launcher.start();
    await launcher.stop();
    expect(await launcher.resumeAtLaunch(undefined)).toBe(true);
    await launcher.stop();
    const other = await profiles.create({
      name: 'prod',
      secretId: 'AKIDx',
      secretKey: 'k',
      generation: 'v3',
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'production',
    });
    expect(await launcher.resumeAtLaunch(other.id)).toBe(false);
    expect(launcher.running).toBe(false);
    expect(launcher.profile()?.id).toBe(sandbox.id);
  });

  it('does nothing when no sandbox profile exists', async () => {
    const { launcher, ports } = setUp();
    expect(await launcher.resumeAtLaunch(undefined)).toBe(false);
    expect(ports).toEqual([]);
  });
});
