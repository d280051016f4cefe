/**
 * Downloads a backup into the cache, in main: asks the cloud for the backup's links (and, when it is
 * encrypted, its key), makes room in the cache, then fetches every file (one per shard) from the links the
 * API returned and nowhere else, through the app's fetch (and so its proxy setting). Progress goes out as
 * `backup:download-progress` events. An interrupted file resumes with HTTP Range; an expired link is
 * replaced by asking the cloud once more; a refusal is told apart as an expired link, a VPC/IP restriction
 * or a plain denial. Backups are customer data and links carry signatures: logs hold ids, states, statuses
 * and byte counts only; the decryption key lives in this process's memory for one download and is wiped.
 */
import { rm } from 'node:fs/promises';
import type {
  BackupDownloadNetwork,
  BackupRef,
  CacheCleared,
  CachedBackup,
  DownloadList,
  DownloadProgress,
  DownloadStarted,
  Encryption,
} from '../../../shared/downloads';
import { AppError } from '../../../shared/errors';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import type { BackupCache } from './backup-cache';
import { aesKeyOf, checkAlgorithm } from './backup-decrypt';
import { type CacheEntry, entryBytes, isComplete, refKey } from './cache-index';
import {
  codeOf,
  messageOf,
  nameOf,
  optional,
  type Planned,
  planFiles,
  progressCounts,
} from './download-plan';
import { downloadFile } from './file-download';
import { type DownloadFetch, FetchFailure } from './file-fetch';
import { ProgressMeter } from './progress-meter';

export interface DownloadServiceDeps {
  cache: BackupCache;
  /** The CRS client of a profile; throws PROFILE_NOT_FOUND for an unknown one. */
  api: (profileId: string) => CrsApi;
  fetch: DownloadFetch;
  network: () => BackupDownloadNetwork;
  emit: (progress: DownloadProgress) => void;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  newId: () => string;
  /** Attempts per file after a cut connection or a server error, each resuming where the last stopped. */
  retries?: number;
  /** No byte for this long counts as a cut connection. */
  idleTimeoutMs?: number;
}

const DEFAULT_RETRIES = 3;
const DEFAULT_IDLE_MS = 60_000;

interface Active {
  id: string;
  ref: BackupRef;
  controller: AbortController;
  release: () => void;
  /** Settles with the last event once the download ended (set right after the download begins). */
  done?: Promise<DownloadProgress>;
  last: DownloadProgress;
}

export class DownloadService {
  readonly #deps: DownloadServiceDeps;
  readonly #log: Logger;
  readonly #active = new Map<string, Active>();
  readonly #byId = new Map<string, Active>();

  constructor(deps: DownloadServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('downloads');
  }

