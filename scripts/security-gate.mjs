#!/usr/bin/env node
// Electronegativity over the Electron shell, preload and renderer, as a gate. Its exit code is always 0,
// so this reads its SARIF report: every finding must be fixed, or explained in docs/SECURITY.md's list of reviewed
// findings (one line per check and file). Anything new fails `npm test` with the finding printed.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { electronCurrency, registryVersions } from './lib/electron-currency.mjs';
import { run } from './lib/run.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules/.bin/electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

/**
 * Reads Electronegativity's SARIF report. (Its CSV writer proved unreliable: now and then a row came out
 * torn, which a gate must never mistake for a new finding or miss one because of.)
 */
function parseSarif(text) {
  const report = JSON.parse(text);
  return (report.runs?.[0]?.results ?? []).map((r) => {
    const location = r.locations?.[0]?.physicalLocation ?? {};
    return {
      check: r.ruleId,
      severity: r.level ?? '',
      file: location.artifactLocation?.uri ?? 'N/A',
      location: String(location.region?.startLine ?? 0),
      description: r.message?.text ?? '',
    };
  });
}

/** Reviewed findings: lines like "- `CHECK` in `path`: why" (or "in `N/A`") in docs/SECURITY.md. */
function reviewed() {
  const doc = readFileSync(join(root, 'docs/SECURITY.md'), 'utf8');
  return new Set([...doc.matchAll(/^- `([A-Z_]+)` in `([^`]+)`:/gm)].map((m) => `${m[1]} ${m[2]}`));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'crs-eneg-'));
  const findings = [];
  try {
    // One scan over everything that runs in Electron, so its global checks see the whole app at once.
    const app = join(dir, 'app');
    for (const part of ['electron', 'renderer'])
      cpSync(join(root, part), join(app, part), { recursive: true });
    const out = join(dir, 'findings.sarif');
    const code = await run(
      bin,
      ['-i', app, '-o', out, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (code !== 0) throw new Error(`electronegativity exited with ${code}`);
    for (const f of parseSarif(readFileSync(out, 'utf8'))) {
      const file = f.file.replace(/^file:\/\//, '');
      findings.push({ ...f, file: !file || file === 'N/A' ? 'N/A' : relative(app, file) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Stands in for Electronegativity's AvailableSecurityFixesGlobalCheck (excluded above: it downloads from outside
  // the npm registry). Without the registry the check cannot be made, and the gate says so and fails.
  const versions = registryVersions();
  if (!versions) {
    console.log(
      'Electron currency: the npm registry did not answer, so available security fixes were not checked.',
    );
    process.exit(1);
  }
  const currency = electronCurrency(electronVersion, versions);
  console.log(
    currency.ok
      ? `Electron ${electronVersion}: the newest release of a supported major (${currency.supported.join(', ')}).`
      : currency.problems.join('\n'),
  );
  if (!currency.ok) process.exit(1);
  const known = reviewed();
  const open = findings.filter((f) => !known.has(`${f.check} ${f.file}`));
  console.log(
    `Electronegativity: ${findings.length} finding(s), ${findings.length - open.length} reviewed in docs/SECURITY.md.`,
  );
  for (const f of open)
    console.log(`  NEW ${f.check} (${f.severity}) ${f.file}:${f.location} ${f.description}`);
  if (open.length > 0) {
    console.log(
      'Fix each new finding, or explain it in docs/SECURITY.md under "Reviewed Electronegativity findings".',
    );
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
