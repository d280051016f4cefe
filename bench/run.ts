/**
 * `npm run bench`: runs the benchmarks one after another (they must not share the CPU), prints a table,
 * writes bench/results.json and the figures section of docs/BENCHMARKS.md.
 *   --quick        smaller sizes and shorter runs (10,000-instance fleet, 80 s restores); its figures go to
 *                  bench/results.local.json (ignored by git), leaving the committed full-size ones alone
 *   --only NAME    run only the named benchmark(s); repeat or comma-separate. Other results are kept.
 *   --reliability  run the reliability suite at full size instead, and write docs/RELIABILITY.md
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bridgeRoundTrip } from './bridge-roundtrip';
import { fleetListing } from './fleet-listing';
import { footprint } from './footprint';
import { inspector } from './inspector';
import { type MachineInfo, machineInfo } from './lib/machine';
import { replaceSection } from './lib/markdown';
import { type Bench, type BenchResult, markdownTable } from './lib/results';
import { polling } from './polling';
import { runReliability } from './reliability';
import { rendererLatency } from './renderer-latency';

const root = join(import.meta.dirname, '..');
const fullResults = join(root, 'bench/results.json');
const quickResults = join(root, 'bench/results.local.json');

/** In run order; the renderer runs last (it builds the app and drives Chromium). */
const BENCHES: ReadonlyArray<readonly [string, Bench]> = [
  ['fleet-listing', fleetListing],
  ['polling', polling],
  ['bridge', bridgeRoundTrip],
  ['footprint', footprint],
  ['inspector', inspector],
  ['renderer', rendererLatency],
];

interface ResultsFile {
  generatedAt: string;
  quick: boolean;
  machine: MachineInfo;
  results: BenchResult[];
}

function parseArgs(argv: readonly string[]): { quick: boolean; reliability: boolean; only: string[] } {
  const options = { quick: false, reliability: false, only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--reliability') options.reliability = true;
    else if (arg === '--only') options.only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else throw new Error(`Unknown flag "${arg}". Flags: --quick, --only NAME, --reliability.`);
  }
  const known = BENCHES.map(([name]) => name);
  const unknown = options.only.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${known.join(', ')}.`);
  return options;
}

function previous(resultsFile: string): BenchResult[] {
  if (!existsSync(resultsFile)) return [];
  try {
    return (JSON.parse(readFileSync(resultsFile, 'utf8')) as ResultsFile).results;
  } catch {
    return [];
  }
}

function machineLine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; ${m.chromium}; load average ${m.loadAverage} at start`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  console.log(`Machine: ${machineLine(machine)}`);
  if (options.reliability) {
    process.exit(await runReliability({ root, machine: machineLine(machine) }));
  }
  const resultsFile = options.quick ? quickResults : fullResults;
  const fresh: BenchResult[] = [];
  for (const [name, bench] of BENCHES) {
    if (options.only.length > 0 && !options.only.includes(name)) continue;
    console.log(`\n=== ${name}${options.quick ? ' (quick)' : ''} ===`);
    const started = Date.now();
    const result: BenchResult = { bench: name, figures: [], seconds: 0 };
    try {
      result.figures = await bench({ quick: options.quick, log: (line) => console.log(`  ${line}`) });
    } catch (error) {
      result.error = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) : String(error);
      console.error(`  ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    result.seconds = Math.round((Date.now() - started) / 100) / 10;
    fresh.push(result);
  }
  // Keep the other benchmarks' latest figures when only some ran, so the file always covers everything.
  const merged = BENCHES.map(
    ([name]) => fresh.find((r) => r.bench === name) ?? previous(resultsFile).find((r) => r.bench === name),
  ).filter((r): r is BenchResult => r !== undefined);
  const file: ResultsFile = {
    generatedAt: new Date().toISOString(),
    quick: options.quick,
    machine,
    results: merged,
  };
  writeFileSync(resultsFile, `${JSON.stringify(file, null, 2)}\n`);
  const table = markdownTable(merged);
  console.log(`\n${table}\n`);
  if (options.quick) {
    console.log('Wrote bench/results.local.json (quick figures stay out of docs/BENCHMARKS.md).');
  } else {
    replaceSection(
      join(root, 'docs/BENCHMARKS.md'),
      'figures',
      [`Latest run: ${file.generatedAt}.`, `Machine: ${machineLine(machine)}.`, '', table].join('\n'),
    );
    console.log('Wrote bench/results.json and the figures in docs/BENCHMARKS.md.');
  }
  process.exit(fresh.some((r) => r.error) ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
