/**
 * The timers behind following a restore or a clone: one pending step per record, each step answering the
 * delay before the next (or that it ended), a step that throws retried at the slowest pace rather than
 * dropped, and the count of reads in a row that waiting cannot fix. What a step looks at is the follower's
 * own (task-follower.ts, clones/clone-follower.ts).
 */
import type { StoredProfile } from '../../../shared/profiles';
import type { Preferences } from '../../../shared/settings';
import type { RestoreRecord } from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import { MAX_UNHEALED_READS } from './follow-limits';
import type { RestoreJournal } from './restore-journal';

/** The slowest pace of polling a record that is being followed. */
export const MAX_POLL_MS = 15_000;
/** Each poll waits this much longer than the one before, up to the slowest pace. */
export const BACKOFF = 1.5;

export interface TimerFns {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** One look at a record; the delay before the next, or undefined once following it has ended. */
export type FollowStep = (delay: number) => Promise<number | undefined>;

/** What a follower (restore or clone) reads and writes: the journal, the cloud, and its service's save/finish. */
export interface FollowerDeps extends TimerFns {
  journal: RestoreJournal;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  preferences: () => Preferences;
  now: () => number;
  logger: Logger;
  save: (record: RestoreRecord) => Promise<RestoreRecord>;
  finish: (record: RestoreRecord) => Promise<RestoreRecord>;
}

export interface FollowScheduleDeps extends TimerFns {
  preferences: () => Preferences;
  log: Logger;
  /** What the log says when a step throws. */
  failure: string;
}

export class FollowSchedule {
  readonly #deps: FollowScheduleDeps;
  readonly #timers = new Map<string, unknown>();
  /** Per record: reads in a row that failed for a reason waiting cannot fix. */
  readonly #unhealed = new Map<string, number>();
  #disposed = false;

  constructor(deps: FollowScheduleDeps) {
    this.#deps = deps;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** The first wait, from the poll interval preference. */
  firstDelay(): number {
    return this.#deps.preferences().pollIntervalSeconds * 1000;
  }

  /** Runs `step` for the record after `delay`, replacing any step already pending for it. */
  schedule(id: string, delay: number, step: FollowStep): void {
    if (this.#disposed) return;
    const previous = this.#timers.get(id);
    if (previous !== undefined) this.#deps.clearTimer(previous);
    const handle = this.#deps.setTimer(() => {
      this.#timers.delete(id);
      step(delay).then(
        (next) => {
          if (next !== undefined) this.schedule(id, next, step);
        },
        (error: unknown) => {
          this.#deps.log.error(this.#deps.failure, {
            restoreId: id,
            error: error instanceof Error ? error.name : 'unknown',
          });
          this.schedule(id, MAX_POLL_MS, step);
        },
      );
    }, delay);
    this.#timers.set(id, handle);
  }

  /** Counts one more read that waiting cannot fix; returns the count so far (reset once it reaches the bound). */
  countUnhealed(id: string): number {
    const count = (this.#unhealed.get(id) ?? 0) + 1;
    this.#unhealed.set(id, count);
    if (count >= MAX_UNHEALED_READS) this.#unhealed.delete(id);
    return count;
  }

  /** A read succeeded: the count of reads that cannot heal starts again. */
  healed(id: string): void {
    this.#unhealed.delete(id);
  }

  dispose(): void {
    this.#disposed = true;
    for (const handle of this.#timers.values()) this.#deps.clearTimer(handle);
    this.#timers.clear();
  }
}
