/** The sandbox the app starts for "Explore with the built-in sandbox": the demo seed, with real Redis when installed. */
import { existsSync } from 'node:fs';
import { startSandbox } from '../../sandbox/index';
import { SDK_REGIONS } from '../../shared/crs-regions';
import type { StartedSandbox } from '../core/sandbox/sandbox-launcher';

/** Where the demo seed puts its instances (sandbox/README.md). */
const DEMO_SEED_REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'];

/**
 * The sandbox profile scans every region of the SDK's region list (shared/crs-regions.ts), as the sandbox
 * answers each of them; the demo seed's regions come first, so Guangzhou stays the default region.
 */
export const SANDBOX_PROFILE_REGIONS: readonly string[] = [
  ...new Set([...DEMO_SEED_REGIONS, ...SDK_REGIONS]),
];

/**
 * Starts the demo sandbox on `preferredPort` when it is free (so the built-in profile keeps working after a
 * restart), else on any free port; the launcher then points the profile at it.
 */
export async function startDemoSandbox(preferredPort?: number): Promise<StartedSandbox> {
  const redis = [
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    '/opt/homebrew/bin/redis-server',
  ].some((p) => existsSync(p));
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ port: preferredPort ?? 0, seed: 'demo', redis });
  } catch (error) {
    if (preferredPort === undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    sandbox = await startSandbox({ port: 0, seed: 'demo', redis });
  }
  return {
    url: sandbox.url,
    credentials: sandbox.credentials,
    regions: [...SANDBOX_PROFILE_REGIONS],
    stop: () => sandbox.stop(),
  };
}
