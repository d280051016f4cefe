/** `npm run inspect -- FILE [FILE…] [--json] [--find PATTERN] [--diff OTHER…] [--separators ":/"]`. */
import { runInspectCli } from '../electron/core/inspector/cli/inspect-cli';
import { readRdb } from '../electron/core/inspector/rdb/rdb-reader';

const code = await runInspectCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: Date.now,
  readRdb,
});
process.exitCode = code;
