/** The profile form: validation by the shared schema, and no saving before a passing connection test. */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileForm } from '../../../renderer/src/components/profiles/profile-form';
import { createAppStore } from '../../../renderer/src/store';
import { ok } from '../../../shared/result';
import { renderWithStore } from './fixtures/render';
import { fakeCore, profile } from './fixtures/sample';

afterEach(cleanup);

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function setup(testOk = true) {
  const created = profile({ id: 'p-new', name: 'Prod GZ', environment: 'production' });
  const fake = fakeCore({
    profiles: [],
    overrides: {
      'profiles:test': () =>
        ok(
          testOk
            ? { ok: true, region: 'ap-guangzhou', latencyMs: 42, instanceCount: 7, message: 'ok' }
            : { ok: false, region: 'ap-guangzhou', latencyMs: 10, errorCode: 'AUTH_FAILED', message: 'bad' },
        ),
      'profiles:create': () => ok(created),
    },
  });
  const store = createAppStore(fake.api);
  let done = false;
  renderWithStore(store, <ProfileForm onDone={() => (done = true)} onCancel={() => undefined} />);
  return { fake, store, isDone: () => done };
}

describe('profile form', () => {
  it('tests the draft before saving, then creates the profile', async () => {
    const { fake, store, isDone } = setup();
    const save = screen.getByRole('button', { name: 'Save profile' }) as HTMLButtonElement;
    fill('Profile name', 'Prod GZ');
    fill('SecretId', 'AKIDabc');
    fill('SecretKey', 'key');
    fill('Regions', 'ap-guangzhou, ap-shanghai');
    expect(save.disabled).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(fake.calls.find((c) => c.channel === 'profiles:test')?.request).toEqual({
      draft: {
        name: 'Prod GZ',
        secretId: 'AKIDabc',
        secretKey: 'key',
        generation: 'v3',
        regions: ['ap-guangzhou', 'ap-shanghai'],
        defaultRegion: 'ap-guangzhou',
        environment: 'production',
        requestTimeoutSeconds: 30,
      },
    });
    expect(screen.getByText('Connected to ap-guangzhou in 42 ms; 7 instances visible.')).toBeTruthy();
    expect(save.disabled).toBe(false);
    await act(async () => fireEvent.click(save));
    expect(isDone()).toBe(true);
    expect(store.getState().activeProfileId).toBe('p-new');
  });

  it('asks for a new test when the draft changes after one', async () => {
    setup();
    fill('Profile name', 'A');
    fill('SecretId', 'AKIDabc');
    fill('SecretKey', 'key');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    fill('SecretKey', 'other');
    expect((screen.getByRole('button', { name: 'Save profile' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a failed test with the catalog text and keeps Save disabled', async () => {
    setup(false);
    fill('Profile name', 'A');
    fill('SecretId', 'AKIDabc');
    fill('SecretKey', 'key');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(screen.getByRole('alert').textContent).toContain(
      'Tencent Cloud could not verify the request signature.',
    );
    expect((screen.getByRole('button', { name: 'Save profile' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('flags invalid fields instead of sending them', async () => {
    const { fake } = setup();
    fill('SecretId', 'bad id!');
    fill('Regions', 'Guangzhou');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(fake.calls.some((c) => c.channel === 'profiles:test')).toBe(false);
    expect(screen.getByText('Letters, digits, _ and - only.')).toBeTruthy();
    expect(screen.getByText('Enter at least one region code such as ap-guangzhou.')).toBeTruthy();
    expect(screen.getByLabelText('Profile name').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends an STS token with the draft, and flags one that could not be sent', async () => {
    const { fake } = setup();
    fill('Profile name', 'Temp');
    fill('SecretId', 'AKIDtmp');
    fill('SecretKey', 'tmpKey');
    fill('STS token (optional)', 'tok en');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(fake.calls.some((c) => c.channel === 'profiles:test')).toBe(false);
    expect(
      screen.getByText(
        'Paste the token exactly as issued: printable characters without spaces, at most 4096.',
      ),
    ).toBeTruthy();
    fill('STS token (optional)', 'sts-token==');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    const sent = fake.calls.find((c) => c.channel === 'profiles:test')?.request as {
      draft: { token?: string };
    };
    expect(sent.draft.token).toBe('sts-token==');
  });
});
