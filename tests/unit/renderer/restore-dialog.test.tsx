/**
 * The restore dialog's gating: every preflight check, the typed confirmation, password-free instances,
 * production profiles, a stale fleet, inline errors, no automatic retry, and an unknown outcome.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RestoreDialog } from '../../../renderer/src/components/restore/restore-dialog';
import { toRow } from '../../../renderer/src/fleet-grid';
import { createAppStore } from '../../../renderer/src/store';
import type { Instance } from '../../../shared/domain';
import type { PreflightResult } from '../../../shared/ipc-contract';
import type { ProfileView } from '../../../shared/profiles';
import { type Envelope, fail, ok } from '../../../shared/result';
import { defaultPreferences, type Preferences } from '../../../shared/settings';
import { CRS_CONSOLE_INSTANCE_LIST_URL } from '../../../shared/tasks';
import { renderWithStore } from './fixtures/render';
import { checkIds, fakeCore, info, instance, preflight, profile, record } from './fixtures/sample';

afterEach(cleanup);

interface Setup {
  preflight?: PreflightResult;
  profile?: Partial<ProfileView>;
  prefs?: Partial<Preferences>;
  instance?: Partial<Instance>;
  stale?: boolean;
  start?: (request: unknown) => Envelope<unknown>;
}

async function openDialog(setup: Setup = {}) {
  const inst = instance(setup.instance);
  const prof = profile(setup.profile);
  const fake = fakeCore({
    overrides: {
      'restore:preflight': () => ok(setup.preflight ?? preflight({ instance: inst })),
      ...(setup.start ? { 'restore:start': setup.start } : {}),
    },
  });
  const store = createAppStore(fake.api);
  store.setState({
    status: 'ready',
    info: info(),
    prefs: { ...defaultPreferences, ...setup.prefs },
    profiles: [prof],
    activeProfileId: prof.id,
    fleetProfileId: prof.id,
    fleetRows: [toRow(inst)],
    freshness: setup.stale
      ? { source: 'cache', stale: true, fetchedAt: '2026-11-30T07:00:00.000Z', errorCode: 'NETWORK' }
      : { source: 'live', stale: false, fetchedAt: '2026-11-30T08:00:00.000Z' },
  });
  renderWithStore(store, <RestoreDialog />);
  const { openRestore } = store.getState();
  // These tests are about the overwrite path; the new-instance path has its own (clone-dialog.test.tsx).
  await act(() =>
    openRestore(
      {
        profileId: prof.id,
        region: inst.region,
        instanceId: inst.id,
        backupId: '64b1c2d3-backup-1',
      },
      'overwrite',
    ),
  );
  return { fake, store, inst };
}

const submit = () => screen.getByTestId('restore-submit') as HTMLButtonElement;
const typeName = (text: string) =>
  fireEvent.change(screen.getByTestId('restore-confirm-input'), { target: { value: text } });
const typePassword = (text: string) =>
  fireEvent.change(screen.getByLabelText('Instance password'), { target: { value: text } });

describe('restore dialog gating', () => {
  it('names the instance and the backup in bold and states the engine consequences', async () => {
    await openDialog();
    expect(screen.getByTestId('restore-instance-name').tagName).toBe('STRONG');
    expect(screen.getByTestId('restore-instance-name').textContent).toBe('orders-cache');
    expect(screen.getByTestId('restore-backup-time').tagName).toBe('STRONG');
    expect(screen.getByText(/Data written to this instance after the backup/)).toBeTruthy();
    // The documented capacity condition the app cannot check is said, not silently skipped.
    expect(screen.getByTestId('restore-capacity').textContent).toMatch(/scaled down.*cannot check/);
    expect(screen.getByTestId('restore-semantics').textContent).toMatch(/clone of the instance/);
  });

  it('says CKV overwrites in place, by its type code', async () => {
    await openDialog({
      preflight: preflight({ instance: instance({ engine: 'CKV 3.2', engineVersion: '3.2', typeId: 3 }) }),
    });
    expect(screen.getByTestId('restore-semantics').textContent).toMatch(/CKV 3.2 restores in place/);
  });

  it('says a legacy Redis 2.8 instance is assumed overwritten in place, not cloned', async () => {
    await openDialog({
      preflight: preflight({
        instance: instance({ engine: 'Redis 2.8', typeId: 2, generation: 'legacy-v2' }),
      }),
    });
    const text = screen.getByTestId('restore-semantics').textContent ?? '';
    expect(text).toMatch(/assume the worst: the current data is overwritten in place/);
    expect(text).not.toMatch(/clone|swap/);
  });

  it('assumes the worst for a type code the table does not know', async () => {
    await openDialog({ preflight: preflight({ instance: instance({ typeId: 99 }) }) });
    expect(screen.getByTestId('restore-semantics').dataset.semantics).toBe('assumedWorst');
  });

  it('is enabled once checks pass, the password is entered and the name typed', async () => {
    await openDialog();
    expect(submit().disabled).toBe(true);
    typePassword('s3cret');
    expect(submit().disabled).toBe(true);
    typeName('orders-cach');
    expect(submit().disabled).toBe(true);
    typeName('orders-cache');
    expect(submit().disabled).toBe(false);
  });

  it.each(checkIds)('stays disabled when the %s check fails, and shows why', async (id) => {
    await openDialog({ preflight: preflight({}, id) });
    typePassword('s3cret');
    typeName('orders-cache');
    expect(submit().disabled).toBe(true);
    const item = document.querySelector(`[data-check="${id}"]`);
    expect(item?.textContent).toContain('Failed');
    expect(item?.textContent).toContain(`${id} failed`);
    expect(screen.getByText('every check has passed')).toBeTruthy();
  });

  it('stays disabled when a check fails even if the summary flag says passed', async () => {
    const pf = preflight({}, 'backup-restorable');
    await openDialog({ preflight: { ...pf, passed: true } });
    typePassword('s3cret');
    typeName('orders-cache');
    expect(submit().disabled).toBe(true);
  });

  it('does not ask for a password on a password-free API 3.0 instance', async () => {
    const inst = instance({ noAuth: true });
    const { fake } = await openDialog({
      instance: { noAuth: true },
      preflight: preflight({ instance: inst, requiresPassword: false }),
    });
    expect(screen.queryByLabelText('Instance password')).toBeNull();
    expect(screen.getByTestId('no-password')).toBeTruthy();
    typeName('orders-cache');
    expect(submit().disabled).toBe(false);
    await act(async () => fireEvent.click(submit()));
    const start = fake.calls.find((c) => c.channel === 'restore:start');
    expect(start?.request).not.toHaveProperty('password');
  });

  it('shows the equivalent tccli command with the ids, and the password only as a variable', async () => {
    await openDialog();
    typePassword('s3cret-Value');
    const text = screen.getByTestId('tccli-restore-text').textContent ?? '';
    expect(text).toMatch(
      /^tccli redis RestoreInstance --region ap-guangzhou --profile 'Ops staging' --InstanceId crs-\w+ --BackupId \S+ /,
    );
    expect(text).toContain('--Password "$CRS_PASSWORD"');
    expect(text).not.toContain('s3cret-Value');
  });

  it('says a legacy v2 profile has no tccli equivalent', async () => {
    await openDialog({ profile: { generation: 'legacy-v2' } });
    expect(screen.getByTestId('tccli-restore').textContent).toMatch(/no equivalent command/);
  });

  it('still asks for the password on a legacy v2 profile, where NoAuth does not apply', async () => {
    const inst = instance({ noAuth: true, generation: 'legacy-v2' });
    await openDialog({
      profile: { generation: 'legacy-v2' },
      instance: { noAuth: true },
      preflight: preflight({ instance: inst, requiresPassword: false }),
    });
    expect(screen.getByLabelText('Instance password')).toBeTruthy();
  });

  it('skips the typed confirmation on a non-production profile when the preference says production-only', async () => {
    await openDialog({ prefs: { typedConfirmation: 'production-only' } });
    expect(screen.queryByTestId('restore-confirm-input')).toBeNull();
    typePassword('s3cret');
    expect(submit().disabled).toBe(false);
  });

  it('always requires the typed name on a production profile', async () => {
    await openDialog({
      prefs: { typedConfirmation: 'production-only' },
      profile: { environment: 'production' },
    });
    typePassword('s3cret');
    expect(submit().disabled).toBe(true);
    expect(screen.getByText(/Production profile: typed confirmation is always required/)).toBeTruthy();
    typeName('orders-cache');
    expect(submit().disabled).toBe(false);
  });

  it('uses the id when the instance has no name', async () => {
    const inst = instance({ name: '' });
    await openDialog({ instance: { name: '' }, preflight: preflight({ instance: inst }) });
    typePassword('x');
    typeName('crs-abcd1234');
    expect(submit().disabled).toBe(false);
  });

  it('is disabled while the fleet is stale or offline', async () => {
    await openDialog({ stale: true });
    typePassword('s3cret');
    typeName('orders-cache');
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('the fleet is live (not offline or stale)')).toBeTruthy();
  });

  it('offers the saved password when there is one', async () => {
    const { fake } = await openDialog({ preflight: preflight({ hasSavedPassword: true }) });
    expect(screen.queryByLabelText('Instance password')).toBeNull();
    typeName('orders-cache');
    await act(async () => fireEvent.click(submit()));
    const start = fake.calls.find((c) => c.channel === 'restore:start');
    expect(start?.request).toMatchObject({ useSavedPassword: true, rememberPassword: false });
  });

  it('sends restore:start once with what was typed, the options chosen, and closes', async () => {
    const { fake, store } = await openDialog();
    typePassword('s3cret');
    fireEvent.click(screen.getByLabelText(/Remember this password in the keychain/));
    fireEvent.click(screen.getByLabelText(/safety backup/));
    typeName('orders-cache');
    await act(async () => fireEvent.click(submit()));
    const starts = fake.calls.filter((c) => c.channel === 'restore:start');
    expect(starts).toHaveLength(1);
    expect(starts[0]?.request).toMatchObject({
      instanceId: 'crs-abcd1234',
      backupId: '64b1c2d3-backup-1',
      password: 's3cret',
      rememberPassword: true,
      useSavedPassword: false,
      safetyBackup: true,
      confirmation: 'orders-cache',
    });
    expect(store.getState().restore).toBeUndefined();
    expect(store.getState().toasts[0]?.titleKey).toBe('toast.restoreStarted');
  });

  it('shows an API error inline with the catalog text and leaves the retry to the user', async () => {
    const { fake } = await openDialog({
      start: () => fail('WRONG_PASSWORD', 'InvalidParameterValue.PasswordError'),
    });
    typePassword('wrong');
    typeName('orders-cache');
    await act(async () => fireEvent.click(submit()));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The instance password is wrong.');
    expect(alert.textContent).toContain('Next step:');
    expect(alert.textContent).toContain('WRONG_PASSWORD');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.filter((c) => c.channel === 'restore:start')).toHaveLength(1);
    expect(submit().disabled).toBe(false);
  });

  it('falls back to the envelope message for a code the catalog does not know', async () => {
    await openDialog({
      start: () => ({ ok: false, error: { code: 'NEW_CLOUD_CODE' as never, message: 'Something new' } }),
    });
    typePassword('x');
    typeName('orders-cache');
    await act(async () => fireEvent.click(submit()));
    expect((await screen.findByRole('alert')).textContent).toContain('Something new');
  });

  it('says to wait when the start call itself went unanswered, and locks the button', async () => {
    const { fake } = await openDialog({ start: () => fail('TIMEOUT', 'no answer') });
    typePassword('x');
    typeName('orders-cache');
    await act(async () => fireEvent.click(submit()));
    expect(screen.getByTestId('outcome-unknown').textContent).toMatch(/Do not send it again/);
    expect(submit().disabled).toBe(true);
    fireEvent.click(submit());
    expect(fake.calls.filter((c) => c.channel === 'restore:start')).toHaveLength(1);
  });

  it('warns when an earlier restore of the instance ended with its outcome unknown, without blocking', async () => {
    const earlier = record({ restoreId: 'r-0', status: 'outcome-unknown', phase: 'done' });
    const { store } = await openDialog();
    expect(screen.queryByTestId('earlier-unknown')).toBeNull();
    act(() => store.getState().upsertTask({ ...earlier, instanceId: 'crs-other' }));
    expect(screen.queryByTestId('earlier-unknown')).toBeNull();
    act(() => store.getState().upsertTask(earlier));
    const warning = screen.getByTestId('earlier-unknown');
    expect(warning.textContent).toMatch(/outcome unknown: it may have run/);
    expect(warning.querySelector('a')?.getAttribute('href')).toBe(CRS_CONSOLE_INSTANCE_LIST_URL);
    typePassword('x');
    typeName('orders-cache');
    expect(submit().disabled).toBe(false);
  });

  it('closes once the restore is accepted, before its safety backup and request: the task takes over', async () => {
    const accepted = record({
      phase: 'accepted',
      status: 'pending',
      taskId: undefined,
      message: 'Preflight passed.',
    });
    const { store } = await openDialog({ start: () => ok(accepted) });
    typePassword('x');
    typeName('orders-cache');
    fireEvent.click(screen.getByLabelText(/safety backup/));
    await act(async () => fireEvent.click(submit()));
    expect(store.getState().restore).toBeUndefined();
    expect(store.getState().tasks[accepted.restoreId]).toMatchObject({
      phase: 'accepted',
      status: 'pending',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a modal dialog that closes on Escape', async () => {
    const { store } = await openDialog();
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(store.getState().restore).toBeUndefined());
  });

  it('still closes on Escape when focus fell out of it (a focused button became disabled)', async () => {
    const { store } = await openDialog();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(store.getState().restore).toBeUndefined());
  });
});

describe('saved password', () => {
  it('can be forgotten from the dialog, which re-runs the checks', async () => {
    let saved = true;
    const fake = fakeCore({
      overrides: {
        'restore:preflight': () => ok(preflight({ hasSavedPassword: saved })),
        'passwords:forget': () => {
          saved = false;
          return ok({ removed: true });
        },
      },
    });
    const store = createAppStore(fake.api);
    const prof = profile();
    store.setState({
      status: 'ready',
      info: info(),
      prefs: defaultPreferences,
      profiles: [prof],
      activeProfileId: prof.id,
    });
    renderWithStore(store, <RestoreDialog />);
    const { openRestore } = store.getState();
    await act(() =>
      openRestore(
        {
          profileId: prof.id,
          region: 'ap-guangzhou',
          instanceId: 'crs-abcd1234',
          backupId: 'b',
        },
        'overwrite',
      ),
    );
    expect(screen.queryByLabelText('Instance password')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Forget the saved password' })));
    expect(fake.calls.find((c) => c.channel === 'passwords:forget')?.request).toEqual({
      profileId: prof.id,
      instanceId: 'crs-abcd1234',
    });
    expect(screen.getByLabelText('Instance password')).toBeTruthy();
  });
});
