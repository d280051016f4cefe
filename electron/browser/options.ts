/** Browser mode's command-line flags, validated: a bad flag is one clear message, never a half-started app. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startUsage } from '../../scripts/lib/usage.mjs';

export interface BrowserModeOptions {
  port: number;
  userData: string;
  open: boolean;
}

export class UsageError extends Error {}

export const usage = startUsage;

export function parseBrowserModeArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BrowserModeOptions {
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const options: BrowserModeOptions = {
    port: 0,
    userData: env.CRS_DESK_USER_DATA || join(configHome, 'crs-restore-desk'),
    open: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535)
          throw new UsageError(`--port takes 0 to 65535, not "${raw}".`);
        options.port = port;
        break;
      }
      case '--user-data':
        options.userData = resolve(value());
        break;
      case '--no-open':
        options.open = false;
        break;
      default:
        throw new UsageError(`Unknown flag "${flag}".`);
    }
  }
  return options;
}
