/**
 * The fleet: every instance of a profile across its regions. Every region's pages are requested at once
 * (all of them when the region's size is known from its last listing or the cache, else its first page and
 * then the rest: region-pages.ts) and the shared rate limiter paces them at the published limit, so listing
 * takes about as long as the limit allows; pages are pushed to the renderer as they arrive. A region that
 * cannot be reached falls back to its last-known copy, marked stale.
 */
import type { Instance } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { FleetSnapshot, RegionProgress } from '../../../shared/ipc-contract';
import type { StoredProfile } from '../../../shared/profiles';
import { sameList } from '../../../shared/same-json';
import type { CrsApi } from '../cloud/crs-api';
import { DEFAULT_RATE_LIMITS } from '../cloud/transport/rate-limiter';
import type { Logger } from '../logging/logger';
import type { FleetCache, FleetFile } from './fleet-cache';
import { guessBudget, readRegionPages } from './region-pages';

/** DescribeInstances answers at most 1000 instances per page; the legacy DescribeRedis at most 100. */
export const FLEET_PAGE_SIZE = { v3: 1000, 'legacy-v2': 100 } as const;

export interface FleetServiceDeps {
  cache: FleetCache;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  now: () => number;
  logger: Logger;
  onPage: (page: {
    profileId: string;
    region: string;
    instances: Instance[];
    progress: RegionProgress;
  }) => void;
}

export class FleetService {
  readonly #deps: FleetServiceDeps;
  readonly #log: Logger;
  readonly #running = new Map<string, AbortController>();
  /** The latest cache write per profile; each write starts after the one before it has finished. */
  readonly #writes = new Map<string, Promise<FleetFile | undefined>>();
  /**
   * The instances of the latest answer, named by a revision, so that a refresh finding the same ones can say
   * `unchanged` instead of sending them again (tens of MB to parse on the page's thread at 100,000). Only the
   * latest profile's: the page shows one fleet at a time.
   */
  #held: { profileId: string; revision: string; instances: readonly Instance[] } | undefined;
  #revisions = 0;
  /** How many instances each region of each profile had when last listed or read from the cache. */
  readonly #sizes = new Map<string, Map<string, number>>();

  constructor(deps: FleetServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('fleet');
  }

  async cached(profileId: string): Promise<FleetSnapshot> {
    this.#deps.profile(profileId);
    // A refresh answers before its cache write ends: what is asked for now must include that write.
    await this.#writes.get(profileId);
    const file = await this.#deps.cache.readFleet(profileId);
    const entries = Object.entries(file?.regions ?? {});
    const oldest = entries.map(([, e]) => e.fetchedAt).sort()[0];
    const instances = entries.flatMap(([, e]) => e.instances);
    // The window reads the cache before it refreshes: that refresh can then ask for every page at once.
    for (const [region, entry] of entries) this.#knowSize(profileId, region, entry.instances.length);
    return {
      profileId,
      instances,
      revision: this.#hold(profileId, instances),
      regions: entries.map(([region, e]) => ({
        region,
        loaded: e.instances.length,
        total: e.instances.length,
        state: 'done',
      })),
      // Nothing cached yet is not "stale": there is simply nothing to show until the first listing.
      freshness: { source: 'cache', stale: entries.length > 0, ...(oldest ? { fetchedAt: oldest } : {}) },
    };
  }

