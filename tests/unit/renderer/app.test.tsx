import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import type { AppInfo } from '../../../shared/ipc-contract';
import { fail, ok } from '../../../shared/result';
import { defaultPreferences } from '../../../shared/settings';
import { createFakeApi } from '../../fakes/fake-renderer-api';

const info = (secretStore: AppInfo['secretStore']): AppInfo => ({
  name: 'CRS Restore Desk',
  version: '1.2.3',
  shell: 'browser',
  platform: 'linux',
  secretStore,
});

afterEach(cleanup);

describe('App frame', () => {
  it('says plainly that credentials are in the keychain', async () => {
    const fake = createFakeApi((channel) =>
      channel === 'app:info' ? ok(info('keychain')) : ok(defaultPreferences),
    );
    const { container } = render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('secret-store')).textContent).toMatch(/keychain/);
    expect(container.querySelector('[data-app-state="ready"]')).not.toBeNull();
  });

  it('says plainly when credentials are session-only', async () => {
    const fake = createFakeApi((channel) =>
      channel === 'app:info' ? ok(info('session')) : ok(defaultPreferences),
    );
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('secret-store')).textContent).toMatch(/session only/);
  });

  it('follows theme changes pushed by main', async () => {
    const fake = createFakeApi((channel) =>
      channel === 'app:info' ? ok(info('keychain')) : ok(defaultPreferences),
    );
    const { container } = render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('secret-store');
    act(() => fake.emit('settings:changed', { ...defaultPreferences, theme: 'dark' }));
    expect(container.querySelector('[data-theme="dark"]')).not.toBeNull();
  });

  it('shows the core error instead of a blank window', async () => {
    const fake = createFakeApi(() => fail('INTERNAL', 'The app core is not reachable.'));
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('not reachable');
  });

  it('explains a window opened without a launch code', () => {
    render(<App resolution={{ error: 'This window has no connection to the app core.' }} />);
    expect(screen.getByRole('alert').textContent).toContain('no connection');
  });
});
