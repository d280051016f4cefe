import { describe, expect, it, vi } from 'vitest';
import { type Handlers, IpcGuard } from '../../../electron/core/ipc/guard';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { AppError } from '../../../shared/errors';
import { invokeChannels } from '../../../shared/ipc-contract';
import { defaultPreferences } from '../../../shared/settings';

type Sender = { trusted: boolean };

/** Every channel answers "not used" unless a test gives it a behaviour. */
const unused = Object.fromEntries(
  invokeChannels.map((c) => [
    c,
    () => {
      throw new Error(`${c} not used in this test`);
    },
  ]),
) as unknown as Handlers;

function setup() {
  const handlers = {
    ...unused,
    'app:info': vi.fn(() => ({
      name: 'CRS Restore Desk',
      version: '0.0.0',
      shell: 'browser' as const,
      platform: 'linux',
      secretStore: 'session' as const,
    })),
    'settings:get': vi.fn(() => defaultPreferences),
    'settings:update': vi.fn((patch: Partial<typeof defaultPreferences>) => ({
      ...defaultPreferences,
      ...patch,
    })),
  };
  const logger = createMemoryLogger();
  const guard = new IpcGuard<Sender>({ handlers, logger, isTrustedSender: (s) => s.trusted });
  return { guard, handlers, logger };
}

const trusted: Sender = { trusted: true };

describe('IpcGuard', () => {
  it('calls the service with the parsed request and wraps the value', async () => {
    const { guard, handlers } = setup();
    const response = await guard.dispatch('settings:update', trusted, { theme: 'dark' });
    expect(response).toEqual({ ok: true, value: { ...defaultPreferences, theme: 'dark' } });
    expect(handlers['settings:update']).toHaveBeenCalledWith({ theme: 'dark' });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const { guard, handlers } = setup();
    for (const channel of ['app:nope', '__proto__', 'constructor', 42, null, 'toString']) {
      const response = await guard.dispatch(channel, trusted, {});
      expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    for (const fn of [handlers['app:info'], handlers['settings:get'], handlers['settings:update']]) {
      expect(fn).not.toHaveBeenCalled();
    }
  });

  it('answers a malformed request with INVALID_REQUEST and never reaches the service', async () => {
    const { guard, handlers } = setup();
    const bad = [
      { theme: 'purple' },
      { pollIntervalSeconds: '2' },
      { pollIntervalSeconds: 10_000 },
      { unexpected: true },
      'a string',
      null,
      [],
      JSON.parse('{"__proto__": {"polluted": true}}'),
    ];
    for (const request of bad) {
      const response = await guard.dispatch('settings:update', trusted, request);
      expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(handlers['settings:update']).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a foreign sender before parsing', async () => {
    const { guard, handlers } = setup();
    const response = await guard.dispatch('app:info', { trusted: false }, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('treats a sender check that throws as untrusted', async () => {
    const { handlers, logger } = setup();
    const guard = new IpcGuard<Sender>({
      handlers,
      logger,
      isTrustedSender: () => {
        throw new Error('destroyed webContents');
      },
    });
    expect(await guard.dispatch('app:info', trusted, {})).toMatchObject({
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('turns an AppError into its envelope and hides unexpected errors', async () => {
    const { guard, handlers, logger } = setup();
    handlers['settings:get'].mockImplementationOnce(() => {
      throw new AppError('SETTINGS_INVALID');
    });
    expect(await guard.dispatch('settings:get', trusted, {})).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID' },
    });
    handlers['settings:get'].mockImplementationOnce(() => {
      throw new Error('secret-value-in-message');
    });
    const response = await guard.dispatch('settings:get', trusted, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(response)).not.toContain('secret-value-in-message');
    expect(logger.lines.join('\n')).not.toContain('secret-value-in-message');
  });
});
