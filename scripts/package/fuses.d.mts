// Types for tests; the module is plain JavaScript, loaded by electron-builder.
export function fuseConfig(options?: { forTests?: boolean }): Record<string, unknown> & { version: string };
