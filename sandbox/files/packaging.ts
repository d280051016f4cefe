// How a backup file is packed before it is served: plain `.rdb`, a `.tar` holding the `.rdb`, gzip
// (`.rdb.gz`), or both (`.tar.gz`), and optionally AES-256-CBC encrypted.
//
// Layouts: the only official example of DescribeBackupUrl (tccli examples.json, "查询备份Rdb下载地址") shows
// plain `.rdb` files, one per shard; no official page seen names another layout. The sandbox serves the
// other three for a few demo backups so that clients are ready for them (sandbox/README.md lists which).
//
// Encryption: DescribeBackupDetail reports Encrypted, DecryptKey and KeyAlgorithm "AES-256-CBC" (SDK
// 4.1.313 DescribeBackupDetailResponse). The official example's DecryptKey (tccli DescribeBackupDetail.md,
// masked) is 44 base64 characters ending in one "=", i.e. a base64-encoded 32-byte key. No official source
// says where the IV is; the sandbox's form — unverified — is: the file is the 16-byte IV followed by the
// AES-256-CBC ciphertext (PKCS#7 padding) of the packed file, and DecryptKey is the key in base64.
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import type { Layout } from './demo-traits.js';

export type { Layout };

/** The served name for an RDB file name under a layout. */
export function packedName(rdbName: string, layout: Layout): string {
  const base = rdbName.replace(/\.rdb$/, '');
  switch (layout) {
    case 'rdb':
      return rdbName;
    case 'tar':
      return `${base}.tar`;
    case 'gz':
      return `${rdbName}.gz`;
    case 'tar.gz':
      return `${base}.tar.gz`;
  }
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A POSIX ustar archive holding one regular file (mode 0600), as GNU tar writes it. */
export function tarOne(name: string, data: Buffer, mtimeSec: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error('tar member name over 100 bytes');
  const header = Buffer.alloc(512, 0);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o600, 8), 100, 'latin1');
  header.write(octal(0, 8), 108, 'latin1');
  header.write(octal(0, 8), 116, 'latin1');
  header.write(octal(data.length, 12), 124, 'latin1');
  header.write(octal(mtimeSec, 12), 136, 'latin1');
  header.write('        ', 148, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  header.write('redis', 265, 'latin1');
  header.write('redis', 297, 'latin1');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512, 0);
  return Buffer.concat([header, data, padding, Buffer.alloc(1024, 0)]);
}

export function pack(rdbName: string, rdb: Buffer, layout: Layout, mtimeSec: number): Buffer {
  switch (layout) {
    case 'rdb':
      return rdb;
    case 'tar':
      return tarOne(rdbName, rdb, mtimeSec);
    case 'gz':
      return gzipSync(rdb, { level: 6 });
    case 'tar.gz':
      return gzipSync(tarOne(rdbName, rdb, mtimeSec), { level: 6 });
  }
}

export interface BackupKey {
  /** DecryptKey as DescribeBackupDetail answers it: the 32-byte key, base64. */
  decryptKey: string;
  key: Buffer;
  iv: Buffer;
}

/** A backup's key and IV, derived from a sandbox-private secret so they are stable for one sandbox. */
export function backupKey(secret: Buffer, backupId: string): BackupKey {
  const key = createHmac('sha256', secret).update(`key/${backupId}`).digest();
  const iv = createHash('sha256').update(secret).update(`iv/${backupId}`).digest().subarray(0, 16);
  return { decryptKey: key.toString('base64'), key, iv };
}

/** IV ‖ AES-256-CBC(data), PKCS#7 padded (the sandbox's unverified form, see above). */
export function encrypt(data: Buffer, backup: BackupKey): Buffer {
  const cipher = createCipheriv('aes-256-cbc', backup.key, backup.iv);
  return Buffer.concat([backup.iv, cipher.update(data), cipher.final()]);
}
