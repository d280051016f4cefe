/**
 * The reliability suite runs at two sizes: `small` inside `npm test` (under two minutes on a 2-core box) and
 * `full` from `npm run bench -- --reliability`. Each suite also records its figures (counts of requests,
 * faults, kills…) as JSON, which the bench runner turns into docs/RELIABILITY.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCALE: 'small' | 'full' = process.env.CRS_RELIABILITY_SCALE === 'full' ? 'full' : 'small';

export const sized = <T>(small: T, full: T): T => (SCALE === 'full' ? full : small);

const reportDir =
  process.env.CRS_RELIABILITY_REPORT_DIR ?? join(import.meta.dirname, '../../../test-results/reliability');

export type Figures = Record<string, number | string | boolean>;

/** Writes one suite's figures; the file name is the suite's, so reruns replace it. */
export function recordFigures(suite: string, figures: Figures): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(
    join(reportDir, `${suite}.json`),
    `${JSON.stringify({ suite, scale: SCALE, at: new Date().toISOString(), figures }, null, 2)}\n`,
  );
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: CRS_RELIABILITY_SEED when given (to replay), else a fixed default. */
export const SEED = Number(process.env.CRS_RELIABILITY_SEED ?? 20261130);
