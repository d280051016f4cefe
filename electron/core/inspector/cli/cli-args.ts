/** The command line's flags: `FILE [FILE…] [--json] [--find PATTERN] [--diff OTHER…] [--separators ":/"]`. */
import { DEFAULT_SEPARATORS, SeparatorsSchema } from '../../../../shared/inspector';

export interface CliArgs {
  files: string[];
  json: boolean;
  find?: string;
  limit: number;
  diff: string[];
  separators: string;
  help: boolean;
}

export const USAGE =
  'usage: npm run inspect -- FILE [FILE…] [--json] [--find PATTERN] [--limit N] [--diff OTHER…] [--separators ":/|."]';

export const HELP = `${USAGE}

Reads Redis RDB backups (plain .rdb, .gz, .tar or .tar.gz; several FILEs are the shards of one backup) and
prints what they hold: keys per database, types, the biggest keys, key prefixes and a TTL histogram.

  --json             one JSON document on stdout, nothing else (use \`npm run -s inspect\` so that npm
                     prints no banner of its own)
  --find PATTERN     keys matching a Redis glob (user:42:*), or an exact name; binary names in redis-cli's
                     quoted form ("\\xff\\x00k"); TTLs are time left now
  --limit N          at most N matches listed (default 1000; the count goes on)
  --diff OTHER…      compare with another backup (its files): keys added, removed and changed from FILE to OTHER
  --separators S     prefix separators (default "${DEFAULT_SEPARATORS}")`;

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    files: [],
    json: false,
    limit: 1000,
    diff: [],
    separators: DEFAULT_SEPARATORS,
    help: false,
  };
  let inDiff = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (flag: string) => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--find') args.find = value(arg);
    else if (arg === '--limit') {
      const n = Number(value(arg));
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit needs a whole number of at least 1');
      args.limit = n;
    } else if (arg === '--separators') {
      const s = value(arg);
      if (!SeparatorsSchema.safeParse(s).success) {
        throw new UsageError('--separators needs one to eight printable characters, such as ":/|."');
      }
      args.separators = s;
    } else if (arg === '--diff') inDiff = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown flag ${arg}`);
    else if (inDiff) args.diff.push(arg);
    else args.files.push(arg);
  }
  if (args.help) return args;
  if (args.files.length === 0) throw new UsageError('name at least one RDB file');
  if (inDiff && args.diff.length === 0) throw new UsageError('--diff needs the other backup’s file(s)');
  return args;
}
