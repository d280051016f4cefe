// Types for the TypeScript side; the module is plain JavaScript because the launcher runs before node_modules.
export const startUsage: string;
export function wantsHelp(argv: readonly string[]): boolean;
