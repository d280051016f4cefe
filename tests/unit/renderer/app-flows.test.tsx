/** The app end to end over a fake core: first run, fleet keyboard, instance backups, tasks, audit, settings. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app';
import { fail, ok } from '../../../shared/result';
import { defaultPreferences } from '../../../shared/settings';
import { CRS_CONSOLE_INSTANCE_LIST_URL, taskText } from '../../../shared/tasks';
import { withViewportSize } from './fixtures/render';
import { backup, fakeCore, instance, profile, record, snapshot } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const ready = async () => {
  await waitFor(() => expect(document.querySelector('[data-app-state="ready"]')).not.toBeNull());
};

describe('first run', () => {
  it('offers a profile or the sandbox, says where secrets live, and starts the sandbox', async () => {
    const sandbox = profile({ id: 'p-sbx', name: 'Built-in sandbox', environment: 'sandbox' });
    const fake = fakeCore({
      profiles: [],
      info: { secretStore: 'session' },
      overrides: { 'sandbox:start': () => ok(sandbox) },
    });
    render(<App resolution={{ api: fake.api }} />);
    await ready();
    expect(screen.getByTestId('secret-store').textContent).toMatch(/this session only/);
    expect(screen.getByRole('link', { name: 'Add a Tencent Cloud profile' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Explore with the built-in sandbox' }));
    expect(await screen.findByTestId('fleet-grid')).toBeTruthy();
    expect(fake.calls.map((c) => c.channel)).toContain('sandbox:start');
  });

  it('shows a failed sandbox start with the catalog text', async () => {
    const fake = fakeCore({
      profiles: [],
      overrides: { 'sandbox:start': () => fail('INTERNAL', 'port in use') },
    });
    render(<App resolution={{ api: fake.api }} />);
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Explore with the built-in sandbox' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong inside the app.');
  });
});

describe('fleet', () => {
  withViewportSize();
  const instances = [
    instance({ id: 'crs-1', name: 'orders-cache' }),
    instance({ id: 'crs-2', name: 'session-store', wanIp: '10.9.9.9' }),
    instance({ id: 'crs-3', name: 'leaderboard' }),
  ];

  /** The app on the fleet page with the three instances listed (a header row and three rows). */
  const showFleet = async () => {
    const fake = fakeCore({ instances });
    render(<App resolution={{ api: fake.api }} />);
    const grid = await screen.findByTestId('fleet-grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(4));
    return { fake, grid };
  };

  it('focuses search with /, filters instantly, and opens a row with the keyboard', async () => {
    const { grid } = await showFleet();
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByRole('searchbox', { name: 'Search instances' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: '10.9.9' } });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByTestId('fleet-count').textContent).toBe('1 of 3 instances');
    fireEvent.change(search, { target: { value: '' } });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('fleet-row-crs-1');
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/instance/ap-guangzhou/crs-1'));
    expect(await screen.findByRole('heading', { name: 'orders-cache', level: 2 })).toBeTruthy();
  });

  it('Clear filters empties the search box too (it is uncontrolled)', async () => {
    const { grid } = await showFleet();
    const search = screen.getByRole('searchbox', { name: 'Search instances' }) as HTMLInputElement;
    fireEvent.change(search, { target: { value: 'orders' } });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(4));
    expect(search.value).toBe('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('filters as the user types without rewriting the search box (React does not manage it)', async () => {
    const { grid } = await showFleet();
    const search = screen.getByRole('searchbox', { name: 'Search instances' }) as HTMLInputElement;
    expect(search.placeholder).toMatch(/Search name, id or address/);
    const writes: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) writes.push(String(record.attributeName));
    });
    observer.observe(search, { attributes: true });
    for (const value of ['s', 'se', 'ses', 'se']) fireEvent.input(search, { target: { value } });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(2));
    await act(async () => undefined);
    observer.disconnect();
    // React's controlled-input restore wrote `name` and `type` after every key when React rendered the box.
    expect(writes).toEqual([]);
    expect(search.value).toBe('se');
  });

  it('relabels the count, the headers and the rows when the language changes on the fleet page', async () => {
    const { fake, grid } = await showFleet();
    expect(within(grid).getAllByText('Running')).toHaveLength(3);
    act(() => fake.emit('settings:changed', { ...defaultPreferences, language: 'zh-CN' }));
    expect(await within(grid).findByRole('button', { name: /^名称/ })).toBeTruthy();
    expect(screen.getByTestId('fleet-count').textContent).toBe('显示 3 / 共 3 个实例');
    expect(within(grid).getAllByText('运行中')).toHaveLength(3);
    expect(grid.getAttribute('aria-label')).toBe('实例列表。方向键移动，回车打开。');
  });

  it('sorts by a column header and says so to assistive technology', async () => {
    const fake = fakeCore({ instances });
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByTestId('fleet-grid');
    const header = screen.getByRole('button', { name: /^Name/ });
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(header);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('shows the offline banner with the cache age and disables restore', async () => {
    const fake = fakeCore({
      instances,
      backups: [backup()],
      overrides: {
        'fleet:cached': () =>
          ok(
            snapshot(instances, {
              freshness: {
                source: 'cache',
                stale: false,
                fetchedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
              },
            }),
          ),
        'fleet:refresh': () => fail('NETWORK', 'offline'),
      },
    });
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('stale-banner')).textContent).toMatch(/3 hours ago/);
    window.location.hash = '#/instance/ap-guangzhou/crs-1';
    fireEvent.click(await screen.findByRole('radio', { name: /Select backup from/ }));
    expect(
      (screen.getByRole('button', { name: 'Restore from selected backup…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.getByText(/Restore is disabled while the fleet is offline or stale/)).toBeTruthy();
  });
});

describe('instance view', () => {
  it('lists backups in the default window, selectable only when restorable, with the reason otherwise', async () => {
    const fake = fakeCore({
      prefs: { backupWindowDays: 3 },
      backups: [
        backup({ id: 'b-ok', remark: 'nightly' }),
        backup({ id: 'b-exp', restorable: false, status: 'expired', notRestorableReason: 'expired' }),
        backup({
          id: 'b-lock',
          restorable: false,
          status: 'locked',
          notRestorableReason: 'locked',
          kind: 'manual',
        }),
      ],
      tasks: [
        record({
          status: 'succeed',
          phase: 'done',
          message: 'Restored.',
          endedAt: '2026-11-30T08:03:00.000Z',
        }),
      ],
    });
    window.location.hash = '#/instance/ap-guangzhou/crs-abcd1234';
    render(<App resolution={{ api: fake.api }} />);
    expect(await screen.findAllByRole('radio')).toHaveLength(1);
    expect(screen.getByText('Expired', { selector: '.reason' })).toBeTruthy();
    expect(screen.getByText('Locked by another task')).toBeTruthy();
    expect(screen.getByText('Restored.')).toBeTruthy();
    expect(screen.getByText('3:00')).toBeTruthy();
    const list = fake.calls.find((c) => c.channel === 'backups:list')?.request as { span: unknown };
    expect(list.span).toBe(3);
    const restore = screen.getByRole('button', {
      name: 'Restore from selected backup…',
    }) as HTMLButtonElement;
    expect(restore.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio'));
    expect(restore.disabled).toBe(false);
    fireEvent.click(restore);
    expect(await screen.findByRole('dialog', { name: 'Restore instance from backup' })).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'restore:preflight')).toBe(true);
  });
});

describe('tasks and notices', () => {
  it('shows a toast when a task ends, and notices as dismissible banners', async () => {
    const fake = fakeCore({
      tasks: [record()],
      overrides: {
        'app:notices': () =>
          ok([
            {
              level: 'warning',
              code: 'SETTINGS_MOVED',
              message: 'settings.json was unreadable and moved aside',
            },
          ]),
      },
    });
    render(<App resolution={{ api: fake.api }} />);
    await ready();
    expect(await screen.findByText('settings.json was unreadable and moved aside')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Dismiss: settings.json/ }));
    expect(screen.queryByText('settings.json was unreadable and moved aside')).toBeNull();
    expect(await screen.findByText('1 running')).toBeTruthy();
    act(() =>
      fake.emit(
        'task:finished',
        record({ status: 'failed', phase: 'done', message: 'Task failed in the cloud' }),
      ),
    );
    expect(
      (await screen.findByText('Restore of orders-cache did not succeed')).closest('.toast')?.textContent,
    ).toContain('Task failed in the cloud');
    window.location.hash = '#/tasks';
    expect(await screen.findByTestId('tasks-table')).toBeTruthy();
    expect(screen.getAllByText('Failed').length).toBeGreaterThan(0);
  });

  it('an unknown outcome is never shown as a failure: its own toast, chip and a link to the console', async () => {
    const fake = fakeCore({ tasks: [record()] });
    render(<App resolution={{ api: fake.api }} />);
    await ready();
    expect(await screen.findByText('1 running')).toBeTruthy();
    const unknown = record({
      status: 'outcome-unknown',
      phase: 'done',
      errorCode: 'TASK_OUTCOME_UNKNOWN',
      ...taskText('outcome-unknown', {
        taskId: '42',
        instanceId: 'crs-1',
        region: 'ap-guangzhou',
        reason: 'BAD_RESPONSE',
        consoleUrl: CRS_CONSOLE_INSTANCE_LIST_URL,
      }),
    });
    act(() => fake.emit('task:finished', unknown));
    const toast = (
      await screen.findByText('Restore of orders-cache: outcome unknown — check the console')
    ).closest('.toast');
    expect(toast?.textContent).toContain(CRS_CONSOLE_INSTANCE_LIST_URL);
    expect(screen.queryByText('Restore of orders-cache did not succeed')).toBeNull();
    window.location.hash = '#/tasks';
    const table = await screen.findByTestId('tasks-table');
    expect(within(table).getByText('Outcome unknown')).toBeTruthy();
    expect(within(table).queryByText('Failed')).toBeNull();
    const link = within(table).getByRole('link', { name: 'Open the CRS console (instance list)' });
    expect(link.getAttribute('href')).toBe(CRS_CONSOLE_INSTANCE_LIST_URL);
    act(() => fake.emit('settings:changed', { ...defaultPreferences, language: 'zh-CN' }));
    expect(await within(table).findByText('结果未知')).toBeTruthy();
    expect(table.textContent).toContain('结果未知——请到控制台查看');
  });
});

