// Types for tests; the module is plain JavaScript, run by the security gate.
export function electronCurrency(
  pinned: string,
  versions: readonly string[],
  supportedMajors?: number,
): { ok: boolean; problems: string[]; supported: number[]; newestInMajor: string };
export function registryVersions(): string[] | undefined;
