/**
 * A clone as a task: its stages, the order and the new instance with a link to it, and once it runs, how to
 * move traffic and release it with its cost per hour. No way back (the source was untouched), nothing
 * switched or released, and a finished clone's notice opens the new instance.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { TaskRows } from '../../../renderer/src/components/tasks/task-rows';
import { finishedNotice } from '../../../renderer/src/lib/finished-toast';
import { createAppStore } from '../../../renderer/src/store';
import type { CloneDetails } from '../../../shared/clones';
import type { RestoreRecord } from '../../../shared/tasks';
import { renderWithStore } from './fixtures/render';
import { fakeCore, record } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const details = (patch: Partial<CloneDetails> = {}): CloneDetails => ({
  stage: 'creating',
  point: { kind: 'backup', backupId: '64b1c2d3-backup-1' },
  instanceName: 'orders-clone',
  zoneId: 100003,
  billingMode: 'pay-as-you-go',
  period: 1,
  securityGroupIds: ['sg-1'],
  priceShown: {
    billingMode: 'pay-as-you-go',
    period: 1,
    price: { amount: 152, unit: 'pent', unitStated: true, currency: 'CNY' },
    per: 'hour',
    quotedAt: '2026-11-30T08:00:00.000Z',
  },
  dealName: '20261130000123',
  dealState: 'delivering',
  newInstanceId: 'crs-newclone1',
  ...patch,
});

const clone = (patch: Partial<RestoreRecord> = {}, more: Partial<CloneDetails> = {}) =>
  record({
    restoreId: 'c-1',
    kind: 'clone',
    clone: details(more),
    taskId: undefined,
    restoreRule: { semantics: 'clone-and-swap', basis: 'documented' },
    ...patch,
  });

function rows(tasks: RestoreRecord[]) {
  const store = createAppStore(fakeCore().api);
  renderWithStore(store, <TaskRows tasks={tasks} />);
  return store;
}

describe('a clone in the task list', () => {
  it('shows its stage, the order and the new instance with a link to it in the fleet', () => {
    rows([clone({ status: 'running' })]);
    const current = document.querySelector('[aria-current="step"]');
    expect(current?.getAttribute('data-stage')).toBe('creating');
    expect(screen.getByTestId('clone-deal').textContent).toBe('Order 20261130000123 · delivering');
    expect(screen.getByTestId('clone-open-new').getAttribute('href')).toBe(
      '#/instance/ap-guangzhou/crs-newclone1',
    );
    expect(screen.queryByTestId('clone-aftercare')).toBeNull();
  });

  it('once running: the address, how to move traffic, and the cost per hour until released', () => {
    rows([
      clone(
        { status: 'succeed', phase: 'done', endedAt: '2026-11-30T08:20:00.000Z' },
        { stage: 'running', dealState: 'delivered', address: { vip: '10.0.0.99', port: 6379 } },
      ),
    ]);
    expect(screen.getByTestId('clone-address').textContent).toBe('10.0.0.99:6379');
    const after = screen.getByTestId('clone-aftercare').textContent ?? '';
    expect(after).toMatch(/point your clients at its address/);
    expect(after).toMatch(/1\.52 per hour/);
    expect(after).toMatch(/DestroyPostpaidInstance for crs-newclone1/);
    expect(after).toMatch(/The app never releases it/);
    expect(after).toMatch(/does not switch addresses/);
    expect(document.querySelector('[aria-current="step"]')).toBeNull();
    // The source was never touched: there is no way back to offer.
    expect(screen.queryByText('The way back')).toBeNull();
    expect(screen.getByText('into a new instance')).toBeTruthy();
  });

  it('shows the point in time a clone restored', () => {
    rows([clone({}, { point: { kind: 'time', time: '2026-11-30T06:59:59.000Z' } })]);
    expect(screen.getByText('2026-11-30 14:59:59 (UTC+8)')).toBeTruthy();
  });

  it('is told apart from a restore in its finished notice, which opens the new instance', () => {
    const done = clone({ status: 'succeed' }, { stage: 'running' });
    expect(finishedNotice(done)).toEqual({
      titleKey: 'cloneTask.toast.succeeded',
      values: { name: 'orders-cache', newName: 'orders-clone' },
      href: '#/instance/ap-guangzhou/crs-newclone1',
    });
    expect(finishedNotice(clone({ status: 'outcome-unknown' })).titleKey).toBe('cloneTask.toast.unknown');
    expect(finishedNotice(record({ status: 'succeed' })).titleKey).toBe('toast.restoreSucceeded');
  });

  it('lists the fleet again when a clone runs, so the new instance can be opened', async () => {
    const fake = fakeCore();
    const store = createAppStore(fake.api);
    store.setState({ fleetProfileId: record().profileId });
    store.getState().onTaskFinished(clone({ status: 'failed' }));
    expect(fake.calls.some((c) => c.channel === 'fleet:refresh')).toBe(false);
    store.getState().onTaskFinished(clone({ status: 'succeed' }, { stage: 'running' }));
    await Promise.resolve();
    expect(fake.calls.filter((c) => c.channel === 'fleet:refresh')).toHaveLength(1);
  });

  it('offers a refused clone again on the new-instance path, a refused restore on the overwrite path', async () => {
    const store = rows([
      clone({ status: 'refused', phase: 'done', restoreId: 'c-2' }, { stage: 'ordering' }),
    ]);
    await act(async () => fireEvent.click(screen.getByTestId('restore-again')));
    expect(store.getState().restore?.path).toBe('clone');
    cleanup();
    const other = rows([record({ status: 'refused', phase: 'done' })]);
    await act(async () => fireEvent.click(screen.getByTestId('restore-again')));
    expect(other.getState().restore?.path).toBe('overwrite');
  });

  it('says on the source’s page that a clone from it runs and does not change it', async () => {
    const fake = fakeCore({ tasks: [clone({ status: 'running', phase: 'polling' })] });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    const banner = await screen.findByTestId('restore-running');
    expect(banner.textContent).toBe(
      'A restore into a new instance from this instance is under way (Creating). It does not change this instance; Restore stays disabled until it ends.',
    );
  });
});
