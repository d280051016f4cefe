/**
 * What the bridge allows a connection that has not said a valid hello yet, and how it logs the peers it
 * refuses. A page's hello is one small frame sent as soon as the socket opens, so a peer that is slow, large
 * or numerous before it authenticates is not a page of ours: it is cut off early, and costs one log line.
 */
import type { Logger } from '../core/logging/logger';

export interface BridgeLimits {
  /** An unauthenticated connection is closed this long after it opened. */
  helloDeadlineMs: number;
  /** At most this many connections may wait for their hello at once; more are refused at the upgrade. */
  maxUnauthenticated: number;
  /** Bytes (frames with their headers) a connection may send before its hello is accepted. */
  preAuthBytes: number;
  /** Refusals logged per minute; the rest are counted and summed up in one line. */
  refusalLinesPerMinute: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  helloDeadlineMs: 5_000,
  maxUnauthenticated: 8,
  preAuthBytes: 4 * 1024,
  refusalLinesPerMinute: 20,
};

/** WebSocket close codes the bridge uses (4000–4999 are the application's own). */
export const CLOSE_REFUSED = 4401;
export const CLOSE_HELLO_TIMEOUT = 4408;
export const CLOSE_TOO_LARGE = 4413;

/**
 * One line per refused peer, and no more than `perMinute` of them in a minute: a peer that hammers the
 * bridge cannot flood the log. What was held back is reported in one line when the next minute begins.
 */
export class RefusalLog {
  readonly #log: Logger;
  readonly #perMinute: number;
  readonly #now: () => number;
  #windowStart = 0;
  #written = 0;
  #held = 0;

  constructor(log: Logger, perMinute: number, now: () => number = Date.now) {
    this.#log = log;
    this.#perMinute = perMinute;
    this.#now = now;
  }

  refuse(reason: string, fields: Record<string, unknown> = {}): void {
    const now = this.#now();
    if (now - this.#windowStart >= 60_000) {
      if (this.#held > 0) this.#log.warn('refused more bridge peers', { count: this.#held });
      this.#windowStart = now;
      this.#written = 0;
      this.#held = 0;
    }
    if (this.#written >= this.#perMinute) {
      this.#held++;
      return;
    }
    this.#written++;
    this.#log.warn(`refused bridge peer: ${reason}`, fields);
  }
}
