#!/usr/bin/env node
// Electronegativity over the Electron shell, preload and renderer, as a gate. Its exit code is always 0,
// so this reads its CSV: every finding must be fixed, or explained in docs/SECURITY.md's list of reviewed
// findings (one line per check and file). Anything new fails `npm test` with the finding printed.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from './lib/run.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules/.bin/electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

/** Parses Electronegativity's CSV (quoted fields, commas inside quotes). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    cells.push(cell.trim());
    rows.push({
      check: cells[0],
      severity: cells[1],
      file: cells[3],
      location: cells[4],
      description: cells[6],
    });
  }
  return rows;
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
    const out = join(dir, 'findings.csv');
    const code = await run(
      bin,
      ['-i', app, '-o', out, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (code !== 0) throw new Error(`electronegativity exited with ${code}`);
    for (const f of parseCsv(readFileSync(out, 'utf8'))) {
      findings.push({ ...f, file: !f.file || f.file === 'N/A' ? 'N/A' : relative(app, f.file) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
