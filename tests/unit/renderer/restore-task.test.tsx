/**
 * The restore as a task: Cancel only while nothing was sent (and main's "too late" said plainly), "waiting
 * for the cloud" after a quiet `sending`, the way back per engine kind, and the instance page that stays live
 * with Restore disabled while a restore of the instance runs.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { TaskRows } from '../../../renderer/src/components/tasks/task-rows';
import { createAppStore } from '../../../renderer/src/store';
import { type Envelope, ok } from '../../../shared/result';
import type { RestoreRecord } from '../../../shared/tasks';
import { renderWithStore } from './fixtures/render';
import { fakeCore, instance, record } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function rows(
  tasks: RestoreRecord[],
  overrides: Record<string, (request: unknown) => Envelope<unknown>> = {},
) {
  const fake = fakeCore({ overrides });
  const store = createAppStore(fake.api);
  for (const t of tasks) store.getState().upsertTask(t);
  renderWithStore(store, <TaskRows tasks={tasks} />);
  return { fake, store };
}

const inBackup = record({
  phase: 'safety-backup',
  status: 'pending',
  taskId: undefined,
  safetyBackup: { status: 'running', taskId: '901', startedAt: '2026-11-30T08:00:00.000Z' },
});

describe('cancelling a restore', () => {
  it('is offered during the safety backup, asks main, and shows the backup’s progress', async () => {
    const { fake } = rows([inBackup], { 'restore:cancel': () => ok({ cancelled: true }) });
    expect(screen.getByTestId('safety-progress').textContent).toMatch(
      /Safety backup: running · backup task 901/,
    );
    expect(screen.getByText(/goes on in the cloud and is kept/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('cancel-restore')));
    expect(fake.calls.filter((c) => c.channel === 'restore:cancel')).toEqual([
      { channel: 'restore:cancel', request: { restoreId: inBackup.restoreId } },
    ]);
  });

  it('says "too late" when main refuses because the request already left', async () => {
    rows([inBackup], { 'restore:cancel': () => ok({ cancelled: false, reason: 'too-late' }) });
    await act(async () => fireEvent.click(screen.getByTestId('cancel-restore')));
    expect(screen.getByText('Too late to cancel: the restore request was sent.')).toBeTruthy();
  });

  it('is not offered once the request is being sent or followed', () => {
    rows([
      record({ restoreId: 'a', phase: 'sending', status: 'pending', taskId: undefined }),
      record({ restoreId: 'b', phase: 'polling', status: 'running' }),
      record({ restoreId: 'c', phase: 'reconciling', status: 'unknown', taskId: undefined }),
    ]);
    expect(screen.queryByTestId('cancel-restore')).toBeNull();
  });
});

describe('a refused restore', () => {
  it('quotes the cloud’s code and request id, and opens the dialog again on the same backup', async () => {
    const { store } = rows([
      record({
        phase: 'done',
        status: 'refused',
        taskId: undefined,
        errorCode: 'WRONG_PASSWORD',
        messageCode: 'error',
        errorDetails: { cloudCode: '10712', requestId: 'req-9' },
      }),
    ]);
    const refusal = screen.getByTestId('task-refusal');
    expect(refusal.textContent).toContain('Cloud code 10712 · request req-9');
    expect(screen.getByText(/password is wrong/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('restore-again')));
    expect(store.getState().restore?.target).toMatchObject({ backupId: '64b1c2d3-backup-1' });
  });
});

describe('waiting for the cloud', () => {
  it('is said once RestoreInstance has gone unanswered for a few seconds, not before', () => {
    const quiet = new Date(Date.now() - 10_000).toISOString();
    const fresh = new Date().toISOString();
    rows([
      record({ restoreId: 'old', phase: 'sending', status: 'pending', taskId: undefined, updatedAt: quiet }),
      record({ restoreId: 'new', phase: 'sending', status: 'pending', taskId: undefined, updatedAt: fresh }),
    ]);
    const banners = screen.getAllByTestId('awaiting-cloud');
    expect(banners).toHaveLength(1);
    expect(banners[0]?.textContent).toBe(
      'Waiting for the cloud — it may have started; the app will not send it again.',
    );
    expect(banners[0]?.closest('tr')?.getAttribute('data-restore-id')).toBe('old');
  });
});

describe('the way back', () => {
  const done = (patch: Partial<RestoreRecord>) => record({ phase: 'done', status: 'succeed', ...patch });

  it('gives the console’s swap-back steps for a documented clone-and-swap engine, and does not swap', () => {
    rows([done({ restoreRule: { semantics: 'clone-and-swap', basis: 'documented' } })]);
    const way = screen.getByTestId('way-back');
    expect(way.dataset.kind).toBe('clone');
    expect(way.textContent).toMatch(/swapping the IP addresses of the clone and the original/);
    expect(way.textContent).toMatch(/The app does not do this swap/);
    expect(within(way).getAllByRole('listitem')).toHaveLength(3);
    expect(within(way).queryByRole('button')).toBeNull();
  });

  it('offers the safety backup by id for an in-place engine, opening the restore dialog on it', async () => {
    const { store } = rows([
      done({
        engine: 'Redis 2.8',
        restoreRule: { semantics: 'overwrite-in-place', basis: 'documented' },
        safetyBackup: { status: 'succeed', taskId: '901', backupId: 'safety-77' },
      }),
    ]);
    const way = screen.getByTestId('way-back');
    expect(way.dataset.kind).toBe('in-place');
    expect(way.textContent).toMatch(
      /Redis 2.8, Tencent documents that a restore overwrites the data in place/,
    );
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Restore from safety backup safety-77' })),
    );
    expect(store.getState().restore?.target).toMatchObject({
      instanceId: 'crs-abcd1234',
      backupId: 'safety-77',
    });
  });

  it('assumes the worst for an older record without a rule, and says there is no way back without a backup', () => {
    rows([done({ restoreRule: undefined, engine: 'Valkey 8.0' })]);
    const way = screen.getByTestId('way-back');
    expect(way.dataset.kind).toBe('in-place');
    expect(way.textContent).toMatch(/does not document what a restore does to Valkey 8.0/);
    expect(way.textContent).toMatch(/the app knows no way back/);
  });

  it('names the safety backup by its remark when its id is unknown', () => {
    rows([
      done({
        restoreRule: { semantics: 'overwrite-in-place', basis: 'assumed-worst' },
        safetyBackup: { status: 'succeed', taskId: '901', remark: 'Safety backup before restore r-1' },
      }),
    ]);
    expect(screen.getByTestId('way-back').textContent).toMatch(/remark “Safety backup before restore r-1”/);
  });

  it('is not offered for a restore that was never sent', () => {
    rows([done({ status: 'refused', errorCode: 'CANCELLED', taskId: undefined })]);
    expect(screen.queryByTestId('way-back')).toBeNull();
  });
});

describe('the instance page during a restore', () => {
  it('disables Restore with the reason, and reads the instance and its backups again', async () => {
    const running = record({ phase: 'polling', status: 'running' });
    const fake = fakeCore({
      tasks: [running],
      overrides: {
        'fleet:instance': () =>
          ok({ instance: instance({ status: 'processing' }), fetchedAt: new Date().toISOString() }),
      },
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    expect(await screen.findByTestId('restore-running')).toBeTruthy();
    // A backup is chosen, so only the running restore keeps the button disabled.
    fireEvent.click(await screen.findByRole('radio'));
    const button = screen.getByTestId('restore-selected') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText('A restore of this instance is under way: wait for it to end.')).toBeTruthy();
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'fleet:instance')).toBe(true));
    // The copy read now wins over the fleet's row.
    expect(await screen.findByTestId('instance-live')).toBeTruthy();
  });

  it('leaves Restore to the backup choice when no restore runs, and does not poll', async () => {
    const fake = fakeCore({ tasks: [record({ phase: 'done', status: 'succeed' })] });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('restore-selected');
    expect(screen.queryByTestId('restore-running')).toBeNull();
    fireEvent.click(await screen.findByRole('radio'));
    expect((screen.getByTestId('restore-selected') as HTMLButtonElement).disabled).toBe(false);
    expect(fake.calls.some((c) => c.channel === 'fleet:instance')).toBe(false);
  });
});
