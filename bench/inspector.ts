/**
 * The backup inspector on a synthesized RDB of at least 1 GB (lib/rdb-synth.ts): the reader's keys per second
 * against redis's own checker, `redis-check-rdb`, on the same file in the same run (best of two runs each,
 * alternated, so that both meet the same moments of a shared machine); the reader's peak RSS at full and at
 * about a quarter of the size (flat in the file size); a whole inspection (reader + report); and a diff of
 * two such files against one inspection. Each contender runs in a process of its own, bundled like the app.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleChild } from './lib/bundle-child';
import { synthesize } from './lib/rdb-synth';
import { type Bench, target } from './lib/results';
import { round } from './lib/stats';

const CHECKER = process.env.CRS_REDIS_CHECK_RDB ?? 'redis-check-rdb';

interface ChildResult {
  keys: number;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

function run(
  command: string,
  args: readonly string[],
): Promise<{ code: number | null; out: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, ms: performance.now() - started }));
  });
}

async function reader(child: string, mode: string, files: readonly string[]): Promise<ChildResult> {
  const r = await run(process.execPath, [child, mode, ...files]);
  if (r.code !== 0)
    throw new Error(`the inspector child (${mode}) failed: ${r.out.trim().split('\n').pop()}`);
  const line = r.out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{"mode"'))
    .pop();
  return JSON.parse(line ?? '{}') as ChildResult;
}

/** redis-check-rdb's wall time and the key count it reports (`[info] N keys read`). */
async function checker(file: string): Promise<{ ms: number; keys: number }> {
  const r = await run(CHECKER, [file]);
  const keys = /\[info\] (\d+) keys read/.exec(r.out)?.[1];
  if (r.code !== 0 || keys === undefined)
    throw new Error(`${CHECKER} failed: ${r.out.trim().split('\n').pop()}`);
  return { ms: r.ms, keys: Number(keys) };
}

const best = <T extends { ms: number }>(runs: readonly T[]): T =>
  runs.reduce((a, b) => (b.ms < a.ms ? b : a));

export const inspector: Bench = async ({ quick, log }) => {
  const scale = quick ? 0.1 : 1;
  const full = await synthesize(scale, true, log);
  const quarter = await synthesize(scale / 4, false, log);
  const next = full.next as string;
  const gb = statSync(full.base).size / 1e9;
  const outDir = mkdtempSync(join(tmpdir(), 'crs-bench-inspect-'));
  try {
    const child = bundleChild('bench/child/inspect-file.ts', join(outDir, 'inspect-file.mjs'));
    // The diff's worker, built beside the child as the app's main build puts it beside main (diff-threads.ts).
    bundleChild('electron/core/inspector/diff/diff-worker.ts', join(outDir, 'inspect-diff-worker.mjs'));
    const checks: Array<{ ms: number; keys: number }> = [];
    const reads: ChildResult[] = [];
    for (let i = 0; i < 2; i++) {
      checks.push(await checker(full.base));
      reads.push(await reader(child, 'read', [full.base]));
      log(`run ${i + 1}: redis-check-rdb ${round(checks[i]?.ms ?? 0)} ms, reader ${reads[i]?.ms} ms`);
    }
    const check = best(checks);
    const read = best(reads);
    if (check.keys !== read.keys) {
      throw new Error(`redis-check-rdb read ${check.keys} keys, the reader ${read.keys}`);
    }
    const report = await reader(child, 'report', [full.base]);
    const quarterRead = await reader(child, 'read', [quarter.base]);
    const diff = await reader(child, 'diff', [full.base, next]);
    log(
      `report ${report.ms} ms (CPU ${report.cpuMs}); diff ${diff.ms} ms (CPU ${diff.cpuMs}); RSS ${read.peakRssMb} MB (¼ size: ${quarterRead.peakRssMb} MB)`,
    );

    const checkRate = check.keys / (check.ms / 1000);
    const readRate = read.keys / (read.ms / 1000);
    const speed = readRate / checkRate;
    const quarterGb = statSync(quarter.base).size / 1e9;
    const peak = Math.max(read.peakRssMb, report.peakRssMb);
    const flat = peak / Math.max(1, quarterRead.peakRssMb);
    const diffRatio = diff.ms / report.ms;
    // CPU time of every thread: the diff's two workers count twice on two cores, so this ratio is what the
    // diff would take on one core, and barely moves with other work on the machine.
    const diffCpuRatio = diff.cpuMs / Math.max(1, report.cpuMs);
    const label = `${round(gb, 2)} GB RDB, ${read.keys.toLocaleString('en-US')} keys`;
    return [
      {
        name: `${label}: redis-check-rdb`,
        value: Math.round(checkRate),
        unit: 'keys/s',
        note: `${round(check.ms / 1000, 1)} s`,
      },
      {
        name: `${label}: reader`,
        value: Math.round(readRate),
        unit: 'keys/s',
        note: `${round(read.ms / 1000, 1)} s`,
      },
      {
        name: `${label}: reader / redis-check-rdb (keys per second)`,
        value: round(speed, 2),
        unit: '×',
        target: target('≥ 1.0×', speed >= 1),
      },
      {
        name: `${label}: whole inspection (reader + report)`,
        value: Math.round(report.keys / (report.ms / 1000)),
        unit: 'keys/s',
        note: `${round(report.ms / 1000, 1)} s`,
      },
      {
        name: `${label}: peak RSS (reader; whole inspection)`,
        value: peak,
        unit: 'MB',
        target: target('≤ 200 MB', peak <= 200),
        note: `reader ${read.peakRssMb} MB, inspection ${report.peakRssMb} MB`,
      },
      {
        name: `peak RSS at ${round(quarterGb, 2)} GB (¼ size), reader`,
        value: quarterRead.peakRssMb,
        unit: 'MB',
      },
      {
        name: 'peak RSS, full size ÷ ¼ size (flat in the file size)',
        value: round(flat, 2),
        unit: '×',
        target: target('≤ 1.25×', flat <= 1.25),
      },
      {
        name: `${label}: diff of two such files`,
        value: round(diff.ms / 1000, 1),
        unit: 's',
        note: `peak RSS ${diff.peakRssMb} MB; CPU ${round(diff.cpuMs / 1000, 1)} s`,
      },
      {
        name: 'diff ÷ one whole inspection',
        value: round(diffRatio, 2),
        unit: '×',
        target: target('≤ 2×', diffRatio <= 2),
      },
      {
        name: 'diff ÷ one whole inspection, CPU time (all threads)',
        value: round(diffCpuRatio, 2),
        unit: '×',
        note: `inspection CPU ${round(report.cpuMs / 1000, 1)} s`,
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};
