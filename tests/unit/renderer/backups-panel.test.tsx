/**
 * The backups panel: the span choice (days, 90 days, 1 year, all of retention) sent as the span; incomplete
 * rows marked, counted and never selectable; and a narrowed status filter said out loud.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { ok } from '../../../shared/result';
import { backup, fakeCore, instance } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const lastSpan = (fake: ReturnType<typeof fakeCore>) => {
  const request = fake.calls.filter((c) => c.channel === 'backups:list').at(-1)?.request;
  return (request as { span?: unknown } | undefined)?.span;
};

describe('backups panel', () => {
  it('offers 90 days, 1 year and all of retention, and asks for the chosen span with the creation time', async () => {
    const createdAt = '2025-01-01T00:00:00.000Z';
    const fake = fakeCore({ instances: [instance({ createdAt })] });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    const select = (await screen.findByLabelText('Backups from')) as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toEqual([
      'the last 1 day',
      'the last 3 days',
      'the last 7 days',
      'the last 14 days',
      'the last 30 days',
      'the last 90 days',
      'the last year',
      'all retention (up to 5 years)',
    ]);
    await waitFor(() => expect(lastSpan(fake)).toBe(7));
    fireEvent.change(select, { target: { value: 'all' } });
    await waitFor(() => expect(lastSpan(fake)).toBe('all'));
    fireEvent.change(select, { target: { value: '365' } });
    await waitFor(() => expect(lastSpan(fake)).toBe(365));
    const request = fake.calls.filter((c) => c.channel === 'backups:list').at(-1)?.request;
    expect(request).toMatchObject({ createdAt });
  });

  it('marks and counts incomplete rows, never selectable, and says when statuses could not all be listed', async () => {
    const fake = fakeCore({
      overrides: {
        'backups:list': () =>
          ok({
            backups: [
              backup({ id: 'b-ok' }),
              backup({
                id: '?2026-11-01#3',
                restorable: false,
                notRestorableReason: 'incomplete',
                incomplete: ['BackupId', 'Locked'],
              }),
            ],
            beginTime: '2026-11-23T08:00:00.000Z',
            endTime: '2026-11-30T08:01:00.000Z',
            statusCoverage: 'normal-and-locked',
            freshness: { source: 'live', stale: false },
          }),
      },
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('backups-incomplete')).textContent).toMatch(/1 row incomplete/);
    expect(screen.getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByTestId('backup-incomplete').textContent).toBe('Incomplete: BackupId, Locked missing');
    expect(screen.getByText('Incomplete listing row')).toBeTruthy();
    // The placeholder id is not shown as if it were the backup's.
    expect(screen.queryByText('?2026-11-01#3')).toBeNull();
    expect(screen.getByText(/only normal and locked backups are listed/)).toBeTruthy();
  });

  it('says why a locked, exporting or expired backup cannot be chosen, and what to do', async () => {
    const fake = fakeCore({
      overrides: {
        'backups:list': () =>
          ok({
            backups: [
              backup({
                id: 'b-locked',
                status: 'locked',
                statusRaw: 1,
                locked: true,
                restorable: false,
                notRestorableReason: 'locked',
              }),
              backup({
                id: 'b-export',
                status: 'exporting',
                statusRaw: 3,
                restorable: false,
                notRestorableReason: 'exporting',
              }),
              backup({
                id: 'b-old',
                status: 'expired',
                statusRaw: -1,
                restorable: false,
                notRestorableReason: 'expired',
              }),
            ],
            beginTime: '2026-11-23T08:00:00.000Z',
            endTime: '2026-11-30T08:01:00.000Z',
            statusCoverage: 'all',
            freshness: { source: 'live', stale: false },
          }),
      },
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    await screen.findAllByTestId('not-restorable');
    const texts = screen.getAllByTestId('not-restorable').map((e) => e.textContent);
    expect(texts[0]).toMatch(/^Locked by another task.*Wait for it to end/);
    expect(texts[1]).toMatch(/^Being exported.*once the export ends/);
    expect(texts[2]).toMatch(/^Expired.*choose a newer backup/);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
  });

  it('says when the API has no status filter and when the list is the offline copy', async () => {
    const fake = fakeCore({
      overrides: {
        'backups:list': () =>
          ok({
            backups: [backup({ id: 'b-ok' })],
            beginTime: '2026-11-23T08:00:00.000Z',
            endTime: '2026-11-30T08:01:00.000Z',
            statusCoverage: 'server-default',
            freshness: {
              source: 'cache',
              stale: true,
              fetchedAt: '2026-11-30T05:00:00.000Z',
              errorCode: 'NETWORK',
            },
          }),
      },
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    const status = await screen.findByTestId('backups-status');
    expect(status.textContent).toMatch(/This API has no status filter/);
    expect(status.textContent).toMatch(/Offline: showing the list fetched/);
    expect(screen.queryByTestId('backups-incomplete')).toBeNull();
  });
});
