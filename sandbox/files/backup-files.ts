// The files behind each backup, as the sandbox's object storage holds them. With --redis a backup that has
// a real snapshot (BackupRecord.rdbPath) serves that RDB (cut per shard for a cluster instance,
// rdb-split.ts); every other backup serves an RDB generated from
// the demo data of its instance and generation (demo-rdb.ts), one file per shard for cluster instances, as
// the official DescribeBackupUrl example shows (tccli examples.json: a five-shard Redis 4.0.8 cluster, five
// `…-redis-server-4.0.8-<id>-ignore-<shard>-ignore.rdb` files). Files are made on first demand into a
// private temporary folder (0700, files 0600) and deleted when the sandbox stops.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typeInfo } from '../state/catalog.js';
import type { BackupRecord, InstanceRecord } from '../state/types.js';
import { type CosSigner, signPath } from './cos-sign.js';
import { demoDatabases, shardOf } from './demo-rdb.js';
import { backupEncrypted, backupLayout, type Layout } from './demo-traits.js';
import { type BackupKey, backupKey, encrypt, pack, packedName } from './packaging.js';
import { splitRdb } from './rdb-split.js';
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

const FOLDER_PREFIX = 'crs-sandbox-files-';

/**
 * Deletes the file folders of sandboxes whose process is gone (a SIGKILLed host runs no stop()). The
 * folder name carries the owner's pid; a live pid, even a reused one, keeps its folder.
 */
export function sweepOrphans(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name);
    if (!match) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        rmSync(join(parent, name), { recursive: true, force: true });
      }
    }
  }
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
    sweepOrphans(tmpdir());
    this.root = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
    this.signer = { accessKey: 'AKIDsandboxObjectStorage000000000000', secret: randomBytes(32) };
  }

  traits(backup: BackupRecord): BackupFileTraits {
    const encrypted = backupEncrypted(backup);
    return {
      layout: backupLayout(backup),
      encrypted,
      key: encrypted ? backupKey(this.secret, backup.id) : null,
    };
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
      ? this.realRdbs(readFileSync(backup.rdbPath), shards)
      : this.demoRdbs(instance, backup, generation, engine.rdb, shards);
    const traits = this.traits(backup);
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

  /** A --redis snapshot, cut per shard for a cluster instance; whole when it cannot be cut. */
  private realRdbs(snapshot: Buffer, shards: number): Buffer[] {
    return splitRdb(snapshot, shards) ?? [snapshot];
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
