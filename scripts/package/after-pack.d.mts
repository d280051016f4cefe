// Types for tests; the module is plain JavaScript, loaded by electron-builder.
export function packedBinary(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): string;
export function applyFuses(
  binary: string,
  config?: Record<string, unknown>,
): Promise<Record<string, number | string>>;
export default function afterPack(context: unknown): Promise<void>;
