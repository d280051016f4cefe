// Types for tests; the module is plain JavaScript because it runs before node_modules exists.
export function ensureNodeModules(root: string): Promise<{ hash: string; electronFetched: boolean }>;
export function electronBinary(root: string): string | undefined;
export function withProgress<T>(
  what: string,
  work: () => Promise<T>,
  options?: { everyMs?: number; say?: (line: string) => void },
): Promise<T>;
