import { describe, expect, it } from 'vitest';
import { parseBrowserModeArgs, UsageError } from '../../../electron/browser/options';

const env = { XDG_CONFIG_HOME: '/cfg' };

describe('browser-mode flags', () => {
  it('has safe defaults', () => {
    expect(parseBrowserModeArgs([], env)).toEqual({ port: 0, userData: '/cfg/crs-restore-desk', open: true });
  });

  it('reads every flag', () => {
    expect(parseBrowserModeArgs(['--port', '8123', '--user-data', '/tmp/x', '--no-open'], env)).toEqual({
      port: 8123,
      userData: '/tmp/x',
      open: false,
    });
  });

  it.each([
    [['--port']],
    [['--port', 'abc']],
    [['--port', '-1']],
    [['--port', '70000']],
    [['--user-data', '--no-open']],
    [['--bogus']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseBrowserModeArgs(argv, env)).toThrow(UsageError);
  });
});
