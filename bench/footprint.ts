/**
 * Footprint: the core's memory with 100,000 instances listed and cached (measured in a child process, so
 * the figure is the core's own RSS), and the renderer's JavaScript as shipped, gzipped.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startRemoteSandbox } from './lib/remote-sandbox';
import { type Bench, type Figure, target } from './lib/results';

const root = join(import.meta.dirname, '..');

interface MemoryReport {
  instances: number;
  baselineRssMb: number;
  peakRssMb: number;
  settledRssMb: number;
  heapUsedMb: number;
}

async function coreMemory(size: number): Promise<MemoryReport> {
  const sandbox = await startRemoteSandbox(['--seed', `fleet:${size}`]);
  try {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(root, 'bench/child/core-memory.ts'), sandbox.url],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the memory child exited with ${code}`);
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as MemoryReport;
  } finally {
    await sandbox.stop();
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
      name: `${label} (after GC)`,
      value: memory.settledRssMb,
      unit: 'MB',
      ...(size === 100_000 ? { target: target('≤ 300 MB', memory.settledRssMb <= 300) } : {}),
    },
    { name: `${label} (peak)`, value: memory.peakRssMb, unit: 'MB' },
    { name: `${label} (JS heap after GC)`, value: memory.heapUsedMb, unit: 'MB' },
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
