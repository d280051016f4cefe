/** The other slices: app start-up, profiles, backups, tasks, restore, audit. */
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../renderer/src/store';
import { backupKey } from '../../../renderer/src/store/backups-slice';
import { selectTaskList } from '../../../renderer/src/store/selectors';
import { fail, ok } from '../../../shared/result';
import { defaultPreferences } from '../../../shared/settings';
import { backup, fakeCore, info, profile, record } from './fixtures/sample';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('app slice', () => {
  it('becomes ready, shows notices, loads profiles, tasks and the first profile’s fleet', async () => {
    const fake = fakeCore({
      tasks: [record()],
      overrides: {
        'app:notices': () => ok([{ level: 'warning', code: 'SETTINGS_RESET', message: 'moved aside' }]),
      },
    });
    const store = createAppStore(fake.api);
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().fleetRows).toHaveLength(1));
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.notices.map((n) => n.message)).toEqual(['moved aside']);
    expect(s.activeProfileId).toBe(profile().id);
    expect(Object.keys(s.tasks)).toEqual(['r-1']);
    fake.emit('app:notice', { level: 'error', code: 'X', message: 'later' });
    expect(store.getState().notices).toHaveLength(2);
    store.getState().dismissNotice(store.getState().notices[0]?.key ?? -1);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['later']);
  });

  it('stays usable when the core cannot list profiles yet', async () => {
    const fake = fakeCore({ overrides: { 'profiles:list': () => fail('UNKNOWN_CHANNEL', 'no') } });
    const store = createAppStore(fake.api);
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().profilesStatus).toBe('error'));
    expect(store.getState().status).toBe('ready');
  });

  it('follows settings pushed by main and saves patches', async () => {
    const fake = fakeCore();
    const store = createAppStore(fake.api);
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    fake.emit('settings:changed', { ...defaultPreferences, language: 'zh-CN' });
    expect(store.getState().prefs?.language).toBe('zh-CN');
    expect(await store.getState().updatePrefs({ theme: 'dark' })).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:update', request: { theme: 'dark' } });
  });
});

describe('notification clicks from main (Electron)', () => {
  it('switch to the profile and open the instance', async () => {
    const other = profile({ id: 'p-2', name: 'Other' });
    const fake = fakeCore({ profiles: [profile(), other] });
    const store = createAppStore(fake.api);
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().activeProfileId).toBe(profile().id));
    fake.emit('app:navigate', { profileId: 'p-2', region: 'ap-shanghai', instanceId: 'crs-x1' });
    expect(store.getState().activeProfileId).toBe('p-2');
    expect(window.location.hash).toBe('#/instance/ap-shanghai/crs-x1');
  });
});

describe('profiles slice', () => {
  it('makes a created or sandbox profile active and loads its fleet', async () => {
    const sandbox = profile({ id: 'p-sandbox', name: 'Sandbox', environment: 'sandbox' });
    const fake = fakeCore({ profiles: [], overrides: { 'sandbox:start': () => ok(sandbox) } });
    const store = createAppStore(fake.api);
    const result = await store.getState().startSandbox();
    expect(result.ok).toBe(true);
    expect(store.getState().activeProfileId).toBe('p-sandbox');
    await vi.waitFor(() => expect(fake.calls.some((c) => c.channel === 'fleet:refresh')).toBe(true));
  });

  it('deletes a profile and falls back to the next one', async () => {
    const a = profile({ id: 'a' });
    const b = profile({ id: 'b' });
    const fake = fakeCore({
      profiles: [a, b],
      overrides: { 'profiles:delete': () => ok({ removedSecrets: 3 }) },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadProfiles();
    expect(store.getState().activeProfileId).toBe('a');
    const r = await store.getState().deleteProfile('a');
    expect(r).toEqual({ ok: true, value: { removedSecrets: 3 } });
    expect(store.getState().activeProfileId).toBe('b');
  });

  it('passes connection test errors back without throwing', async () => {
    const fake = fakeCore({ overrides: { 'profiles:test': () => fail('AUTH_FAILED', 'bad signature') } });
    const store = createAppStore(fake.api);
    const r = await store.getState().testProfile({ id: 'a' });
    expect(r).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: 'bad signature' } });
  });
});

describe('backups slice', () => {
  const target = { profileId: 'p', region: 'ap-guangzhou', instanceId: 'crs-abcd1234' };

  it('asks for the span with the instance’s creation and keeps the whole answer with its coverage', async () => {
    const backups = Array.from({ length: 150 }, (_, i) => backup({ id: `b-${i}` }));
    const fake = fakeCore({
      overrides: {
        'backups:list': () =>
          ok({
            backups,
            beginTime: '2025-11-30T08:01:00.000Z',
            endTime: '2026-11-30T08:01:00.000Z',
            statusCoverage: 'normal-and-locked',
            freshness: { source: 'live', stale: false },
          }),
      },
    });
    const store = createAppStore(fake.api);
    const createdAt = '2024-01-01T00:00:00.000Z';
    await store.getState().loadBackups({ ...target, createdAt }, 365);
    expect(fake.calls.at(-1)?.request).toEqual({ ...target, span: 365, createdAt });
    const list = store.getState().backups[backupKey(target)];
    expect(list?.backups).toHaveLength(150);
    expect(list).toMatchObject({ span: 365, status: 'ready', statusCoverage: 'normal-and-locked' });
    await store.getState().loadBackups(target, 'all');
    expect(fake.calls.at(-1)?.request).toEqual({ ...target, span: 'all' });
  });

  it('keeps the error for the view', async () => {
    const fake = fakeCore({ overrides: { 'backups:list': () => fail('RATE_LIMITED', 'slow down') } });
    const store = createAppStore(fake.api);
    await store.getState().loadBackups(target, 7);
    expect(store.getState().backups[backupKey(target)]).toMatchObject({
      status: 'error',
      error: { code: 'RATE_LIMITED' },
    });
  });
});

