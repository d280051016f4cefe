// The parts of the sandbox's object storage: Redis's CRC64 and cluster key slots against their published
// check values, the RDB writer's encodings, COS-style link signing, byte ranges, tar headers, the demo
// data's generations, and the file faults' validation.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../sandbox/clock.js';
import { FaultBook, parseFaultSpec } from '../../../sandbox/faults/faults.js';
import { sweepOrphans } from '../../../sandbox/files/backup-files.js';
import { signPath, verifyLink } from '../../../sandbox/files/cos-sign.js';
import { crc64 } from '../../../sandbox/files/crc64.js';
import { demoDatabases, keySlot, shardOf } from '../../../sandbox/files/demo-rdb.js';
import { parseRange } from '../../../sandbox/files/file-server.js';
import { backupKey, packedName, tarOne } from '../../../sandbox/files/packaging.js';
import { writeRdb } from '../../../sandbox/files/rdb-writer.js';
import { SandboxState } from '../../../sandbox/state/store.js';

describe('checksums and slots', () => {
  it('computes redis crc64 of "123456789" as e9c6d914c4b8d9ca (redis src/crc64.c)', () => {
    expect(crc64(Buffer.from('123456789')).toString(16)).toBe('e9c6d914c4b8d9ca');
  });

  it('hashes keys to the slots the Redis Cluster spec gives, hash tags included', () => {
    // CLUSTER KEYSLOT foo = 12182 (redis.io cluster specification / command docs).
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('{}x')).toBe(keySlot(Buffer.from('{}x')));
  });
});

