// electron-builder's afterPack hook: flips the fuses of fuses.mjs in the packed Electron binary, then reads them
// back, so a package whose fuses did not take is never produced.
import { join } from 'node:path';
import { FuseState, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { fuseConfig } from './fuses.mjs';

/** Where electron-builder put the Electron executable for this platform. */
export function packedBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? name);
  }
}

/** Flips the configured fuses in BINARY and checks every one of them reads back as configured. */
export async function applyFuses(
  binary,
  config = fuseConfig({ forTests: process.env.CRS_PACKAGE_FOR_TESTS === '1' }),
) {
  await flipFuses(binary, config);
  const wire = await getCurrentFuseWire(binary);
  const wrong = Object.entries(config)
    .filter(([key]) => /^\d+$/.test(key))
    .filter(([key, on]) => wire[key] !== (on ? FuseState.ENABLE : FuseState.DISABLE))
    .map(([key]) => key);
  if (wrong.length > 0) throw new Error(`Fuses did not take in ${binary}: ${wrong.join(', ')}`);
  return wire;
}

export default async function afterPack(context) {
  await applyFuses(packedBinary(context));
}
