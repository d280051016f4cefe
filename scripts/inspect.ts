/** `npm run inspect -- FILE [FILE…] [--json] [--find PATTERN] [--diff OTHER…] [--separators ":/"]`. */
import { runInspectCli } from '../electron/core/inspector/cli/inspect-cli';
import { readRdb } from '../electron/core/inspector/rdb/rdb-reader';

// `npm run inspect -- dump.rdb | head` closes the pipe early: stop quietly, as cat and grep do, instead of
// dying on an unhandled EPIPE with a stack trace. Any other output error still ends the run with one line.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`inspect: cannot write the output (${error.code ?? 'error'})\n`);
    process.exit(1);
  });
}

const code = await runInspectCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: Date.now,
  readRdb,
});
process.exitCode = code;
