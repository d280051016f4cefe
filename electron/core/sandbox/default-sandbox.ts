/** The sandbox the app starts for "Explore with the built-in sandbox": the demo seed, with real Redis when installed. */
import { existsSync } from 'node:fs';
import { startSandbox } from '../../../sandbox/index';
import type { StartedSandbox } from './sandbox-launcher';

const DEMO_REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'];

export async function startDemoSandbox(): Promise<StartedSandbox> {
  const redis = [
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    '/opt/homebrew/bin/redis-server',
  ].some((p) => existsSync(p));
  const sandbox = await startSandbox({ port: 0, seed: 'demo', redis });
  return {
    url: sandbox.url,
    credentials: sandbox.credentials,
    regions: DEMO_REGIONS,
    stop: () => sandbox.stop(),
  };
}
