/**
 * Builds one inspection report from the reader's entries of one backup's files (one per shard of a cluster),
 * in memory bounded by its caps (top keys, prefix nodes), never by the key count. The report is only handed
 * out once every file ended cleanly: a file that fails makes the whole inspection fail.
 */
import { escapeKey } from '../../../../shared/escape-key';
import {
  DEFAULT_SEPARATORS,
  type InspectionReport,
  type RedisTypeName,
  redisTypes,
  type ShardLine,
  type TtlBucket,
  ttlBuckets,
} from '../../../../shared/inspector';
import type { RdbKeyEntry, RdbSummary } from '../rdb/rdb-types';
import { estimateMemory } from './memory-estimate';
import { PrefixTree, type PrefixTreeOptions } from './prefix-tree';
import { TopKeys } from './top-keys';
import { isExpired, ttlBucket } from './ttl-buckets';

export interface ReportOptions {
  /** Expiries are compared with this moment (epoch ms). */
  referenceMs: number;
  separators?: string;
  topKeys?: number;
  prefixTree?: Omit<PrefixTreeOptions, 'separators'>;
}

interface DbLine {
  keys: number;
  expires: number;
  alreadyExpired: number;
  bytes: number;
}

const bucketIndex = Object.fromEntries(ttlBuckets.map((b, i) => [b, i])) as Record<TtlBucket, number>;

interface EncodingLine {
  type: RedisTypeName;
  encoding: string;
  keys: number;
  bytes: number;
}

interface Shard {
  file: string;
  keys: number;
  expires: number;
  bytes: number;
}

export class ReportBuilder {
  readonly #referenceMs: number;
  readonly #top: TopKeys;
  readonly #tree: PrefixTree;
  readonly #dbs = new Map<number, DbLine>();
  readonly #types = new Map<
    RedisTypeName,
    { keys: number; bytes: number; elements: number; memory: number }
  >();
  /** Per type, per encoding: nested maps, so that a key costs no string building. */
  readonly #encodings = new Map<RedisTypeName, Map<string, EncodingLine>>();
  readonly #ttl = new Float64Array(ttlBuckets.length);
  readonly #shards: ShardLine[] = [];
  #current: Shard | null = null;
  #functions = 0;
  readonly #moduleAux = new Set<string>();

  constructor(options: ReportOptions) {
    this.#referenceMs = options.referenceMs;
    this.#top = new TopKeys(options.topKeys ?? 100);
    this.#tree = new PrefixTree({
      separators: options.separators ?? DEFAULT_SEPARATORS,
      ...options.prefixTree,
    });
    for (const type of redisTypes) this.#types.set(type, { keys: 0, bytes: 0, elements: 0, memory: 0 });
  }

  startFile(file: string): void {
    this.#current = { file, keys: 0, expires: 0, bytes: 0 };
  }

  /** One key of the current file (the reader's `onKey`). */
  readonly add = (entry: RdbKeyEntry): void => {
    const shard = this.#current;
    if (!shard) throw new Error('ReportBuilder.add before startFile');
    const expired = isExpired(entry.expireAtMs, this.#referenceMs);
    let db = this.#dbs.get(entry.db);
    if (!db) {
      db = { keys: 0, expires: 0, alreadyExpired: 0, bytes: 0 };
      this.#dbs.set(entry.db, db);
    }
    db.keys += 1;
    db.bytes += entry.bytes;
    shard.keys += 1;
    shard.bytes += entry.bytes;
    if (entry.expireAtMs !== null) {
      db.expires += 1;
      shard.expires += 1;
      if (expired) db.alreadyExpired += 1;
    }
    const type = this.#types.get(entry.type);
    if (type) {
      type.keys += 1;
      type.bytes += entry.bytes;
      type.elements += entry.elements;
      type.memory += estimateMemory(entry);
    }
    let ofType = this.#encodings.get(entry.type);
    if (!ofType) {
      ofType = new Map();
      this.#encodings.set(entry.type, ofType);
    }
    let encoding = ofType.get(entry.encoding);
    if (!encoding) {
      encoding = { type: entry.type, encoding: entry.encoding, keys: 0, bytes: 0 };
      ofType.set(entry.encoding, encoding);
    }
    encoding.keys += 1;
    encoding.bytes += entry.bytes;
    const bucket = bucketIndex[ttlBucket(entry.expireAtMs, this.#referenceMs)];
    this.#ttl[bucket] = (this.#ttl[bucket] ?? 0) + 1;
    this.#top.offer(entry);
    this.#tree.add(entry.key, entry.bytes);
  };

  /** The current file ended cleanly: its summary (from the reader) closes its shard line. */
  endFile(summary: RdbSummary): void {
    const shard = this.#current;
    if (!shard) throw new Error('ReportBuilder.endFile before startFile');
    if (summary.keys !== shard.keys) {
      // The reader counts what it handed out; a mismatch is a reader bug, never a report to show.
      throw new Error(`reader reported ${summary.keys} keys but handed out ${shard.keys}`);
    }
    this.#shards.push({
      file: shard.file,
      keys: shard.keys,
      expires: shard.expires,
      bytes: shard.bytes,
      fileBytes: summary.bytesRead,
      rdbVersion: summary.rdbVersion,
      ...(summary.aux['redis-ver'] !== undefined ? { redisVersion: summary.aux['redis-ver'] } : {}),
      checksum: summary.checksum,
    });
    this.#functions += summary.functions;
    for (const name of summary.moduleAux) this.#moduleAux.add(name);
    this.#current = null;
  }

  build(): InspectionReport {
    if (this.#current) throw new Error('ReportBuilder.build with a file still open');
    const databases: InspectionReport['databases'] = {};
    for (const [db, line] of [...this.#dbs].sort(([a], [b]) => a - b)) databases[String(db)] = { ...line };
    const types = {} as InspectionReport['types'];
    for (const [type, t] of this.#types) {
      types[type] = { keys: t.keys, bytes: t.bytes, elements: t.elements, estimatedMemory: t.memory };
    }
    const sum = (pick: (d: DbLine) => number) => [...this.#dbs.values()].reduce((n, d) => n + pick(d), 0);
    const tree = this.#tree.result();
    return {
      files: this.#shards.length,
      rdbVersion: Math.max(0, ...this.#shards.map((s) => s.rdbVersion)),
      keys: sum((d) => d.keys),
      expires: sum((d) => d.expires),
      alreadyExpired: sum((d) => d.alreadyExpired),
      bytes: sum((d) => d.bytes),
      referenceMs: this.#referenceMs,
      databases,
      types,
      encodings: [...this.#encodings.values()]
        .flatMap((m) => [...m.values()])
        .sort(
          (a, b) => b.bytes - a.bytes || `${a.type}:${a.encoding}`.localeCompare(`${b.type}:${b.encoding}`),
        ),
      bigKeys: this.#top.sorted().map((k) => ({
        db: k.db,
        key: escapeKey(k.key),
        type: k.type,
        encoding: k.encoding,
        bytes: k.bytes,
        elements: k.elements,
        expireAtMs: k.expireAtMs,
      })),
      prefixTree: { separators: this.#tree.separators, ...tree },
      ttl: ttlBuckets.map((bucket, i) => ({ bucket, keys: this.#ttl[i] ?? 0 })),
      shards: [...this.#shards],
      functions: this.#functions,
      moduleAux: [...this.#moduleAux].sort(),
    };
  }
}
