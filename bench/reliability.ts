/**
 * `npm run bench -- --reliability`: the reliability suite (tests/reliability) at full size, inside the same
 * private keyring session `npm test` uses, then its recorded figures written into docs/RELIABILITY.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSection } from './lib/markdown';

interface SuiteFigures {
  suite: string;
  scale: string;
  at: string;
  figures: Record<string, number | string | boolean>;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    assertionResults: Array<{ title: string; status: string; duration?: number }>;
  }>;
}

export async function runReliability(options: { root: string; machine: string }): Promise<number> {
  const { root } = options;
  const reportDir = join(root, 'test-results/reliability-full');
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const jsonReport = join(reportDir, 'vitest.json');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      join(root, 'scripts/keyring-session.mjs'),
      join(root, 'node_modules/.bin/vitest'),
      'run',
      '--project',
      'reliability',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${jsonReport}`,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CRS_RELIABILITY_SCALE: 'full', CRS_RELIABILITY_REPORT_DIR: reportDir },
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const minutes = Math.round((Date.now() - started) / 6000) / 10;
  const suites = readdirSync(reportDir)
    .filter((f) => f.endsWith('.json') && f !== 'vitest.json')
    .map((f) => JSON.parse(readFileSync(join(reportDir, f), 'utf8')) as SuiteFigures);
  const vitest = existsSync(jsonReport)
    ? (JSON.parse(readFileSync(jsonReport, 'utf8')) as VitestReport)
    : undefined;
  const lines = [
    `Latest full run: ${new Date().toISOString()}, ${minutes} min, exit code ${code}.`,
    `Machine: ${options.machine}.`,
    '',
    '| Test | Result |',
    '| --- | --- |',
    ...(vitest?.testResults ?? []).flatMap((file) =>
      file.assertionResults.map((t) => `| ${t.title} | ${t.status} |`),
    ),
    '',
  ];
  for (const suite of suites.sort((a, b) => a.suite.localeCompare(b.suite))) {
    lines.push(`**${suite.suite}** (${suite.scale} size)`, '', '| Figure | Value |', '| --- | --- |');
    for (const [name, value] of Object.entries(suite.figures)) lines.push(`| ${name} | ${String(value)} |`);
    lines.push('');
  }
  replaceSection(join(root, 'docs/RELIABILITY.md'), 'figures', lines.join('\n').trimEnd());
  console.log(
    `\nReliability suite: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed.`,
  );
  console.log('Wrote the figures in docs/RELIABILITY.md.');
  return code ?? 1;
}
