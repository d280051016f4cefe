// The files behind each backup, as the sandbox's object storage holds them. With --redis a backup that has
// a real snapshot (BackupRecord.rdbPath) serves that RDB; every other backup serves an RDB generated from
// the demo data of its instance and generation (demo-rdb.ts), one file per shard for cluster instances, as
// the official DescribeBackupUrl example shows (tccli examples.json: a five-shard Redis 4.0.8 cluster, five
// `…-redis-server-4.0.8-<id>-ignore-<shard>-ignore.rdb` files). Files are made on first demand into a
// private temporary folder (0700, files 0600) and deleted when the sandbox stops.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typeInfo } from '../state/catalog.js';
import type { BackupRecord, InstanceRecord } from '../state/types.js';
import { type CosSigner, signPath } from './cos-sign.js';
import { demoDatabases, shardOf } from './demo-rdb.js';
import { type BackupKey, backupKey, encrypt, type Layout, pack, packedName } from './packaging.js';
import { writeRdb } from './rdb-writer.js';

/** The models say the links of DescribeBackupUrl are valid for 6 hours (SDK 4.1.313 BackupDownloadInfo). */
export const DEFAULT_LINK_SECONDS = 6 * 3600;

/** Engine version in file names and the RDB version its redis-server writes (redis src/rdb.h RDB_VERSION). */
const ENGINE_FILES: Readonly<Record<string, { server: string; rdb: number }>> = {
  '2.8': { server: '2.8.23', rdb: 6 },
  '3.2': { server: '3.2.12', rdb: 7 },
  '4.0': { server: '4.0.14', rdb: 8 },
  '5.0': { server: '5.0.14', rdb: 9 },
  '6.2': { server: '6.2.14', rdb: 9 },
  '7.0': { server: '7.0.15', rdb: 10 },
  // Valkey 8.0 writes RDB 11 (valkey src/rdb.h).
  '8.0': { server: '8.0.1', rdb: 11 },
};

/**
 * Which demo backups are packed or encrypted (sandbox/README.md): sessions are sensitive, so both session
 * stores encrypt their backups; the rest shows each layout once.
 */
export const DEMO_FILE_TRAITS: Readonly<Record<string, { layout?: Layout; encrypted?: boolean }>> = {
  'crs-demo0002': { encrypted: true },
  'crs-demo0015': { encrypted: true },
  'crs-demo0008': { layout: 'tar' },
  'crs-demo0011': { layout: 'gz' },
  'crs-demo0014': { layout: 'tar.gz' },
};

export interface ServedFile {
  backupId: string;
  /** FileName in the API answer. */
  name: string;
  /** URL paths (decoded) of the public and the private-network link. */
  publicPath: string;
  innerPath: string;
  diskPath: string;
  size: number;
  /** MD5 of the content in quotes, as object storage reports a simple upload's ETag. */
  etag: string;
  lastModifiedMs: number;
}

export interface BackupFileTraits {
  layout: Layout;
  encrypted: boolean;
  /** Present for encrypted backups. */
  key: BackupKey | null;
}

/** Path prefix of private-network (InnerDownloadUrl) links on the sandbox's file server. */
export const INNER_PREFIX = '/intranet';

export class BackupFileStore {
  readonly signer: CosSigner;
  /** `http://127.0.0.1:PORT` of the file server, set once it listens. */
  baseUrl = '';
  private readonly root: string;
  private readonly secret = randomBytes(32);
  private readonly byBackup = new Map<string, ServedFile[]>();
  private readonly byPath = new Map<string, ServedFile>();

  /** Legacy GetBackupDownloadUrl links: "valid for 12 hours" (intl.cloud.tencent.com/document/api/239/8452). */
  readonly legacyLinkSeconds: number;

  constructor(
    readonly linkSeconds: number = DEFAULT_LINK_SECONDS,
    legacyLinkSeconds?: number,
  ) {
    this.legacyLinkSeconds = legacyLinkSeconds ?? 12 * 3600;
    this.root = mkdtempSync(join(tmpdir(), 'crs-sandbox-files-'));
    this.signer = { accessKey: 'AKIDsandboxObjectStorage000000000000', secret: randomBytes(32) };
  }