  /**
   * Lists every region; a second refresh of the same profile cancels the first. With `pageRows: false` the
   * `fleet:page` events carry progress only, for a page that already shows rows.
   */
  async refresh(
    profileId: string,
    only?: string[],
    options: { pageRows: boolean; knownRevision?: string } = { pageRows: true },
  ): Promise<FleetSnapshot> {
    const profile = this.#deps.profile(profileId);
    const regions = only?.filter((r) => profile.regions.includes(r)) ?? profile.regions;
    this.#running.get(profileId)?.abort();
    const controller = new AbortController();
    this.#running.set(profileId, controller);
    const api = this.#deps.api(profile);
    const started = this.#deps.now();
    // Guess no more pages than the limit lets go at once beside every region's first page (region-pages.ts).
    const size = FLEET_PAGE_SIZE[api.generation];
    const sizes = this.#sizes.get(profileId);
    const guesses = guessBudget(
      regions.map((region) => {
        const known = sizes?.get(region);
        return known === undefined ? undefined : Math.ceil(known / size);
      }),
      DEFAULT_RATE_LIMITS.DescribeInstances,
    );
    const results = await Promise.all(
      regions.map((region, at) =>
        this.#region(profileId, region, api, controller.signal, options.pageRows, guesses[at] ?? 0),
      ),
    );
    if (this.#running.get(profileId) === controller) this.#running.delete(profileId);
    for (const r of results) {
      if (r.progress.state === 'done') this.#knowSize(profileId, r.progress.region, r.instances.length);
    }

    const fetchedAt = new Date(started).toISOString();
    const fresh = Object.fromEntries(
      results
        .filter((r) => r.progress.state === 'done')
        .map((r) => [r.progress.region, { fetchedAt, instances: r.instances }]),
    );
    // The cache is a cache: the answer does not wait for the file to be written.
    const written = Object.keys(fresh).length > 0 ? this.#write(profileId, fresh) : undefined;
    const failed = results.filter((r) => r.progress.state !== 'done');
    // Only a failed region needs its last-known copy, and the file being written holds it: then (only then)
    // the answer waits for the write, which is also the read of what was cached before.
    const lastWrite = written ?? this.#writes.get(profileId);
    const cached =
      failed.length === 0
        ? {}
        : (((await lastWrite) ?? (await this.#deps.cache.readFleet(profileId)))?.regions ?? {});
    const instances = results.flatMap((r) =>
      r.progress.state === 'done' ? r.instances : (cached[r.progress.region]?.instances ?? []),
    );
    const oldestFallback = failed
      .map((r) => cached[r.progress.region]?.fetchedAt)
      .filter(Boolean)
      .sort()[0];
    const firstError = failed.find((r) => r.progress.errorCode)?.progress.errorCode;
    const held = this.#held;
    const unchanged =
      options.knownRevision !== undefined &&
      held?.profileId === profileId &&
      held.revision === options.knownRevision &&
      sameList(held.instances, instances);
    return {
      profileId,
      ...(unchanged
        ? { instances: [], unchanged: true, revision: held.revision }
        : { instances, revision: this.#hold(profileId, instances) }),
      regions: results.map((r) => r.progress),
      freshness: {
        source: failed.length === results.length && results.length > 0 ? 'cache' : 'live',
        stale: failed.length > 0,
        fetchedAt: oldestFallback ?? fetchedAt,
        ...(firstError ? { errorCode: firstError } : {}),
      },
    };
  }

  #knowSize(profileId: string, region: string, size: number): void {
    let sizes = this.#sizes.get(profileId);
    if (!sizes) {
      sizes = new Map();
      this.#sizes.set(profileId, sizes);
    }
    sizes.set(region, size);
  }

  #hold(profileId: string, instances: readonly Instance[]): string {
    // Unique within this core's life, and the time keeps a restarted core's apart.
    const revision = `${this.#deps.now().toString(36)}-${++this.#revisions}`;
    this.#held = { profileId, revision, instances };
    return revision;
  }

  /** Resolves once every cache write started so far has finished (the core awaits it before quitting). */
  async flush(): Promise<void> {
    await Promise.all([...this.#writes.values()]);
  }

  /**
   * Queues a cache write behind the profile's previous one, so an older write never lands after a newer
   * one. Resolves to the file written, or undefined when writing failed: that is logged, never thrown, as
   * the listing itself succeeded.
   */
  #write(profileId: string, regions: Record<string, { fetchedAt: string; instances: Instance[] }>) {
    const previous = this.#writes.get(profileId) ?? Promise.resolve(undefined);
    const next = previous.then(() =>
      this.#deps.cache.writeRegions(profileId, regions).catch((error: unknown) => {
        this.#log.error('fleet cache write failed', {
          profileId,
          reason: error instanceof Error ? error.message.slice(0, 300) : String(error),
        });
        return undefined;
      }),
    );
    this.#writes.set(profileId, next);
    void next.then(() => {
      if (this.#writes.get(profileId) === next) this.#writes.delete(profileId);
    });
    return next;
  }

  cancel(profileId: string): boolean {
    const controller = this.#running.get(profileId);
    controller?.abort();
    return controller !== undefined;
  }

  async #region(
    profileId: string,
    region: string,
    api: CrsApi,
    signal: AbortSignal,
    pageRows: boolean,
    maxGuessed: number,
  ): Promise<{ instances: Instance[]; progress: RegionProgress }> {
    const byId = new Map<string, Instance>();
    let total: number | undefined;
    const emit = (instances: Instance[], state: RegionProgress['state']) => {
      const progress: RegionProgress = {
        region,
        loaded: byId.size,
        state,
        ...(total === undefined ? {} : { total }),
      };
      this.#deps.onPage({ profileId, region, instances, progress });
      return progress;
    };
    const size = FLEET_PAGE_SIZE[api.generation];
    const pages = new Map<number, Instance[]>();
    const page = async (offset: number, ahead: boolean) => {
      if (signal.aborted) throw new AppError('CANCELLED');
      const result = await api.describeInstances({ region, limit: size, offset, once: ahead });
      if (signal.aborted) throw new AppError('CANCELLED');
      total = result.total;
      pages.set(offset, result.instances);
      const fresh = result.instances.filter((i) => !byId.has(i.id));
      for (const instance of fresh) byId.set(instance.id, instance);
      emit(pageRows ? fresh : [], 'loading');
      return result.total;
    };
    try {
      const expected = this.#sizes.get(profileId)?.get(region);
      const { offsets } = await readRegionPages(size, expected, page, maxGuessed);
      return { instances: inPageOrder(offsets, pages), progress: emit([], 'done') };
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      if (code === 'CANCELLED') return { instances: [], progress: emit([], 'cancelled') };
      this.#log.warn('region listing failed', { profileId, region, code });
      const progress = emit([], 'failed');
      return {
        instances: [],
        progress: {
          ...progress,
          errorCode: code,
          errorMessage: error instanceof Error ? error.message.slice(0, 300) : '',
          ...requestIdOf(error),
        },
      };
    }
  }
}

/**
 * A region's instances in the cloud's order, page by page, each once (an instance that moved between pages
 * while they were read shows where it was first seen). Pages arrive in any order; answering in arrival order
 * made two listings of an unchanged fleet differ, so the renderer could not tell that nothing had changed
 * and rebuilt its index of 100,000 rows after every refresh.
 */
function inPageOrder(offsets: readonly number[], pages: ReadonlyMap<number, Instance[]>): Instance[] {
  const seen = new Set<string>();
  const instances: Instance[] = [];
  for (const offset of offsets) {
    for (const instance of pages.get(offset) ?? []) {
      if (seen.has(instance.id)) continue;
      seen.add(instance.id);
      instances.push(instance);
    }
  }
  return instances;
}

/** The RequestId a cloud error carried (call-runner puts it in the details), so the window can show it. */
function requestIdOf(error: unknown): { requestId?: string } {
  const id = error instanceof AppError ? error.details?.requestId : undefined;
  return typeof id === 'string' && /^[\x21-\x7e]{1,128}$/.test(id) ? { requestId: id } : {};
}
