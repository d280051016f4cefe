/**
 * Footprint: the core's memory with 100,000 instances listed and cached (measured in a child process, so
 * the figure is the core's own RSS), and the renderer's JavaScript as shipped, gzipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startRemoteSandbox } from './lib/remote-sandbox';
import { type Bench, type Figure, target } from './lib/results';

const root = join(import.meta.dirname, '..');

interface MemoryReport {
  instances: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** Right after the listing, the cached read and a forced GC. */
  afterGcRssMb: number;
  /** Idle: 12 s later and another GC, once V8's memory reducer has given back heap pages. */
  settledRssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** `fleet:cached` once the cache is on disk: read, JSON.parse and shape check of every instance. */
  cachedMs: number;
}

/**
 * The child as one JavaScript file: the shipped app runs bundled JavaScript, while `node --import tsx`
 * would add the TypeScript loader (about 100 MB of RSS) to the core's figure.
 */
function bundleChild(outDir: string): string {
  const out = join(outDir, 'core-memory.mjs');
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const result = spawnSync(
    esbuild,
    [
      join(root, 'bench/child/core-memory.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      `--outfile=${out}`,
      // Native; session-memory secrets are used here, so it is never loaded.
      '--external:keytar',
      // Bundled CommonJS dependencies call require().
      "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      '--log-level=warning',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`bundling the memory child failed: ${result.stderr}`);
  return out;
}

async function coreMemory(size: number): Promise<MemoryReport> {
  const outDir = mkdtempSync(join(tmpdir(), 'crs-bench-bundle-'));
  const sandbox = await startRemoteSandbox(['--seed', `fleet:${size}`]);
  try {
    const child = spawn(process.execPath, ['--expose-gc', bundleChild(outDir), sandbox.url], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the memory child exited with ${code}`);
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as MemoryReport;
  } finally {
    await sandbox.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every .js file of the built renderer (out/renderer), each gzipped at level 9 as a server would. */
export function rendererJsGzipKb(): { raw: number; gzip: number; files: number } {
  const files = filesUnder(join(root, 'out/renderer')).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw: Math.round(raw / 1024), gzip: Math.round(gzip / 1024), files: files.length };
}

export const footprint: Bench = async ({ quick, log }) => {
  const figures: Figure[] = [];
  const size = quick ? 10_000 : 100_000;
  const memory = await coreMemory(size);
  log(`core memory at ${size}: ${JSON.stringify(memory)}`);
  const label = `core RSS, ${size.toLocaleString('en-US')} instances listed + cached`;
  figures.push(
    {
      name: `${label}, idle (GC, 12 s later, GC)`,
      value: memory.settledRssMb,
      unit: 'MB',
      ...(size === 100_000 ? { target: target('≤ 300 MB', memory.settledRssMb <= 300) } : {}),
    },
    { name: `${label}, right after the work (GC)`, value: memory.afterGcRssMb, unit: 'MB' },
    { name: `${label} (peak)`, value: memory.peakRssMb, unit: 'MB' },
    { name: `${label} (JS heap, idle)`, value: memory.heapUsedMb, unit: 'MB' },
    { name: `${label} (V8 heap committed, idle)`, value: memory.heapTotalMb, unit: 'MB' },
    { name: `${label} (baseline before listing)`, value: memory.baselineRssMb, unit: 'MB' },
    {
      name: `core fleet:cached, ${size.toLocaleString('en-US')} instances (read + parse + check)`,
      value: memory.cachedMs,
      unit: 'ms',
    },
  );
  const js = rendererJsGzipKb();
  figures.push({
    name: `renderer JavaScript (${js.files} files, ${js.raw} KB raw)`,
    value: js.gzip,
    unit: 'KB gzipped',
    target: target('≤ 300 KB', js.gzip <= 300),
  });
  return figures;
};
