/**
 * What every benchmark hands back: named figures, each with its unit and, where the issue sets one, a
 * target and whether it was met. The runner turns these into the printed table, bench/results.json and the
 * figures section of docs/BENCHMARKS.md, so all three always agree.
 */

export interface Target {
  /** Human wording, e.g. "≤ 1.5× lower bound". */
  text: string;
  met: boolean;
}

export interface Figure {
  name: string;
  value: number | string;
  unit: string;
  target?: Target;
  note?: string;
  /**
   * Each input behind a figure that summarises inputs, in the order measured (results.json only): which
   * inputs were the slow ones, for reading a p95 without re-running the benchmark.
   */
  samples?: Array<{ input: string; ms: number }>;
}

export interface BenchResult {
  bench: string;
  figures: Figure[];
  /** Set when the benchmark could not run (e.g. the renderer's screen is missing); its figures may be partial. */
  error?: string;
  seconds: number;
}

export interface BenchContext {
  quick: boolean;
  log: (line: string) => void;
}

export type Bench = (ctx: BenchContext) => Promise<Figure[]>;

export function target(text: string, met: boolean): Target {
  return { text, met };
}

function cell(f: Figure): string {
  const value = typeof f.value === 'number' ? f.value.toLocaleString('en-US') : f.value;
  return `${value}${f.unit ? ` ${f.unit}` : ''}`;
}

function verdict(f: Figure): string {
  if (!f.target) return '';
  return `${f.target.met ? 'MET' : 'MISSED'}: ${f.target.text}`;
}

/** A Markdown table (also readable as plain text in a terminal). */
export function markdownTable(results: readonly BenchResult[]): string {
  const rows = ['| Benchmark | Figure | Value | Target |', '| --- | --- | --- | --- |'];
  for (const r of results) {
    if (r.error) rows.push(`| ${r.bench} | (did not finish) | ${r.error.replaceAll('|', '/')} | |`);
    for (const f of r.figures) {
      const note = f.note ? ` (${f.note})` : '';
      rows.push(`| ${r.bench} | ${f.name}${note} | ${cell(f)} | ${verdict(f)} |`);
    }
  }
  return rows.join('\n');
}
