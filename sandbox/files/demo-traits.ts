// Which demo backups are packed or encrypted (sandbox/README.md, "Backup files"): sessions are sensitive,
// so both session stores encrypt their backups; the rest shows each non-plain layout once. A module of its
// own so the backup listing (RedisBackupSet.Encrypted) and the file store read one table.
import type { BackupRecord } from '../state/types.js';

export type Layout = 'rdb' | 'tar' | 'gz' | 'tar.gz';

export const DEMO_FILE_TRAITS: Readonly<Record<string, { layout?: Layout; encrypted?: boolean }>> = {
  'crs-demo0002': { encrypted: true },
  'crs-demo0015': { encrypted: true },
  'crs-demo0008': { layout: 'tar' },
  'crs-demo0011': { layout: 'gz' },
  'crs-demo0014': { layout: 'tar.gz' },
};

/** Whether a backup's file is encrypted (RedisBackupSet.Encrypted, DescribeBackupDetail.Encrypted). */
export function backupEncrypted(backup: BackupRecord): boolean {
  return DEMO_FILE_TRAITS[backup.instanceId]?.encrypted ?? false;
}

/** How a backup's files are packed; only the ledger's monthly manual archives are .tar.gz. */
export function backupLayout(backup: BackupRecord): Layout {
  const layout = DEMO_FILE_TRAITS[backup.instanceId]?.layout ?? 'rdb';
  return layout === 'tar.gz' && backup.origin !== 'manual' ? 'rdb' : layout;
}
