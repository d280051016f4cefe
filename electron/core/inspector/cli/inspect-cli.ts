/**
 * `npm run inspect`: the inspector's report, find and diff on any RDB files a DBA has, with the same code as
 * the app. With `--json`, one JSON document on stdout (the shape of issue 19, item 8) and nothing else;
 * otherwise plain tables. Bad input: exit 1 with one line on stderr; bad flags: exit 2.
 */
import { basename } from 'node:path';
import { keyBytes } from '../../../../shared/escape-key';
import type { DiffResult, FindResult, InspectionReport } from '../../../../shared/inspector';
import { replaceHidden, shownKey } from '../../../../shared/visible-text';
import { diffBackups } from '../diff/backup-diff';
import { BackupFileError } from '../files/backup-files';
import { readBackup } from '../files/read-backup';
import { KeyFinder } from '../find/key-finder';
import type { ReadRdb } from '../rdb/rdb-types';
import { ReportBuilder } from '../report/report-builder';
import { HELP, parseCliArgs, USAGE, UsageError } from './cli-args';
import { humanDiff, humanFind, humanReport } from './human-output';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  readRdb: ReadRdb;
}

/**
 * JSON text that is safe in a terminal. Keys and prefixes are already `escapeKey` text, which quotes any key
 * holding a hidden character, but file names and a backup's aux fields are not; and `JSON.stringify` escapes
 * only C0 controls and lone surrogates, passing DEL, C1, bidi, zero-width and line-separator characters through
 * raw (ECMA-262 QuoteJSONString). Each of those becomes a `\uXXXX` escape: the same JSON value, all of it
 * visible. They can only occur inside strings, so the document stays valid.
 */
export function terminalJson(value: unknown): string {
  return replaceHidden(JSON.stringify(value), (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** The JSON document: exactly the fields issue 19 names. */
export function jsonDocument(report: InspectionReport, find?: FindResult, diff?: DiffResult): unknown {
  const databases: Record<string, { keys: number; expires: number }> = {};
  for (const [db, line] of Object.entries(report.databases))
    databases[db] = { keys: line.keys, expires: line.expires };
  const types: Record<string, number> = {};
  for (const [type, line] of Object.entries(report.types)) types[type] = line.keys;
  return {
    files: report.files,
    rdbVersion: report.rdbVersion,
    keys: report.keys,
    expires: report.expires,
    databases,
    types,
    bigKeys: report.bigKeys.map((k) => ({
      db: k.db,
      key: k.key,
      type: k.type,
      bytes: k.bytes,
      elements: k.elements,
    })),
    prefixes: report.prefixTree.nodes.map((n) => ({ prefix: n.prefix, keys: n.keys, bytes: n.bytes })),
    ...(find
      ? {
          matches: find.matches.map((m) => ({
            db: m.db,
            key: m.key,
            type: m.type,
            ttlMs: m.ttlMs,
            elements: m.elements,
            bytes: m.bytes,
          })),
        }
      : {}),
    ...(diff
      ? {
          added: diff.added,
          removed: diff.removed,
          changed: diff.changed,
          unchanged: diff.unchanged,
          byPrefix: diff.byPrefix,
        }
      : {}),
  };
}

export async function runInspectCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`inspect: ${shownKey(error.message)}. ${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(HELP);
    return 0;
  }
  const pattern = args.find === undefined ? undefined : keyBytes(args.find);
  if (pattern === null) {
    io.err('inspect: --find has a broken escape; write bytes as \\xHH inside double quotes.');
    return 2;
  }
  try {
    const referenceMs = io.now();
    const builder = new ReportBuilder({ referenceMs, separators: args.separators });
    const label = args.files.map((f) => basename(f)).join(', ');
    // One pass serves the report and the search.
    const finder = pattern ? new KeyFinder({ pattern, glob: true, limit: args.limit, referenceMs }) : null;
    const match = finder?.visitor(label);
    await readBackup(args.files, io.readRdb, {
      startFile: (n) => builder.startFile(n),
      onKey: match
        ? (entry) => {
            builder.add(entry);
            match(entry);
          }
        : builder.add,
      endFile: (s) => builder.endFile(s),
    });
    const report = builder.build();
    const find = finder?.result();
    const diff =
      args.diff.length > 0
        ? await diffBackups(
            io.readRdb,
            { label, paths: args.files },
            { label: args.diff.map((f) => basename(f)).join(', '), paths: args.diff },
            { separators: args.separators },
          )
        : undefined;
    if (args.json) io.out(terminalJson(jsonDocument(report, find, diff)));
    else {
      io.out(humanReport(report));
      if (find) io.out(humanFind(find));
      if (diff) io.out(humanDiff(diff));
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupFileError) {
      io.err(`inspect: ${shownKey(error.message)}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`inspect: ${shownKey(message.split('\n')[0] ?? '')}`);
    return 1;
  }
}
