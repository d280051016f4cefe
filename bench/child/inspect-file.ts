/**
 * Runs in its own process (bundled, run with plain node, as the app ships) so that its peak RSS is the
 * inspector's alone. Modes: `read FILE…` (the reader only, counting keys), `report FILE…` (a whole
 * inspection: reader + report builder), `diff BASE OTHER` (a comparison of two backups). Prints one JSON line:
 * keys, milliseconds, CPU milliseconds (every thread of the process: less noisy than wall time on a shared
 * machine), peak RSS.
 */
import { diffBackups } from '../../electron/core/inspector/diff/backup-diff';
import { readBackup } from '../../electron/core/inspector/files/read-backup';
import { readRdb } from '../../electron/core/inspector/rdb/rdb-reader';
import { ReportBuilder } from '../../electron/core/inspector/report/report-builder';

async function main(): Promise<void> {
  const [mode, ...files] = process.argv.slice(2);
  if (!mode || files.length === 0) throw new Error('usage: inspect-file.js read|report|diff FILE…');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let keys = 0;
  if (mode === 'read') {
    await readBackup(files, readRdb, {
      startFile: () => undefined,
      onKey: () => {
        keys += 1;
      },
      endFile: () => undefined,
    });
  } else if (mode === 'report') {
    const builder = new ReportBuilder({ referenceMs: Date.now() });
    await readBackup(files, readRdb, {
      startFile: (n) => builder.startFile(n),
      onKey: builder.add,
      endFile: (s) => builder.endFile(s),
    });
    keys = builder.build().keys;
  } else if (mode === 'diff') {
    const [base, other] = files;
    if (!base || !other) throw new Error('diff needs two files');
    const d = await diffBackups(
      readRdb,
      { label: 'base', paths: [base] },
      { label: 'other', paths: [other] },
    );
    keys = d.added + d.changed + d.unchanged;
    process.stderr.write(`${JSON.stringify({ added: d.added, removed: d.removed, changed: d.changed })}\n`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // ru_maxrss: the process's peak resident set, in kilobytes on Linux.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ mode, keys, ms: Math.round(ms), cpuMs, peakRssMb })}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
