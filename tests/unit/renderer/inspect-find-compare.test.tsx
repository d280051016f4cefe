/**
 * Find (exact or glob, over downloaded backups; a value shown only on request, escaped, forgotten on close),
 * Compare (the newest by default; "what this restore would lose" only against the newest, said to compare
 * backups and not the live instance), and Settings' backup downloads.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { isGlob } from '../../../renderer/src/components/inspect/find-view';
import { ok } from '../../../shared/result';
import { completeCache, inspectCore, ref, sampleDiff } from './fixtures/inspect-sample';
import { backup } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const base = '#/inspect/ap-guangzhou/crs-abcd1234/64b1c2d3-backup-1';
const backups = [
  backup({ id: 'newest-backup', startTime: '2026-11-30T02:00:00.000Z' }),
  backup({ id: '64b1c2d3-backup-1', startTime: '2026-11-29T02:00:00.000Z' }),
  backup({ id: 'older-backup', startTime: '2026-11-28T02:00:00.000Z' }),
];

describe('isGlob', () => {
  it('reads an unescaped *, ? or [ as a pattern and anything else as a name', () => {
    expect(isGlob('user:42:*')).toBe(true);
    expect(isGlob('user:?')).toBe(true);
    expect(isGlob('user:[ab]')).toBe(true);
    expect(isGlob('user:42:profile')).toBe(false);
    expect(isGlob('price\\*2')).toBe(false);
  });
});

describe('find', () => {
  const open = (cached = ['64b1c2d3-backup-1', 'older-backup'], preview?: () => ReturnType<typeof ok>) => {
    const fake = inspectCore({
      backups,
      inspect: {
        'backup:downloads': () => ok(completeCache(...cached)),
        ...(preview ? { 'inspect:preview': preview } : {}),
      },
    });
    window.location.hash = `${base}/find`;
    render(<App resolution={{ api: fake.api }} />);
    return fake;
  };

  it('searches the inspected backup by default, with a glob, and offers only downloaded backups', async () => {
    const fake = open();
    const input = await screen.findByLabelText('Key name or pattern');
    const boxes = within(screen.getByRole('group', { name: 'In these backups' })).getAllByRole('checkbox');
    expect(boxes.map((b) => [(b as HTMLInputElement).checked, (b as HTMLInputElement).disabled])).toEqual([
      [false, true], // the newest: not downloaded
      [true, false], // the inspected one
      [false, false],
    ]);
    // A backup not on this computer links to its own inspection, which downloads it.
    expect(
      screen.getByRole('link', { name: 'not downloaded: inspect it to download it' }).getAttribute('href'),
    ).toBe('#/inspect/ap-guangzhou/crs-abcd1234/newest-backup');
    fireEvent.click(boxes[2] as HTMLElement);
    fireEvent.change(input, { target: { value: 'user:42:*' } });
    fireEvent.click(screen.getByTestId('find-submit'));
    await screen.findByTestId('find-results');
    expect(fake.callsTo('inspect:find')).toMatchObject([
      { backups: [ref(), ref('older-backup')], pattern: 'user:42:*', glob: true },
    ]);
    expect(screen.getByText('1 key matches.')).toBeTruthy();
  });

  it('asks for a pattern before searching', async () => {
    const fake = open();
    fireEvent.click(await screen.findByTestId('find-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('Type a key name or a pattern.');
    expect(fake.callsTo('inspect:find')).toEqual([]);
  });

  it('reads a value only on request, shows it escaped, and forgets it when closed', async () => {
    const fake = open(undefined, () =>
      ok({
        db: 0,
        key: 'user:42:profile',
        type: 'string',
        text: 'Alice\u202e<b>x</b>\u0000',
        truncated: true,
      }),
    );
    fireEvent.change(await screen.findByLabelText('Key name or pattern'), {
      target: { value: 'user:42:profile' },
    });
    fireEvent.click(screen.getByTestId('find-submit'));
    const show = await screen.findByTestId('show-value');
    expect(fake.callsTo('inspect:find')).toMatchObject([{ glob: false }]);
    expect(fake.callsTo('inspect:preview')).toEqual([]);
    fireEvent.click(show);
    const panel = await screen.findByTestId('value-preview');
    await waitFor(() => expect(panel.querySelector('pre')?.textContent).toBe('Alice\\u{202e}<b>x</b>\\x00'));
    // Text, never markup.
    expect(panel.querySelector('b')).toBeNull();
    expect(fake.callsTo('inspect:preview')).toEqual([
      { requestId: expect.any(String), backup: ref(), db: 0, key: 'user:42:profile' },
    ]);
    expect(within(panel).getByText('First 1 KB only.')).toBeTruthy();
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByTestId('value-preview')).toBeNull();
    expect(document.body.textContent).not.toContain('Alice');
    expect(document.activeElement).toBe(screen.getByTestId('show-value'));
  });
});

describe('a collection value', () => {
  it('lists its first elements, each escaped, in order', async () => {
    const fake = inspectCore({
      backups,
      inspect: {
        'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1')),
        'inspect:preview': () =>
          ok({
            db: 0,
            key: 'user:42:profile',
            type: 'hash',
            items: ['name', 'Alice\u0007', 'tier', '"\\xff"'],
            truncated: false,
          }),
      },
    });
    window.location.hash = `${base}/find`;
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.change(await screen.findByLabelText('Key name or pattern'), {
      target: { value: 'user:42:profile' },
    });
    fireEvent.click(screen.getByTestId('find-submit'));
    fireEvent.click(await screen.findByTestId('show-value'));
    const panel = await screen.findByTestId('value-preview');
    await waitFor(() =>
      expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
        'name',
        'Alice\\x07',
        'tier',
        '"\\xff"',
      ]),
    );
    expect(within(panel).queryByText('First 1 KB only.')).toBeNull();
    fireEvent.click(within(panel).getByTestId('close-value'));
    expect(screen.queryByTestId('value-preview')).toBeNull();
  });
});

describe('compare', () => {
  const open = (cached: string[], diff = sampleDiff()) => {
    const fake = inspectCore({
      backups,
      inspect: { 'backup:downloads': () => ok(completeCache(...cached)), 'inspect:diff': () => ok(diff) },
    });
    window.location.hash = `${base}/compare`;
    render(<App resolution={{ api: fake.api }} />);
    return fake;
  };

  it('compares with the newest by default and says what the restore would lose, and against what', async () => {
    const fake = open(['64b1c2d3-backup-1', 'newest-backup']);
    const select = (await screen.findByTestId('compare-other')) as HTMLSelectElement;
    expect(select.value).toBe('newest-backup');
    expect(select.selectedOptions[0]?.textContent).toMatch(/\(newest\)$/);
    fireEvent.click(screen.getByTestId('compare-run'));
    const loss = await screen.findByTestId('loss-box');
    expect(fake.callsTo('inspect:diff')).toMatchObject([{ base: ref(), other: ref('newest-backup') }]);
    expect(loss.textContent).toContain(
      'would lose keys it holds that this backup lacks: 12; and the newer values of keys that differ here: 5.',
    );
    expect(loss.textContent).toContain('compares two backups, not the live instance');
    expect(within(screen.getByTestId('diff-counts')).getByText('1,180')).toBeTruthy();
  });

  it('does not call a comparison with an older backup what the restore would lose', async () => {
    open(['64b1c2d3-backup-1', 'older-backup']);
    const select = (await screen.findByTestId('compare-other')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'older-backup' } });
    fireEvent.click(await screen.findByTestId('compare-run'));
    await screen.findByTestId('diff-outcome');
    expect(screen.queryByTestId('loss-box')).toBeNull();
    expect(screen.getByText(/compare with the newest backup/)).toBeTruthy();
  });

  it('downloads the other backup first when it is not on this computer', async () => {
    const fake = open(['64b1c2d3-backup-1']);
    await screen.findByTestId('compare-other');
    expect(screen.queryByTestId('compare-run')).toBeNull();
    fireEvent.click(screen.getByTestId('download-start'));
    await waitFor(() => expect(fake.callsTo('backup:download')).toEqual([ref('newest-backup')]));
  });
});

describe('Settings: backup downloads', () => {
  it('shows usage, saves a valid cap, refuses a bad one, and deletes after a confirmation', async () => {
    const fake = inspectCore({ inspect: { 'backup:downloads': () => ok(completeCache('a', 'b')) } });
    window.location.hash = '#/settings';
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('backup-cache-usage')).textContent).toBe(
      '9.7 MB used by 2 downloaded backups',
    );
    const cap = screen.getByLabelText('Keep at most (GB)');
    fireEvent.change(cap, { target: { value: '0' } });
    fireEvent.blur(cap);
    expect(screen.getByText('Type a whole number of GB from 1 to 10000.')).toBeTruthy();
    fireEvent.change(cap, { target: { value: '12' } });
    fireEvent.blur(cap);
    const capSaves = () =>
      fake.calls
        .filter((c) => c.channel === 'settings:update')
        .map((c) => c.request)
        .filter((r) => typeof r === 'object' && r !== null && 'backupCacheGb' in r);
    await waitFor(() => expect(capSaves()).toEqual([{ backupCacheGb: 12 }]));
    fireEvent.change(screen.getByLabelText('Download from'), { target: { value: 'inner' } });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'settings:update').at(-1)?.request).toEqual({
        backupDownloadNetwork: 'inner',
      }),
    );
    fireEvent.click(screen.getByTestId('backup-cache-clear'));
    const dialog = await screen.findByRole('dialog');
    expect(fake.callsTo('backup:cache-clear')).toEqual([]);
    fireEvent.click(within(dialog).getByTestId('backup-cache-clear-confirm'));
    await waitFor(() => expect(fake.callsTo('backup:cache-clear')).toHaveLength(1));
    await act(async () => undefined);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
  it('shows the usage main reports after a lowered cap, and says when backups in use keep it over', async () => {
    // Main evicts before it answers settings:update; the usage is read again after that answer.
    let list = completeCache('a', 'b', 'c');
    const fake = inspectCore({ inspect: { 'backup:downloads': () => ok(list) } });
    window.location.hash = '#/settings';
    render(<App resolution={{ api: fake.api }} />);
    const usage = await screen.findByTestId('backup-cache-usage');
    expect(usage.textContent).toBe('14.6 MB used by 3 downloaded backups');
    expect(screen.queryByTestId('backup-cache-over')).toBeNull();
    list = { ...completeCache('a'), capBytes: 1e6 };
    const cap = screen.getByLabelText('Keep at most (GB)');
    fireEvent.change(cap, { target: { value: '1' } });
    fireEvent.keyDown(cap, { key: 'Enter' });
    await waitFor(() => expect(usage.textContent).toBe('4.9 MB used by 1 downloaded backups'));
    expect(fake.callsTo('backup:downloads').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('backup-cache-over').textContent).toMatch(/^Over the 977 KB cap/);
  });
});
