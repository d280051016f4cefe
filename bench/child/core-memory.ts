/**
 * Runs in its own process so its RSS is the core's alone: a core lists a 100,000-instance fleet from the
 * sandbox whose URL it is given, then reads the fleet back from its cache, and prints its memory as JSON.
 * bench/footprint.ts bundles this file first and runs it with plain `node`, as the shipped app runs.
 */

import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { startBenchCore } from '../lib/bench-core';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: core-memory.ts SANDBOX_URL');
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const app = await startBenchCore({
    url,
    credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
  });
  const listed = await app.value('fleet:refresh', { profileId: app.profile.id });
  // The first read waits for the refresh's cache write to land; the second is the read alone, the core's
  // part of the app's first render from the cache (file read, JSON.parse, shape check).
  await app.value('fleet:cached', { profileId: app.profile.id });
  const readStarted = performance.now();
  // The renderer asks for the cached fleet at start-up; hold it as a running core serving it would.
  const cached = await app.value('fleet:cached', { profileId: app.profile.id });
  const cachedMs = performance.now() - readStarted;
  gc?.();
  const settled = process.memoryUsage();
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify({
      instances: listed.instances.length,
      cachedInstances: cached.instances.length,
      baselineRssMb: mb(baseline),
      peakRssMb: mb(Math.max(peak, settled.rss)),
      settledRssMb: mb(settled.rss),
      heapUsedMb: mb(settled.heapUsed),
      cachedMs: Math.round(cachedMs),
    })}\n`,
  );
  await app.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
