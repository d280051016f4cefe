#!/usr/bin/env node
// `npm test`: sets up the machine, then runs every gate in a fixed order (lint, Electronegativity, typecheck, unit, build,
// integration, reliability, e2e) and ends with one summary line. Every stage runs even after a failure, so one run shows
// everything that is wrong; the exit code is non-zero if anything failed.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';
import { inKeyringSession } from './keyring-session.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { run } from './lib/run.mjs';

const bin = (name) => join(root, 'node_modules/.bin', name);
const results = join(root, 'test-results');

/** Reads passed/failed/skipped from a Vitest or Playwright JSON report. */
function counts(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (report.stats) {
      const s = report.stats;
      return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped };
    }
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  } catch {
    return undefined;
  }
}

const vitest = (project, report) => [
  bin('vitest'),
  ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
];

const stages = [
  { name: 'lint', run: () => run(bin('biome'), ['ci', '.'], { cwd: root }) },
  {
    name: 'security',
    run: () => run(process.execPath, [join(root, 'scripts/security-gate.mjs')], { cwd: root }),
  },
  { name: 'typecheck', run: () => run('npm', ['run', '--silent', 'typecheck'], { cwd: root }) },
  {
    name: 'unit',
    report: join(results, 'unit.json'),
    run() {
      const [cmd, args] = vitest('unit*', this.report);
      return run(cmd, args, { cwd: root });
    },
  },
  {
    name: 'build',
    async run() {
      try {
        await ensureBuilt(root);
        return 0;
      } catch (error) {
        console.error(error.message);
        return 1;
      }
    },
  },
  {
    name: 'integration',
    report: join(results, 'integration.json'),
    run() {
      const [cmd, args] = vitest('integration', this.report);
      return inKeyringSession(cmd, args);
    },
  },
  {
    name: 'reliability',
    report: join(results, 'reliability.json'),
    run() {
      // The small size: every reliability check, fewer iterations (`npm run bench -- --reliability` is full).
      const [cmd, args] = vitest('reliability', this.report);
      return inKeyringSession(cmd, args, { CRS_RELIABILITY_SCALE: 'small' });
    },
  },
  {
    name: 'e2e',
    report: join(results, 'e2e.json'),
    run() {
      return inKeyringSession(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: this.report });
    },
  },
];

async function main() {
  await bootstrap({ forTests: true });
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const only = process.argv.slice(2);
  const summary = [];
  for (const stage of stages) {
    if (only.length > 0 && !only.includes(stage.name)) continue;
    console.log(`\n=== ${stage.name} ===`);
    const started = Date.now();
    const code = await stage.run();
    const tally = stage.report && existsSync(stage.report) ? counts(stage.report) : undefined;
    summary.push({ name: stage.name, ok: code === 0, seconds: (Date.now() - started) / 1000, tally });
  }
  console.log('\n=== summary ===');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const s of summary) {
    const detail = s.tally
      ? ` (${s.tally.passed} passed, ${s.tally.failed} failed, ${s.tally.skipped} skipped)`
      : '';
    console.log(
      `${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(12)} ${s.seconds.toFixed(1).padStart(6)} s${detail}`,
    );
    if (s.tally) {
      passed += s.tally.passed;
      failed += s.tally.failed;
      skipped += s.tally.skipped;
    } else if (s.ok) passed += 1;
    else failed += 1;
    // A stage that failed without a report (a crash, a lint error) still counts as a failure.
    if (!s.ok && s.tally && s.tally.failed === 0) failed += 1;
  }
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(summary.every((s) => s.ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.log('Tests: 0 passed, 1 failed');
  process.exit(1);
});
