/**
 * `inspect:preview` through the real core against the sandbox: a downloaded backup (plain, packed as
 * .tar.gz, encrypted) answers a key's value, read again from the file, never INSPECT_PREVIEW_UNAVAILABLE for
 * the types the reader previews; keys that are not UTF-8 come back in redis-cli's quoted form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKUPS } from '../../../sandbox/index';
import type { BackupRef, DownloadProgress } from '../../../shared/downloads';
import type { ProfileView } from '../../../shared/profiles';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;
let profile: ProfileView;

beforeAll(async () => {
  h = await startHarness();
  profile = await h.value('sandbox:start', {});
});
afterAll(async () => {
  await h.close();
});

const encryption = new Map<string, string | undefined>();

async function download(region: string, instanceId: string, backupId: string): Promise<BackupRef> {
  const ref = { profileId: profile.id, region, instanceId, backupId };
  const started = await h.value('backup:download', ref);
  if (!started.cached) {
    const last = (await h.waitFor(
      (e) =>
        e.channel === 'backup:download-progress' &&
        (e.payload as DownloadProgress).downloadId === started.downloadId &&
        ['done', 'failed', 'cancelled'].includes((e.payload as DownloadProgress).state),
    )) as DownloadProgress;
    expect(last.state).toBe('done');
    encryption.set(backupId, last.encryption);
  }
  return ref;
}

let n = 0;
const preview = (backup: BackupRef, key: string, db = 0) =>
  h.call('inspect:preview', { requestId: `pv-${++n}`, backup, db, key });

describe('inspect:preview against the sandbox', () => {
  it('answers hashes, lists and binary strings from a plain backup', async () => {
    const backup = await download('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    expect(await preview(backup, 'user:7')).toEqual({
      ok: true,
      value: {
        db: 0,
        key: 'user:7',
        type: 'hash',
        items: ['name', 'customer-7', 'tier', 'std'],
        truncated: false,
      },
    });
    const list = await preview(backup, 'orders:pending');
    expect(list).toMatchObject({ ok: true, value: { type: 'list', truncated: true } });
    const items = (list as { value: { items: string[] } }).value.items;
    expect(items.slice(0, 3)).toEqual(['order:100000', 'order:100007', 'order:100014']);
    expect(items.join('').length).toBeLessThanOrEqual(1024);
    expect(await preview(backup, '"bin:\\xff\\xfe"')).toMatchObject({
      ok: true,
      value: { type: 'string', text: '"\\x00\\xff\\xfe"', truncated: false },
    });
    expect(await preview(backup, 'user:nobody')).toMatchObject({
      ok: false,
      error: { code: 'INSPECT_KEY_NOT_FOUND' },
    });
  });

  it('answers from a .tar.gz archive and from an encrypted one, decrypted as it downloaded', async () => {
    const ledger = await download('ap-beijing', 'crs-demo0014', DEMO_BACKUPS.ledgerExported);
    expect(await preview(ledger, 'account:3')).toMatchObject({ ok: true, value: { type: 'string' } });
    const { backups } = await h.value('backups:list', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      span: 7,
    });
    const first = backups.find((b) => b.restorable) ?? backups[0];
    if (!first) throw new Error('the sessions instance has no backup');
    const sessions = await download('ap-guangzhou', 'crs-demo0002', first.id);
    expect(encryption.get(first.id)).toBe('decrypted');
    const found = await h.value('inspect:find', {
      requestId: 'pv-find',
      backups: [sessions],
      pattern: 'user:1:sessions',
      glob: false,
      limit: 10,
    });
    const match = found.matches[0];
    expect(match).toMatchObject({ type: 'set' });
    const set = await preview(sessions, 'user:1:sessions');
    expect(set).toMatchObject({ ok: true, value: { type: 'set', truncated: false } });
    expect((set as { value: { items: string[] } }).value.items).toHaveLength(match?.elements ?? -1);
  });
});
