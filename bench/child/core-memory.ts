/**
 * Runs in its own process so its RSS is the core's alone: a core lists a 100,000-instance fleet from the
 * sandbox whose URL it is given, then reads the fleet back from its cache, and prints its memory as JSON.
 * bench/footprint.ts bundles this file first and runs it with plain `node`, as the shipped app runs.
 */

import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { startBenchCore } from '../lib/bench-core';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
/** Long enough for V8's memory reducer, which runs about 8 s after a burst of allocation ends. */
const IDLE_MS = 12_000;

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
  // Only the count is kept: the refresh's answer is the renderer's once sent, and a running core does not
  // hold it (the benchmark's own reference would count a second copy of the fleet against the core).
  const listedCount = (await app.value('fleet:refresh', { profileId: app.profile.id })).instances.length;
  // The first read waits for the refresh's cache write to land; the second is the read alone, the core's
  // part of the app's first render from the cache (file read, JSON.parse, shape check).
  await app.value('fleet:cached', { profileId: app.profile.id });
  const readStarted = performance.now();
  // The renderer asks for the cached fleet at start-up; hold it as a running core serving it would.
  const cached = await app.value('fleet:cached', { profileId: app.profile.id });
  const cachedMs = performance.now() - readStarted;
  gc?.();
  const afterGc = process.memoryUsage();
  // Then idle, as a running core sits between a DBA's actions: V8's memory reducer gives back heap pages
  // some seconds after the work stops. The figure right after the forced GC is reported too.
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  gc?.();
  const settled = process.memoryUsage();
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify({
      instances: listedCount,
      cachedInstances: cached.instances.length,
      baselineRssMb: mb(baseline),
      peakRssMb: mb(Math.max(peak, settled.rss)),
      afterGcRssMb: mb(afterGc.rss),
      settledRssMb: mb(settled.rss),
      heapUsedMb: mb(settled.heapUsed),
      heapTotalMb: mb(settled.heapTotal),
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
