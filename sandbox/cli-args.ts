// Flag parsing for `npm run sandbox -- …`, kept apart from cli.ts so it can be unit-tested.
import type { SandboxOptions } from './index.js';
import { validateSeed } from './seeds/index.js';

export const USAGE = `Usage: npm run sandbox -- [options]

  --port N                 listen on 127.0.0.1:N (default 0 = any free port)
  --secret-id ID           accept this SecretId instead of the default (needs --secret-key)
  --secret-key KEY         the matching SecretKey
  --seed demo|fleet:N|empty  initial data (default demo; fleet:N with 1 ≤ N ≤ 100000)
  --latency-ms N           add N ms to every API response (default 0)
  --task-seconds N         duration of restore/backup tasks (default 20)
  --redis                  back running demo instances with real redis-servers
  --file-port N            backup file server (object storage) on 127.0.0.1:N (default 0 = any)
  --link-seconds N         lifetime of DescribeBackupUrl links (default 21600 = 6 h; legacy 12 h)
  -h, --help               show this help`;

export type CliParse =
  | { kind: 'run'; options: SandboxOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

const VALUE_FLAGS = new Set([
  '--port',
  '--secret-id',
  '--secret-key',
  '--seed',
  '--latency-ms',
  '--task-seconds',
  '--file-port',
  '--link-seconds',
]);

function nonNegative(flag: string, text: string, integer: boolean, max: number): number | string {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    return `${flag} needs ${integer ? 'an integer' : 'a number'} from 0 to ${max} (got "${text}")`;
  }
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliParse {
  const values = new Map<string, string>();
  let redis = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--redis') {
      redis = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) return { kind: 'error', message: `Unknown option "${arg}".` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      return { kind: 'error', message: `${flag} needs a value.` };
    }
    values.set(flag, value);
  }
  const options: SandboxOptions = { redis };
  const port = values.get('--port');
  if (port !== undefined) {
    const parsed = nonNegative('--port', port, true, 65535);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    options.port = parsed;
  }
  const latency = values.get('--latency-ms');
  if (latency !== undefined) {
    const parsed = nonNegative('--latency-ms', latency, true, 600_000);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    options.latencyMs = parsed;
  }
  const taskSeconds = values.get('--task-seconds');
  if (taskSeconds !== undefined) {
    const parsed = nonNegative('--task-seconds', taskSeconds, false, 86_400);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    options.taskSeconds = parsed;
  }
  const filePort = values.get('--file-port');
  if (filePort !== undefined) {
    const parsed = nonNegative('--file-port', filePort, true, 65535);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    options.filePort = parsed;
  }
  const linkSeconds = values.get('--link-seconds');
  if (linkSeconds !== undefined) {
    const parsed = nonNegative('--link-seconds', linkSeconds, true, 7 * 86_400);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    options.linkSeconds = parsed;
  }
  const seed = values.get('--seed');
  if (seed !== undefined) {
    const problem = validateSeed(seed);
    if (problem) return { kind: 'error', message: problem };
    options.seed = seed;
  }
  const secretId = values.get('--secret-id');
  const secretKey = values.get('--secret-key');
  if ((secretId === undefined) !== (secretKey === undefined)) {
    return { kind: 'error', message: '--secret-id and --secret-key must be given together.' };
  }
  if (secretId !== undefined && secretKey !== undefined) {
    if (!/^[\x21-\x7e]{1,128}$/.test(secretId) || !/^[\x21-\x7e]{1,128}$/.test(secretKey)) {
      return {
        kind: 'error',
        message: '--secret-id and --secret-key must be 1–128 printable ASCII characters.',
      };
    }
    options.credentials = { secretId, secretKey };
  }
  return { kind: 'run', options };
}
