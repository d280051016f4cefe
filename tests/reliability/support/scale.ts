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

/** mulberry32, the sandbox's own seeded PRNG: a failing run can be replayed from its seed. */
export { prng as seededRandom } from '../../../sandbox/seeds/fleet';

/** The seed of this run: CRS_RELIABILITY_SEED when given (to replay), else a fixed default. */
export const SEED = Number(process.env.CRS_RELIABILITY_SEED ?? 20261130);
