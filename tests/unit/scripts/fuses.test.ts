/**
 * The packaged app's fuses. No Electron binary can be downloaded here, so the hook runs on a file that carries
 * the fuse wire the way Electron's binary does (sentinel, version, length, one byte per fuse) and is read back
 * with @electron/fuses, exactly as in a real package.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { applyFuses, packedBinary } from '../../../scripts/package/after-pack.mjs';
import { fuseConfig } from '../../../scripts/package/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in binary whose fuse wire has `length` fuses, all in Electron's shipped defaults ('1' on, '0' off). */
function fakeBinary(length: number): string {
  const defaults = Buffer.from('1100111101010'.slice(0, length), 'latin1');
  const file = join(mkdtempSync(join(tmpdir(), 'crs-fuses-')), 'CRS Restore Desk');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, length]),
      defaults,
      Buffer.alloc(512),
    ]),
  );
  return file;
}

describe('packaged fuses', () => {
  it('configure every fuse, with the policy docs/SECURITY.md states', () => {
    const config = fuseConfig();
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    // A test build differs only in the inspector fuse Playwright's _electron needs.
    const forTests = fuseConfig({ forTests: true });
    expect({ ...forTests, [FuseV1Options.EnableNodeCliInspectArguments]: false }).toEqual(config);
  });

  it('are flipped in the binary and read back', async () => {
    const binary = fakeBinary(9);
    const wire = await applyFuses(binary, fuseConfig());
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(readFileSync(binary).includes(Buffer.from(SENTINEL))).toBe(true);
  });

  it('refuse a binary with a fuse the configuration has not decided', async () => {
    await expect(applyFuses(fakeBinary(10), fuseConfig())).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('find the packed executable per platform', () => {
    const packager = { appInfo: { productFilename: 'CRS Restore Desk' }, executableName: 'crs-restore-desk' };
    expect(packedBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      '/o/crs-restore-desk',
    );
    expect(packedBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      '/o/CRS Restore Desk.exe',
    );
    expect(packedBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      '/o/CRS Restore Desk.app',
    );
  });
});
