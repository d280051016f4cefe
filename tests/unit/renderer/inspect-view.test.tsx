/**
 * The inspector's page: the Inspect action on backup rows, the download step (progress, cancel, an expired
 * link, stale events), and the report (figures in the charts' accessible names, the prefix tree by keyboard).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { fail, ok } from '../../../shared/result';
import { completeCache, inspectCore, progress, ref, sampleReport } from './fixtures/inspect-sample';
import { backup } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const inspectHash = '#/inspect/ap-guangzhou/crs-abcd1234/64b1c2d3-backup-1';

describe('Inspect action', () => {
  it('is offered on a backup row with its id, and not on a placeholder, a deleted or an expired backup', async () => {
    const fake = inspectCore({
      backups: [
        backup({ id: 'b-ok' }),
        backup({ id: 'b-deleted', status: 'deleted', restorable: false }),
        backup({ id: 'b-expired', status: 'expired', restorable: false }),
        backup({ id: '?placeholder', restorable: false, incomplete: ['BackupId'] }),
      ],
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByText('b-ok');
    const links = screen.getAllByTestId('inspect-backup');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('#/inspect/ap-guangzhou/crs-abcd1234/b-ok');
    expect(links[0]?.getAttribute('aria-label')).toMatch(/^Inspect the backup of 2026-11-29/);
  });
});

describe('download step', () => {
  it('downloads on request, shows bytes, rate and time left, then reads and shows the report', async () => {
    const fake = inspectCore();
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    await waitFor(() => expect(fake.callsTo('backup:download')).toEqual([ref()]));
    // Nothing is read before the files are there.
    expect(fake.callsTo('inspect:report')).toEqual([]);
    act(() => fake.emitProgress(progress()));
    const status = within(await screen.findByTestId('download-progress')).getByRole('status');
    expect(status.textContent).toBe('50 MB of 200 MB · 10 MB/s · about 0:15 left');
    act(() => fake.emitProgress(progress({ state: 'done', bytes: 200 * 1024 * 1024, secondsLeft: 0 })));
    await screen.findByTestId('inspect-report');
    expect(fake.callsTo('inspect:report')).toMatchObject([{ backup: ref() }]);
    const summary = screen.getByTestId('report-summary');
    expect(within(summary).getByText('1,200')).toBeTruthy();
    expect(summary.parentElement?.textContent).toContain('expiry passed before 2026-11-30 16:00 (UTC+8)');
  });

  it('cancels the running download by its id', async () => {
    const fake = inspectCore();
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    act(() => fake.emitProgress(progress()));
    fireEvent.click(await screen.findByTestId('download-cancel'));
    await waitFor(() => expect(fake.callsTo('backup:download-cancel')).toEqual([{ downloadId: 'dl-1' }]));
    act(() => fake.emitProgress(progress({ state: 'cancelled' })));
    expect((await screen.findByText(/Download cancelled/)).textContent).toMatch(/resumes where it stopped/);
  });

  it('offers a new link when the link expired, and asks main again', async () => {
    const fake = inspectCore();
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    act(() =>
      fake.emitProgress(
        progress({ state: 'failed', errorCode: 'BACKUP_LINK_EXPIRED', errorMessage: 'Request has expired' }),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Get a new link' }));
    await waitFor(() => expect(fake.callsTo('backup:download')).toHaveLength(2));
  });

  it('says what a download restriction means', async () => {
    const fake = inspectCore({
      inspect: { 'backup:download': () => fail('BACKUP_DOWNLOAD_RESTRICTED', 'restricted to a VPC') },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('restricted to a private network (VPC) or to listed IP addresses');
    expect(alert.textContent).toContain('choose the private-network link in Settings');
    // It can be tried again once the restriction or the network setting changed.
    expect(screen.getByTestId('download-start')).toBeTruthy();
  });

  it('ignores progress of an older download of the same backup', async () => {
    const fake = inspectCore({
      inspect: { 'backup:download': () => ok({ downloadId: 'dl-2', cached: false }) },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    await waitFor(() => expect(fake.callsTo('backup:download')).toHaveLength(1));
    act(() => fake.emitProgress(progress({ downloadId: 'dl-1', state: 'done' })));
    await act(async () => undefined);
    expect(fake.callsTo('inspect:report')).toEqual([]);
    expect(screen.queryByTestId('inspect-report')).toBeNull();
  });

  it('goes straight to the report when main answers that the backup is already whole in its cache', async () => {
    const fake = inspectCore({
      inspect: { 'backup:download': () => ok({ downloadId: 'dl-9', cached: true }) },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByTestId('download-start'));
    await screen.findByTestId('inspect-report');
    expect(fake.callsTo('inspect:report')).toHaveLength(1);
  });

  it('reads a backup already whole in the cache without downloading it', async () => {
    const fake = inspectCore({
      inspect: { 'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')) },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('inspect-report');
    expect(fake.callsTo('backup:download')).toEqual([]);
  });
});

describe('report', () => {
  const open = async () => {
    const fake = inspectCore({
      inspect: { 'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')) },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('inspect-report');
    return fake;
  };

  it('gives each chart its figures as its accessible name, and only types the backup holds', async () => {
    await open();
    expect(screen.getByTestId('types-chart').getAttribute('aria-label')).toBe(
      'Keys by type: string 900 · 977 KB, zset 100 · 977 KB, hash 199 · 1.9 MB, stream 1 · 977 KB',
    );
    expect(screen.getByTestId('ttl-chart').getAttribute('aria-label')).toBe(
      'Time to live: expired 7, < 1 min 3, < 1 h 40, < 1 day 200, < 7 days 50, < 30 days 0, ≥ 30 days 0, no TTL 900',
    );
  });

  it('lists the biggest keys with binary ones in their escaped form, and the shard lines', async () => {
    await open();
    const rows = within(screen.getByTestId('big-keys')).getAllByRole('row');
    expect(rows[2]?.textContent).toContain('"\\xff\\xfebin"');
    expect(rows[2]?.textContent).toContain('1 hr');
    expect(within(screen.getByTestId('shards')).getByText('7.2.4')).toBeTruthy();
  });

  it('walks the prefix tree by keyboard: open, enter, back to the parent, close', async () => {
    await open();
    const tree = screen.getByRole('tree', { name: 'Keys by prefix' });
    const items = () => within(tree).getAllByRole('treeitem');
    expect(items().map((i) => i.querySelector('.prefix-label')?.textContent)).toEqual([
      'user:',
      'session:',
      '(no prefix)',
    ]);
    const user = items()[0] as HTMLElement;
    expect(user.tabIndex).toBe(0);
    user.focus();
    fireEvent.keyDown(user, { key: 'ArrowRight' });
    expect(user.getAttribute('aria-expanded')).toBe('true');
    // Children by what they add, and the keys no listed child holds.
    expect(items().map((i) => i.querySelector('.prefix-label')?.textContent)).toEqual([
      'user:',
      '42:',
      '43:',
      '(other keys)',
      'session:',
      '(no prefix)',
    ]);
    fireEvent.keyDown(user, { key: 'ArrowRight' });
    expect(document.activeElement?.querySelector('.prefix-label')?.textContent).toBe('42:');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-level')).toBe('2');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(user);
    fireEvent.keyDown(user, { key: 'ArrowLeft' });
    expect(user.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toHaveLength(3);
    // A prefix with no longer one listed under it has nothing to open.
    expect(items()[1]?.hasAttribute('aria-expanded')).toBe(false);
  });

  it('shows a failed reading with the catalog text and retries it', async () => {
    let calls = 0;
    const fake = inspectCore({
      inspect: {
        'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')),
        'inspect:report': () =>
          ++calls === 1 ? fail('INTERNAL', 'RDB format error at byte 9') : ok(sampleReport()),
      },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('RDB format error at byte 9');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('inspect-report');
  });
});

describe('reading a backup', () => {
  it('shows how far it got, and stops on request with the catalog text and a way to start again', async () => {
    let answer: (value: ReturnType<typeof fail>) => void = () => undefined;
    const fake = inspectCore({
      inspect: {
        'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')),
        'inspect:report': () =>
          new Promise((resolve) => {
            answer = resolve;
          }),
      },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('report-loading');
    const requestId = (fake.callsTo('inspect:report')[0] as { requestId: string }).requestId;
    act(() =>
      fake.emitInspect({
        requestId,
        backupId: '64b1c2d3-backup-1',
        file: 'dump.rdb',
        bytesRead: 1024 * 1024,
        totalBytes: 4 * 1024 * 1024,
        phase: 'reading',
      }),
    );
    expect(screen.getByTestId('report-loading').textContent).toContain('Reading the backup: 1 MB of 4 MB');
    fireEvent.click(screen.getByTestId('report-cancel'));
    await waitFor(() => expect(fake.callsTo('inspect:cancel')).toEqual([{ requestId }]));
    await act(async () => answer(fail('INSPECT_CANCELLED', 'cancelled')));
    expect((await screen.findByRole('alert')).textContent).toContain('The inspection was cancelled.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.callsTo('inspect:report')).toHaveLength(2));
  });
});

describe('prefix separators', () => {
  it('reads the backup again with other separators, and refuses repeated or blank ones', async () => {
    const fake = inspectCore({
      inspect: { 'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')) },
    });
    window.location.hash = inspectHash;
    render(<App resolution={{ api: fake.api }} />);
    const input = (await screen.findByTestId('separators')) as HTMLInputElement;
    expect(input.value).toBe(':/|.');
    fireEvent.change(input, { target: { value: '::' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(screen.getByText(/one to eight different printable characters/)).toBeTruthy();
    fireEvent.change(input, { target: { value: ': ' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(fake.callsTo('inspect:report')).toHaveLength(1);
    fireEvent.change(input, { target: { value: '_' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(fake.callsTo('inspect:report')).toHaveLength(2));
    expect(fake.callsTo('inspect:report')[1]).toMatchObject({ backup: ref(), separators: '_' });
  });
});
