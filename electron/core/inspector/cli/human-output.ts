/**
 * The command line's plain-text tables: what a DBA reads in a terminal. Keys arrive as `escapeKey` text (a key
 * holding a control, bidi or invisible character is in redis-cli's quoted `\xHH` form); every other text from
 * a file (its name, its aux fields) goes through the same visible-text rule, so nothing reaches the terminal raw.
 */
import type { DiffResult, FindResult, InspectionReport } from '../../../../shared/inspector';
import { shownKey } from '../../../../shared/visible-text';

const n = (v: number) => v.toLocaleString('en-US');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

function table(head: readonly string[], cells: ReadonlyArray<readonly string[]>): string {
  const rows = cells.map((r) => r.map(shownKey));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const TTL_LABELS: Record<string, string> = {
  expired: 'already expired',
  lt1m: '< 1 minute',
  lt1h: '< 1 hour',
  lt1d: '< 1 day',
  lt7d: '< 7 days',
  lt30d: '< 30 days',
  longer: '30 days or more',
  none: 'no expiry',
};

export function humanReport(r: InspectionReport): string {
  const parts: string[] = [];
  parts.push(
    `${n(r.keys)} keys in ${r.files} file(s), RDB version ${r.rdbVersion}; ${n(r.expires)} with an expiry, ` +
      `${n(r.alreadyExpired)} already expired at ${new Date(r.referenceMs).toISOString()}.`,
  );
  if (r.files > 1 || r.shards.some((s) => s.checksum !== 'ok')) {
    parts.push(
      table(
        ['File', 'Keys', 'Expires', 'Size', 'RDB', 'Redis', 'Checksum'],
        r.shards.map((s) => [
          s.file,
          n(s.keys),
          n(s.expires),
          size(s.fileBytes),
          String(s.rdbVersion),
          s.redisVersion ?? '-',
          s.checksum,
        ]),
      ),
    );
  }
  parts.push(
    table(
      ['Database', 'Keys', 'Expires', 'Already expired'],
      Object.entries(r.databases).map(([db, d]) => [`db${db}`, n(d.keys), n(d.expires), n(d.alreadyExpired)]),
    ),
  );
  parts.push(
    table(
      ['Type', 'Keys', 'Elements', 'Size in file', 'Memory (estimate)'],
      Object.entries(r.types)
        .filter(([, t]) => t.keys > 0)
        .map(([type, t]) => [type, n(t.keys), n(t.elements), size(t.bytes), `~${size(t.estimatedMemory)}`]),
    ),
  );
  parts.push(
    table(
      ['Biggest keys', 'DB', 'Type', 'Elements', 'Size'],
      r.bigKeys.slice(0, 20).map((k) => [k.key, String(k.db), k.type, n(k.elements), size(k.bytes)]),
    ),
  );
  const top = r.prefixTree.nodes.filter((p) => p.depth <= 2).slice(0, 30);
  if (top.length > 0) {
    parts.push(
      table(
        ['Prefix', 'Keys', 'Size'],
        top.map((p) => [`${'  '.repeat(p.depth - 1)}${p.prefix}`, n(p.keys), size(p.bytes)]),
      ),
    );
  }
  if (r.prefixTree.capped) {
    parts.push(
      'Some prefix levels have too many distinct segments to list; their keys are counted under "other".',
    );
  }
  parts.push(
    table(
      ['Time to live', 'Keys'],
      r.ttl.map((b) => [TTL_LABELS[b.bucket] ?? b.bucket, n(b.keys)]),
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

export function humanFind(f: FindResult): string {
  const ttl = (ms: number | null) =>
    ms === null ? 'none' : ms < 0 ? 'expired' : `${Math.ceil(ms / 1000)} s`;
  const head = `${n(f.matched)} match(es)${f.truncated ? `; the first ${n(f.matches.length)} listed` : ''}.`;
  if (f.matches.length === 0) return `${head}\n`;
  return `${head}\n${table(
    ['Key', 'DB', 'Type', 'TTL', 'Elements', 'Size'],
    f.matches.map((m) => [m.key, String(m.db), m.type, ttl(m.ttlMs), n(m.elements), size(m.bytes)]),
  )}\n`;
}

export function humanDiff(diff: DiffResult): string {
  const d = { ...diff, base: shownKey(diff.base), other: shownKey(diff.other) };
  const lines = [
    `From ${d.base} to ${d.other}: ${n(d.added)} added, ${n(d.removed)} removed, ${n(d.changed)} changed, ${n(d.unchanged)} unchanged.`,
    `Restoring ${d.base} instead of ${d.other} would lose ${n(d.wouldLose.missingKeys)} key(s) and change ${n(d.wouldLose.changedKeys)}.`,
    table(
      ['Prefix', 'Added', 'Removed', 'Changed', 'Unchanged'],
      d.byPrefix.slice(0, 30).map((p) => [p.prefix, n(p.added), n(p.removed), n(p.changed), n(p.unchanged)]),
    ),
  ];
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const s = d.samples[kind];
    if (s.length > 0)
      lines.push(`Some ${kind}: ${s.map((x) => `${shownKey(x.key)} (db${x.db})`).join(', ')}`);
  }
  return `${lines.join('\n\n')}\n`;
}
