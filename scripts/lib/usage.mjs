// The flags of `npm start`, in one place: the launcher prints them for --help before installing anything,
// and browser mode prints them after a bad flag.
export const startUsage = `Usage: npm start -- [--port N] [--user-data DIR] [--no-open] [--help]
  --port N         browser mode: listen on 127.0.0.1:N (default: any free port)
  --user-data DIR  keep settings, tasks and the audit log in DIR
  --no-open        browser mode: print the launch file and a single-use address instead of opening a Chromium window
  --help           print this and exit`;

/** True when the arguments ask for help; nothing else is started then. */
export function wantsHelp(argv) {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}