describe('audit log', () => {
  it('exports through a Blob and an <a download>', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('audit-2026.csv');
    });
    const fake = fakeCore({
      overrides: {
        'audit:export': () =>
          ok({ filename: 'audit-2026.csv', mimeType: 'text/csv', content: 'time,outcome\n' }),
      },
    });
    window.location.hash = '#/audit';
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(await created[0]?.text()).toBe('time,outcome\n');
    expect(screen.getByText('Exported audit-2026.csv')).toBeTruthy();
    click.mockRestore();
  });
});

describe('settings', () => {
  it('confirms before deleting a profile and says the keychain entries go too', async () => {
    const fake = fakeCore({ overrides: { 'profiles:delete': () => ok({ removedSecrets: 2 }) } });
    window.location.hash = '#/settings';
    render(<App resolution={{ api: fake.api }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Ops staging' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toMatch(/keychain entries/);
    expect(fake.calls.some((c) => c.channel === 'profiles:delete')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete profile' }));
    expect(await screen.findByText('Profile deleted; 2 keychain entries removed.')).toBeTruthy();
  });

  it('switches the whole UI to Simplified Chinese', async () => {
    const fake = fakeCore();
    window.location.hash = '#/settings';
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByRole('heading', { name: 'Settings', level: 2 });
    act(() => fake.emit('settings:changed', { ...defaultPreferences, language: 'zh-CN' }));
    expect(await screen.findByRole('heading', { name: '设置', level: 2 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