describe('tasks slice', () => {
  it('merges events with the journal, newest first, never going back in time', async () => {
    const fake = fakeCore({ tasks: [record({ restoreId: 'r-1', createdAt: '2026-11-30T07:00:00.000Z' })] });
    const store = createAppStore(fake.api);
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().tasksStatus).toBe('ready'));
    fake.emit('task:updated', record({ restoreId: 'r-2', createdAt: '2026-11-30T08:00:00.000Z' }));
    expect(selectTaskList(store.getState()).map((r) => r.restoreId)).toEqual(['r-2', 'r-1']);
    fake.emit(
      'task:updated',
      record({ restoreId: 'r-2', status: 'succeed', updatedAt: '2026-11-30T09:00:00.000Z' }),
    );
    fake.emit(
      'task:updated',
      record({ restoreId: 'r-2', status: 'running', updatedAt: '2026-11-30T08:30:00.000Z' }),
    );
    expect(store.getState().tasks['r-2']?.status).toBe('succeed');
  });

  it('raises a toast and, in browser mode only, a desktop notification when a task ends', async () => {
    for (const shell of ['browser', 'electron'] as const) {
      const notify = vi.fn();
      const fake = fakeCore({ info: { shell } });
      const store = createAppStore(fake.api, { notify });
      store.getState().init();
      await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
      fake.emit('task:finished', record({ status: 'succeed', phase: 'done' }));
      expect(store.getState().toasts[0]).toMatchObject({
        level: 'success',
        titleKey: 'toast.restoreSucceeded',
        href: '#/instance/ap-guangzhou/crs-abcd1234',
      });
      expect(notify).toHaveBeenCalledTimes(shell === 'browser' ? 1 : 0);
    }
  });

  it('respects the notifications preference', async () => {
    const notify = vi.fn();
    const fake = fakeCore({ prefs: { notifications: false } });
    const store = createAppStore(fake.api, { notify });
    store.getState().init();
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    fake.emit('task:finished', record({ status: 'failed', phase: 'done' }));
    expect(notify).not.toHaveBeenCalled();
    expect(store.getState().toasts[0]?.level).toBe('error');
  });
});

describe('restore slice', () => {
  const target = { profileId: 'p', region: 'ap-guangzhou', instanceId: 'crs-abcd1234', backupId: 'b-1' };

  it('runs preflight on open and never sends twice while a start is in flight', async () => {
    let finish: () => void = () => undefined;
    const fake = fakeCore({
      overrides: {
        'restore:start': () =>
          new Promise((r) => {
            finish = () => r(ok(record()));
          }),
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().openRestore(target);
    expect(store.getState().restore?.preflightStatus).toBe('ready');
    const first = store.getState().startRestore({ password: 'x' });
    await tick();
    expect(await store.getState().startRestore({ password: 'x' })).toBeUndefined();
    store.getState().closeRestore();
    expect(store.getState().restore).toBeDefined();
    finish();
    expect(await first).toMatchObject({ restoreId: 'r-1' });
    expect(fake.calls.filter((c) => c.channel === 'restore:start')).toHaveLength(1);
    expect(store.getState().tasks['r-1']).toBeDefined();
  });

  it('locks after an unknown outcome reported as an error', async () => {
    const fake = fakeCore({
      overrides: { 'restore:start': () => fail('RESTORE_OUTCOME_UNKNOWN', 'no answer') },
    });
    const store = createAppStore(fake.api);
    await store.getState().openRestore(target);
    await store.getState().startRestore({});
    expect(store.getState().restore?.outcomeUnknown).toBe(true);
    await store.getState().startRestore({});
    expect(fake.calls.filter((c) => c.channel === 'restore:start')).toHaveLength(1);
  });
});

describe('audit slice', () => {
  it('drops empty filters, sorts newest first, and exports with the current query', async () => {
    const entry = (id: string, time: string) => ({
      id,
      time,
      osUser: 'dba',
      appVersion: '1',
      action: 'restore' as const,
      outcome: 'started' as const,
      profileId: 'p',
      profileName: 'P',
      message: '',
    });
    const fake = fakeCore({
      overrides: {
        'audit:list': () =>
          ok({
            entries: [entry('1', '2026-01-01T00:00:00Z'), entry('2', '2026-02-01T00:00:00Z')],
            skipped: 1,
          }),
        'audit:export': () => ok({ filename: 'audit.csv', mimeType: 'text/csv', content: 'a,b' }),
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadAudit({ text: '', instanceId: 'crs-1', limit: 50 });
    expect(fake.calls.at(-1)?.request).toEqual({ instanceId: 'crs-1', limit: 50 });
    expect(store.getState().auditEntries.map((e) => e.id)).toEqual(['2', '1']);
    expect(store.getState().auditSkipped).toBe(1);
    const r = await store.getState().exportAudit('csv');
    expect(r.ok).toBe(true);
    expect(fake.calls.at(-1)?.request).toEqual({ format: 'csv', query: { instanceId: 'crs-1', limit: 50 } });
    expect(info().shell).toBe('browser');
  });
});
