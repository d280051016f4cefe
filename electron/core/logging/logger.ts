/** A structured logger. Messages carry ids and operation names, never secret values. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(module: string): Logger;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface ConsoleLoggerOptions {
  module?: string;
  level?: Level;
  /** Where lines go; defaults to stderr so stdout stays free for the launcher's messages. */
  write?: (line: string) => void;
}

/** Writes one JSON line per entry, prefixed with its module, e.g. `[ipc] refused`. */
export function createLogger(options: ConsoleLoggerOptions = {}): Logger {
  const module = options.module ?? 'app';
  const min = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (order[level] < min) return;
      const suffix = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
      write(`${new Date().toISOString()} ${level.toUpperCase()} [${module}] ${message}${suffix}`);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (child) => createLogger({ ...options, module: `${module}:${child}` }),
  };
}

/** A logger that keeps entries in memory, for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  return Object.assign(logger, { lines });
}
