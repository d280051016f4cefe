/**
 * The time-zone setting: Beijing time by default, this computer's time when chosen in Settings, and the
 * views follow the preference (the audit view here), zone named either way.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app';
import type { AuditEntry } from '../../../shared/audit';
import { fail, ok } from '../../../shared/result';
import { defaultPreferences } from '../../../shared/settings';
import { fakeCore, instance, snapshot } from './fixtures/sample';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.location.hash = '';
});

const entry: AuditEntry = {
  id: 'e1',
  time: '2026-12-04T18:00:00.000Z',
  osUser: 'dba',
  appVersion: '1.0.0',
  action: 'restore',
  outcome: 'started',
  profileId: 'p1',
  profileName: 'prod',
  message: 'Restore task 42 started.',
};

describe('time zone setting', () => {
  it('is Beijing time by default and saves "local" when chosen', async () => {
    const fake = fakeCore();
    window.location.hash = '#/settings';
    render(<App resolution={{ api: fake.api }} />);
    const select = (await screen.findByLabelText('Show times in')) as HTMLSelectElement;
    expect(select.value).toBe('beijing');
    fireEvent.change(select, { target: { value: 'local' } });
    await waitFor(() =>
      expect(
        fake.calls.some(
          (c) => c.channel === 'settings:update' && JSON.stringify(c.request).includes('"timeZone":"local"'),
        ),
      ).toBe(true),
    );
  });

  it('shows times in the chosen zone, named', async () => {
    vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(-60);
    const fake = fakeCore({ overrides: { 'audit:list': () => ok({ entries: [entry], skipped: 0 }) } });
    window.location.hash = '#/audit';
    render(<App resolution={{ api: fake.api }} />);
    expect(await screen.findByText('2026-12-05 02:00 (UTC+8)')).toBeTruthy();
    act(() => fake.emit('settings:changed', { ...defaultPreferences, timeZone: 'local' }));
    expect(await screen.findByText('2026-12-04 19:00 (UTC+1)')).toBeTruthy();
  });

  it('names the time and zone of the cached fleet the offline banner shows', async () => {
    const fake = fakeCore({
      overrides: {
        'fleet:cached': () =>
          ok(
            snapshot([instance()], {
              freshness: { source: 'cache', stale: false, fetchedAt: '2026-12-04T18:00:00.000Z' },
            }),
          ),
        'fleet:refresh': () => fail('NETWORK', 'offline'),
      },
    });
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('stale-banner')).textContent).toContain('(2026-12-05 02:00 (UTC+8))');
  });
});