describe('the RDB writer', () => {
  it('ends with EOF and the CRC64 of everything before it', () => {
    const file = writeRdb({
      version: 9,
      databases: [{ index: 0, entries: [{ key: 'k', value: { type: 'string', value: 'v' } }] }],
    });
    expect(file.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    const body = file.subarray(0, -8);
    expect(body[body.length - 1]).toBe(0xff);
    expect(file.readBigUInt64LE(file.length - 8)).toBe(crc64(body));
  });

  it('int-encodes canonical integers and keeps other strings raw, as rdbSaveRawString does', () => {
    const bytes = (value: string) =>
      writeRdb({
        version: 6,
        databases: [{ index: 0, entries: [{ key: 'k', value: { type: 'string', value } }] }],
      });
    // Header 9, SELECTDB 2, type 1, key 2, then the value.
    expect(bytes('7').subarray(14, 16)).toEqual(Buffer.from([0xc0, 7]));
    expect(bytes('300').subarray(14, 17)).toEqual(Buffer.from([0xc1, 0x2c, 0x01]));
    expect(bytes('007').subarray(14, 18)).toEqual(Buffer.from([3, 0x30, 0x30, 0x37]));
  });

  it('writes sorted-set scores as text before RDB 8 and as binary doubles from 8', () => {
    const zset = (version: number) =>
      writeRdb({
        version,
        databases: [{ index: 0, entries: [{ key: 'z', value: { type: 'zset', entries: [['m', 1.5]] } }] }],
      });
    expect(zset(6).includes(Buffer.from([3, 0x31, 0x2e, 0x35]))).toBe(true);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(1.5);
    expect(zset(9).includes(b)).toBe(true);
  });

  it('refuses versions it cannot write', () => {
    expect(() => writeRdb({ version: 13, databases: [] })).toThrow(/outside 6..12/);
  });
});

describe('signed links', () => {
  const signer = { accessKey: 'AKIDtest', secret: Buffer.alloc(32, 1) };

  it('verifies its own link inside the window, and tells expired from tampered', () => {
    const sign = signPath(signer, '/a/b.rdb', 1000, 2000);
    expect(verifyLink(signer, '/a/b.rdb', sign, 1500)).toEqual({ ok: true, restricted: false });
    expect(verifyLink(signer, '/a/b.rdb', sign, 2001)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(signer, '/a/c.rdb', sign, 1500)).toEqual({ ok: false, reason: 'signature' });
    const stretched = sign.replaceAll('1000;2000', '1000;9000');
    expect(verifyLink(signer, '/a/b.rdb', stretched, 2500)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyLink(signer, '/a/b.rdb', null, 1500)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyLink({ ...signer, secret: Buffer.alloc(32, 2) }, '/a/b.rdb', sign, 1500).ok).toBe(false);
  });

  it('marks links issued under a download restriction', () => {
    const sign = signPath(signer, '/a/b.rdb', 1000, 2000, true);
    expect(verifyLink(signer, '/a/b.rdb', sign, 1500)).toEqual({ ok: true, restricted: true });
  });
});

describe('byte ranges', () => {
  it.each([
    [undefined, { kind: 'all' }],
    ['bytes=0-9', { kind: 'part', start: 0, end: 9 }],
    ['bytes=5-', { kind: 'part', start: 5, end: 99 }],
    ['bytes=90-500', { kind: 'part', start: 90, end: 99 }],
    ['bytes=-10', { kind: 'part', start: 90, end: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=9-3', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'all' }],
    ['items=0-1', { kind: 'all' }],
  ])('%s of 100 bytes → %o', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

describe('packaging', () => {
  it('writes a ustar header whose checksum tar accepts', () => {
    const tar = tarOne('x.rdb', Buffer.from('REDIS0009'), 1_700_000_000);
    const header = Buffer.from(tar.subarray(0, 512));
    const stored = Number.parseInt(header.subarray(148, 154).toString('latin1'), 8);
    header.fill(0x20, 148, 156);
    expect(header.reduce((sum, b) => sum + b, 0)).toBe(stored);
    expect(tar.length % 512).toBe(0);
    expect(tar.subarray(512, 521).toString('latin1')).toBe('REDIS0009');
  });

  it('names packed files by layout', () => {
    expect(packedName('a.rdb', 'tar')).toBe('a.tar');
    expect(packedName('a.rdb', 'gz')).toBe('a.rdb.gz');
    expect(packedName('a.rdb', 'tar.gz')).toBe('a.tar.gz');
  });

  it('derives a 32-byte key (base64 DecryptKey) and 16-byte IV per backup', () => {
    const a = backupKey(Buffer.alloc(32, 3), 'b1');
    expect(Buffer.from(a.decryptKey, 'base64').length).toBe(32);
    expect(a.decryptKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(a.iv.length).toBe(16);
    expect(backupKey(Buffer.alloc(32, 3), 'b2').decryptKey).not.toBe(a.decryptKey);
  });
});

describe('demo data', () => {
  const names = (g: number) =>
    new Set(
      demoDatabases('crs-demo0001', g, 0).flatMap((db) => db.entries.map((e) => e.key.toString('latin1'))),
    );

  it('differs between generations by added and removed keys', () => {
    const older = names(1);
    const newer = names(2);
    expect([...newer].filter((k) => !older.has(k)).length).toBeGreaterThan(0);
    expect([...older].filter((k) => !newer.has(k)).length).toBeGreaterThan(0);
    expect(older.size).toBeGreaterThan(1000);
  });

  it('is the same for the same generation', () => {
    const once = writeRdb({ version: 9, databases: demoDatabases('crs-demo0002', 3, 5) });
    const again = writeRdb({ version: 9, databases: demoDatabases('crs-demo0002', 3, 5) });
    expect(once.equals(again)).toBe(true);
  });

  it('puts every key on exactly one shard', () => {
    const dbs = demoDatabases('crs-demo0003', 0, 0);
    const total = dbs.reduce((n, db) => n + db.entries.length, 0);
    const shards = [0, 1, 2].map((s) => shardOf(dbs, s, 3).reduce((n, db) => n + db.entries.length, 0));
    expect(shards.reduce((a, b) => a + b, 0)).toBe(total);
    expect(shards.every((n) => n > 0)).toBe(true);
  });
});

describe('file faults', () => {
  it('accepts cutDownload with bytes and restrictDownload, without an action', () => {
    expect(parseFaultSpec({ kind: 'cutDownload', bytes: 10 })).toEqual({ kind: 'cutDownload', bytes: 10 });
    expect(parseFaultSpec({ kind: 'restrictDownload', count: 2 })).toEqual({
      kind: 'restrictDownload',
      count: 2,
    });
    expect(parseFaultSpec({ kind: 'cutDownload' })).toMatch(/bytes/);
    expect(parseFaultSpec({ kind: 'cutDownload', bytes: -1 })).toMatch(/bytes/);
    expect(parseFaultSpec({ kind: 'restrictDownload', action: 'DescribeBackupUrl' })).toMatch(/file server/);
  });

  it('are consumed only by file requests, never by API requests', () => {
    const book = new FaultBook(new SandboxState(new ManualClock(0)));
    book.add({ kind: 'restrictDownload' });
    book.add({ kind: 'http5xx' });
    expect(book.take('DescribeBackupUrl', 'before').fault?.kind).toBe('http5xx');
    expect(book.take('DescribeBackupUrl', 'before').fault).toBeNull();
    expect(book.takeFile()?.kind).toBe('restrictDownload');
    expect(book.takeFile()).toBeNull();
  });
});

describe('file folders of dead sandboxes', () => {
  it('are swept; a live owner’s folder and other folders stay', () => {
    const parent = mkdtempSync(join(tmpdir(), 'crs-sweep-test-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      for (const name of [`crs-sandbox-files-${dead}-a`, `crs-sandbox-files-${process.pid}-b`, 'other-1-c']) {
        mkdirSync(join(parent, name));
      }
      sweepOrphans(parent);
      expect(existsSync(join(parent, `crs-sandbox-files-${dead}-a`))).toBe(false);
      expect(existsSync(join(parent, `crs-sandbox-files-${process.pid}-b`))).toBe(true);
      expect(existsSync(join(parent, 'other-1-c'))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
