import { describe, expect, it } from 'vitest';
import { findSafetyBackupId } from '../../../electron/core/tasks/safety-backup';
import { fakeBackup, fakeBackupApi } from '../../fakes/fake-backup-api';

const startedAt = '2026-12-07T03:00:00.000Z';
const at = Date.parse(startedAt);
const remark = 'Safety backup before restore 1234abcd';
const target = { region: 'ap-guangzhou', instanceId: 'crs-1', remark, startedAt, now: at + 60_000 };

describe('finding the safety backup by its remark', () => {
  it('names the one backup with the remark, within the window around its start', async () => {
    const api = fakeBackupApi([
      fakeBackup('other', at + 1000, { kind: 'manual', remark: 'by hand' }),
      fakeBackup('ours', at + 2000, { kind: 'manual', remark }),
    ]);
    expect(await findSafetyBackupId(api, target)).toBe('ours');
    expect(Date.parse(api.calls[0]?.beginTime ?? '')).toBeLessThan(at);
    expect(Date.parse(api.calls[0]?.endTime ?? '')).toBeGreaterThan(target.now);
  });

  it('gives no id rather than a wrong one when two backups share the remark, or the row is incomplete', async () => {
    const twice = fakeBackupApi([
      fakeBackup('a', at + 1000, { remark }),
      fakeBackup('b', at + 2000, { remark }),
    ]);
    expect(await findSafetyBackupId(twice, target)).toBeUndefined();
    const incomplete = fakeBackupApi([fakeBackup('c', at + 1000, { remark, incomplete: ['BackupId'] })]);
    expect(await findSafetyBackupId(incomplete, target)).toBeUndefined();
  });
});