  /** Starts (or joins) the download of a backup; answers at once, the rest is told by progress events. */
  async start(ref: BackupRef): Promise<DownloadStarted> {
    this.#deps.api(ref.profileId);
    await this.#deps.cache.load();
    const running = this.#active.get(refKey(ref));
    if (running) return { downloadId: running.id, cached: false };
    const id = `dl-${this.#deps.newId()}`;
    const entry = this.#deps.cache.get(ref);
    if (entry && isComplete(entry)) return { downloadId: id, cached: true };
    const controller = new AbortController();
    const active: Active = {
      id,
      ref,
      controller,
      release: this.#deps.cache.pin(ref, true),
      last: this.#progress(id, ref, 'resolving', {}),
    };
    this.#active.set(refKey(ref), active);
    this.#byId.set(id, active);
    active.done = this.#run(active).finally(() => {
      this.#deps.cache.unreserve(ref);
      active.release();
      this.#active.delete(refKey(ref));
      this.#byId.delete(id);
    });
    return { downloadId: id, cached: false };
  }

  /** Stops a running download; what it fetched stays in the cache and a later start resumes it. */
  cancel(downloadId: string): { cancelled: boolean } {
    const active = this.#byId.get(downloadId);
    if (!active) return { cancelled: false };
    active.controller.abort();
    return { cancelled: true };
  }

  /** The last event of a running download, settled with its final one (tests and the inspector wait on it). */
  whenDone(downloadId: string): Promise<DownloadProgress> | undefined {
    return this.#byId.get(downloadId)?.done;
  }

  async list(): Promise<DownloadList> {
    await this.#deps.cache.load();
    const listed = new Set<string>();
    const entries: CachedBackup[] = this.#deps.cache.list().map((entry) => {
      listed.add(refKey(entry));
      const active = this.#active.get(refKey(entry));
      return active ? { ...entry, state: 'active' as const, downloadId: active.id } : entry;
    });
    // A download still asking the cloud for its links has no cache entry yet; it is listed all the same.
    for (const active of this.#active.values()) {
      if (listed.has(refKey(active.ref))) continue;
      const now = new Date(this.#deps.now()).toISOString();
      entries.unshift({
        ...active.ref,
        state: 'active',
        files: [],
        bytes: 0,
        encryption: active.last.encryption ?? 'unknown',
        createdAt: now,
        lastUsedAt: now,
        downloadId: active.id,
      });
    }
    return { entries, usedBytes: this.#deps.cache.usedBytes(), capBytes: this.#deps.cache.capBytes() };
  }

  /**
   * The cap setting changed: evict down to it now rather than at the next download. A failure to remove a
   * file is logged, not thrown: the setting is saved either way and the next download evicts again.
   */
  async fitCap(): Promise<void> {
    await this.#deps.cache
      .fitCap()
      .catch((error: unknown) => this.#log.warn('eviction to the new cap failed', { error: nameOf(error) }));
  }

  clear(): Promise<CacheCleared> {
    return this.#deps.cache.deleteAll();
  }

  /** For the inspector (BackupFiles): local paths of a whole downloaded backup, or null. */
  filesFor(
    profileId: string,
    region: string,
    instanceId: string,
    backupId: string,
  ): Promise<string[] | null> {
    return this.#deps.cache.filesFor({ profileId, region, instanceId, backupId });
  }

  /** Holds a backup's files while the inspector reads them: neither eviction nor "delete all" removes them. */
  pin(ref: BackupRef): () => void {
    return this.#deps.cache.pin(ref);
  }

  /** Cancels every running download (app shutdown); parts stay for a later resume. */
  async dispose(): Promise<void> {
    const running = [...this.#active.values()];
    for (const active of running) active.controller.abort();
    await Promise.all(running.map((a) => a.done?.catch(() => undefined)));
  }

  async #run(active: Active): Promise<DownloadProgress> {
    const { ref } = active;
    const meter = new ProgressMeter(this.#deps.now);
    this.#emit(active, active.last);
    let key: Buffer | undefined;
    let entry: CacheEntry | undefined;
    try {
      const api = this.#deps.api(ref.profileId);
      const detail = await api.describeBackupDetail(ref);
      const encryption: Encryption =
        detail.encrypted === true ? 'decrypted' : detail.encrypted === false ? 'no' : 'unknown';
      if (detail.encrypted) checkAlgorithm(detail.keyAlgorithm);
      // A key without `Encrypted` (the official DescribeBackupDetail example has one): the content decides.
      if (detail.encrypted !== false && detail.decryptKey) key = aesKeyOf(detail.decryptKey);
      if (detail.encrypted && !key) key = aesKeyOf('');
      let planned = await this.#resolve(api, ref);
      entry = await this.#prepare(ref, planned, encryption);
      const held = entry;
      this.#log.info('download started', {
        downloadId: active.id,
        instanceId: ref.instanceId,
        backupId: ref.backupId,
        files: planned.length,
        encryption,
        resumedBytes: entryBytes(entry),
      });
      const totalKnown = planned.every((p) => p.expectedBytes !== undefined);
      const total = totalKnown ? planned.reduce((s, p) => s + (p.expectedBytes ?? 0), 0) : undefined;
      if (total !== undefined) await this.#deps.cache.reserve(ref, Math.max(0, total - entryBytes(entry)));
      for (let index = 0; index < planned.length; index++) {
        const file = entry.files[index];
        const plan = planned[index];
        if (!file || !plan || file.complete) continue;
        const onRefresh = async () => {
          planned = await this.#resolve(api, ref);
          return planned[index]?.url;
        };
        const progress = this.#progressOf(active, held, index, total, meter);
        await downloadFile({
          fetch: this.#deps.fetch,
          cache: this.#deps.cache,
          ref,
          entry: held,
          index,
          url: plan.url,
          ...optional('expectedBytes', plan.expectedBytes),
          ...optional('key', key),
          signal: active.controller.signal,
          idleTimeoutMs: this.#deps.idleTimeoutMs ?? DEFAULT_IDLE_MS,
          retries: this.#deps.retries ?? DEFAULT_RETRIES,
          totalKnown: total !== undefined,
          now: this.#deps.now,
          sleep: this.#deps.sleep,
          refresh: onRefresh,
          refusal: (error) => this.#refusal(error, ref, index),
          progress,
          restarted: () => meter.reset(),
        });
      }
      await this.#deps.cache.save();
      const done = this.#progress(active.id, ref, 'done', {
        fileIndex: Math.max(0, planned.length - 1),
        fileCount: planned.length,
        bytes: entryBytes(entry),
        totalBytes: entryBytes(entry),
        encryption: entry.encryption,
      });
      this.#log.info('download done', { downloadId: active.id, bytes: entryBytes(entry) });
      this.#emit(active, done);
      return done;
    } catch (error) {
      // A failure with nothing fetched leaves no entry behind; a partial one stays for a resume.
      if (entry) await this.#deps.cache.discardIfEmpty(ref).catch(() => undefined);
      if (entry) await this.#deps.cache.save().catch(() => undefined);
      const cancelled = error instanceof FetchFailure && error.kind === 'aborted';
      const code = cancelled ? undefined : codeOf(error);
      const last = this.#progress(active.id, ref, cancelled ? 'cancelled' : 'failed', {
        ...progressCounts(active.last),
        ...(entry ? { bytes: entryBytes(entry) } : {}),
        ...(code ? { errorCode: code, errorMessage: messageOf(error, code) } : {}),
      });
      this.#log.warn(cancelled ? 'download cancelled' : 'download failed', {
        downloadId: active.id,
        backupId: ref.backupId,
        ...(code ? { code } : {}),
        ...(error instanceof FetchFailure ? { kind: error.kind, status: error.status } : {}),
        // The name only: a message could quote a path or a value.
        ...(error instanceof AppError || error instanceof FetchFailure ? {} : { error: nameOf(error) }),
      });
      this.#emit(active, last);
      return last;
    } finally {
      key?.fill(0);
    }
  }

  /** The backup's files with the link for the chosen network; none → BACKUP_NO_DOWNLOAD_URL. */
  async #resolve(api: CrsApi, ref: BackupRef): Promise<Planned[]> {
    return planFiles(await api.describeBackupUrl(ref), this.#deps.network());
  }

  /** The cache entry for these files: kept parts are resumed; a changed file list or encryption restarts. */
  async #prepare(ref: BackupRef, planned: Planned[], encryption: Encryption): Promise<CacheEntry> {
    const cache = this.#deps.cache;
    const existing = cache.get(ref);
    // Unknown now but decided by a part's first bytes earlier (a key without `Encrypted`): that decision holds.
    const sameMode =
      existing !== undefined &&
      (existing.encryption === encryption || (encryption === 'unknown' && existing.files.length > 0));
    const sameFiles =
      existing !== undefined &&
      sameMode &&
      existing.files.length === planned.length &&
      existing.files.every((f, at) => f.name === planned[at]?.name);
    if (existing && !sameFiles) {
      for (const f of existing.files) {
        await rm(cache.pathOf(existing, f.name, !f.complete), { force: true });
      }
      existing.files = [];
    }
    const entry = await cache.ensure(ref, encryption);
    if (!sameFiles) entry.encryption = encryption;
    if (entry.files.length === 0) {
      entry.files = planned.map((p) => ({
        name: p.name,
        bytes: 0,
        ...(p.expectedBytes !== undefined ? { expectedBytes: p.expectedBytes } : {}),
        complete: false,
      }));
    }
    entry.lastUsedAt = this.#deps.now();
    await cache.save();
    return entry;
  }

  /** The progress reporter of one file: throttled events with the backup's bytes, rate and time left. */
  #progressOf(
    active: Active,
    entry: CacheEntry,
    index: number,
    total: number | undefined,
    meter: ProgressMeter,
  ): (force: boolean, from: number | undefined) => void {
    let resumedFrom: number | undefined;
    return (force, from) => {
      if (from !== undefined) resumedFrom = from;
      const bytes = entryBytes(entry);
      meter.sample(bytes);
      if (!force && !meter.due()) return;
      this.#emit(
        active,
        this.#progress(active.id, active.ref, 'downloading', {
          fileIndex: index,
          fileCount: entry.files.length,
          bytes,
          ...optional('totalBytes', total),
          rateBytesPerSecond: meter.rate(),
          ...optional('secondsLeft', meter.secondsLeft(total === undefined ? undefined : total - bytes)),
          ...optional('resumedFromBytes', resumedFrom),
          encryption: entry.encryption,
        }),
      );
    };
  }

  /** A refusal that a fresh link did not cure: expired, restricted (per the answer or the API), or denied. */
  async #refusal(error: FetchFailure, ref: BackupRef, index: number): Promise<AppError> {
    if (error.kind === 'expired') return new AppError('BACKUP_LINK_EXPIRED', undefined, { fileIndex: index });
    const restriction = await this.#deps
      .api(ref.profileId)
      .describeBackupDownloadRestriction({ region: ref.region })
      .catch(() => undefined);
    const limited =
      restriction !== undefined && /^(LimitOnlyIntranet|Customize)$/.test(restriction.limitType);
    if (error.kind === 'restricted' || limited) {
      return new AppError('BACKUP_DOWNLOAD_RESTRICTED', undefined, {
        fileIndex: index,
        ...(restriction ? { limitType: restriction.limitType } : {}),
      });
    }
    return new AppError('BACKUP_DOWNLOAD_DENIED', undefined, { fileIndex: index, httpStatus: 403 });
  }

  #progress(
    downloadId: string,
    ref: BackupRef,
    state: DownloadProgress['state'],
    fields: Partial<DownloadProgress>,
  ): DownloadProgress {
    return {
      downloadId,
      profileId: ref.profileId,
      region: ref.region,
      instanceId: ref.instanceId,
      backupId: ref.backupId,
      state,
      fileIndex: 0,
      fileCount: 0,
      bytes: 0,
      rateBytesPerSecond: 0,
      ...fields,
    };
  }

  #emit(active: Active, progress: DownloadProgress): void {
    active.last = progress;
    this.#deps.emit(progress);
  }
}
