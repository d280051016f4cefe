// Types for tests; the module itself is plain JavaScript because it runs before node_modules exists.
export function candidateNodeDirs(execPath?: string): string[];
export function headerVersion(dir: string): string | undefined;
export function nodeGypEnv(
  env?: Record<string, string | undefined>,
  options?: { dirs?: string[]; version?: string },
): { env: Record<string, string | undefined>; nodedir: string | undefined; advice: string | undefined };
