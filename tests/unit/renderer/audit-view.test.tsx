/**
 * The audit view: "1 entry" / "N entries", coded messages rendered in the current language (with the stored
 * English for old entries), and a failed reload said out loud over the entries still shown.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import type { AuditEntry } from '../../../shared/audit';
import { fail, ok } from '../../../shared/result';
import { fakeCore } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: `e-${Math.random()}`,
  time: '2026-12-04T18:00:00.000Z',
  osUser: 'dba',
  appVersion: '1.0.0',
  action: 'restore',
  outcome: 'started',
  profileId: 'p1',
  profileName: '生产账号',
  instanceId: 'crs-abcd1234',
  message: 'Restore task 42 started.',
  ...patch,
});

function open(entries: AuditEntry[], language: 'en' | 'zh-CN' = 'en') {
  const fake = fakeCore({
    prefs: { language },
    overrides: { 'audit:list': () => ok({ entries, skipped: 0 }) },
  });
  window.location.hash = '#/audit';
  render(<App resolution={{ api: fake.api }} />);
  return fake;
}

describe('audit view', () => {
  it('says "1 entry" for one and "N entries" for more', async () => {
    open([entry({})]);
    expect(await screen.findByText('1 entry')).toBeTruthy();
    cleanup();
    open([entry({}), entry({})]);
    expect(await screen.findByText('2 entries')).toBeTruthy();
  });

  it('renders coded messages in Chinese, and an old uncoded entry as stored', async () => {
    open(
      [
        entry({ messageCode: 'restore-started', messageParams: { taskId: '42' } }),
        entry({
          action: 'profile-updated',
          outcome: 'succeed',
          message: 'Profile changed: name, secretKey.',
          messageCode: 'profile-updated',
          messageParams: { fields: 'name,secretKey', dropped: '0' },
          time: '2026-12-04T17:00:00.000Z',
        }),
        entry({ message: 'Legacy English text.', time: '2026-12-04T16:00:00.000Z' }),
      ],
      'zh-CN',
    );
    const table = await screen.findByTestId('audit-table');
    await waitFor(() => expect(table.textContent).toContain('恢复任务 42 已开始。'));
    expect(table.textContent).toContain('配置已修改：名称、已更换 SecretKey。');
    expect(table.textContent).not.toContain('Restore task 42 started.');
    expect(table.textContent).toContain('Legacy English text.');
    expect(table.textContent).toContain('2026-12-05 02:00 (UTC+8)');
  });

  it('says so when a reload fails while older entries stay on screen', async () => {
    let calls = 0;
    const fake = fakeCore({
      overrides: {
        'audit:list': () =>
          ++calls === 1 ? ok({ entries: [entry({})], skipped: 0 }) : fail('INTERNAL', 'disk error'),
      },
    });
    window.location.hash = '#/audit';
    render(<App resolution={{ api: fake.api }} />);
    await screen.findByText('1 entry');
    expect(screen.queryByTestId('audit-stale')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect((await screen.findByTestId('audit-stale')).textContent).toContain('could not be reloaded');
  });
});