  traits(instance: InstanceRecord, backup: BackupRecord): BackupFileTraits {
    const demo = DEMO_FILE_TRAITS[instance.id] ?? {};
    // Only the monthly archives of the ledger are packed; its nightly backups stay plain.
    const layout = demo.layout === 'tar.gz' && backup.origin !== 'manual' ? 'rdb' : (demo.layout ?? 'rdb');
    const encrypted = demo.encrypted ?? false;
    return { layout, encrypted, key: encrypted ? backupKey(this.secret, backup.id) : null };
  }

  /**
   * The backup's files, made on first call; `generation` orders the instance's demo data. `merged` asks
   * for the whole backup in one file, as the legacy API's export of a cluster backup makes it.
   */
  filesOf(instance: InstanceRecord, backup: BackupRecord, generation: number, merged = false): ServedFile[] {
    const cacheKey = merged ? `${backup.id}#merged` : backup.id;
    const known = this.byBackup.get(cacheKey);
    if (known) return known;
    const info = typeInfo(instance.type);
    const engine = ENGINE_FILES[info.version] ?? { server: info.version, rdb: 9 };
    const shards = info.cluster && !merged ? instance.shardNum : 1;
    const rdbs = backup.rdbPath
      ? [readFileSync(backup.rdbPath)]
      : this.demoRdbs(instance, backup, generation, engine.rdb, shards);
    const traits = this.traits(instance, backup);
    const numericId =
      1_000_000 + (createHash('sha1').update(instance.id).digest().readUInt32BE(0) % 9_000_000);
    const stem =
      backup.id
        .split('-')
        .slice(1)
        .join('-')
        .replace(/[^A-Za-z0-9-]/g, '-') || 'backup';
    const day = new Date(backup.startMs + 8 * 3600_000).toISOString().slice(0, 10);
    const files = rdbs.map((rdb, index) => {
      const shard = merged ? 'all' : String(index + 1);
      const rdbName = `${stem}-redis-server-${engine.server}-${numericId}-ignore-${shard}-ignore.rdb`;
      const name = packedName(rdbName, traits.layout);
      let content = pack(rdbName, rdb, traits.layout, Math.floor(backup.endMs / 1000));
      if (traits.key) content = encrypt(content, traits.key);
      const diskPath = join(this.root, `${this.byPath.size}-${name}`);
      writeFileSync(diskPath, content, { mode: 0o600 });
      // The official example's object keys have a "-" before the file name.
      const publicPath = `/${instance.appid}/redis/${numericId}/data/${day}/-${name}`;
      const file: ServedFile = {
        backupId: backup.id,
        name,
        publicPath,
        innerPath: `${INNER_PREFIX}${publicPath}`,
        diskPath,
        size: content.length,
        etag: `"${createHash('md5').update(content).digest('hex')}"`,
        lastModifiedMs: backup.endMs,
      };
      this.byPath.set(file.publicPath, file);
      this.byPath.set(file.innerPath, file);
      return file;
    });
    this.byBackup.set(cacheKey, files);
    return files;
  }

  private demoRdbs(
    instance: InstanceRecord,
    backup: BackupRecord,
    generation: number,
    version: number,
    shards: number,
  ): Buffer[] {
    const databases = demoDatabases(instance.id, generation, backup.startMs);
    const aux: [string, string][] = [
      ['redis-ver', ENGINE_FILES[typeInfo(instance.type).version]?.server ?? '0.0.0'],
      ['redis-bits', '64'],
      ['ctime', String(Math.floor(backup.startMs / 1000))],
    ];
    return Array.from({ length: Math.max(1, shards) }, (_, shard) =>
      writeRdb({ version, aux, databases: shardOf(databases, shard, shards) }),
    );
  }

  /** A signed link to a (decoded) path, valid from nowSec for `seconds`. */
  signedUrl(path: string, nowSec: number, seconds: number, restricted = false): string {
    const sign = signPath(this.signer, path, nowSec, nowSec + seconds, restricted);
    return `${this.baseUrl}${encodeURI(path)}?sign=${encodeURIComponent(sign)}`;
  }

  /** The file a (decoded) URL path names, public or private-network. */
  fileAt(path: string): ServedFile | undefined {
    return this.byPath.get(path);
  }

  /** Whether a path is a private-network link. */
  static isInner(path: string): boolean {
    return path.startsWith(`${INNER_PREFIX}/`);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
