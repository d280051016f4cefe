/**
 * Who may use the bridge. Nothing long-lived ever leaves this process:
 *
 * - a **launch code** (256 random bits) is single-use and expires after `codeTtlMs`; it reaches a window
 *   only through the private launch file (launch-file.ts) or the terminal that started the app;
 * - redeeming it opens a **session**: a parcel key the page keeps in memory, and a **resume ticket** the page
 *   keeps in `window.name` so that a reload (F5) can reconnect;
 * - a resume ticket is single-use too (every connection gets a fresh ticket and key), and it is honoured only
 *   while its session has no open socket and for `resumeGraceMs` after that socket closed: a ticket read from a
 *   live page is worthless, and a window closed for good ends its session.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export type BridgeCredential = { code: string } | { resume: string };

export interface SessionGrant {
  /** Sent with every parcel fetch (never in a URL); lives only in the page's memory. */
  key: string;
  /** The next reconnection's ticket; the page keeps it in `window.name`. */
  resume: string;
}

export interface BridgeAuthOptions {
  codeTtlMs?: number;
  resumeGraceMs?: number;
  /** How long a resume waits for the old socket of its session to close (a reload races its own unload). */
  resumeWaitMs?: number;
  now?: () => number;
  /** Tests observe every secret minted, to look for it on disk and in other processes. */
  onMint?: (secret: string, kind: 'code' | 'key' | 'resume') => void;
  /** Called when a code is redeemed, so the launch file can hold a fresh one at once. */
  onRedeem?: (code: string) => void;
}

interface Session {
  key: string;
  resume: string;
  owner: object | undefined;
  detachedAt: number;
  waiters: Array<() => void>;
  expiry: NodeJS.Timeout | undefined;
}

export const CODE_TTL_MS = 120_000;
const RESUME_GRACE_MS = 30_000;
const RESUME_WAIT_MS = 3_000;
/** Outstanding codes are few (the launch file's, the terminal's, a test's); a flood of mints is capped. */
const MAX_CODES = 64;

export const SECRET_HEX = /^[0-9a-f]{64}$/;

export class BridgeAuth {
  readonly #codes = new Map<string, number>();
  readonly #sessions = new Set<Session>();
  readonly #codeTtlMs: number;
  readonly #resumeGraceMs: number;
  readonly #resumeWaitMs: number;
  readonly #now: () => number;
  readonly #options: BridgeAuthOptions;

  constructor(options: BridgeAuthOptions = {}) {
    this.#options = options;
    this.#codeTtlMs = options.codeTtlMs ?? CODE_TTL_MS;
    this.#resumeGraceMs = options.resumeGraceMs ?? RESUME_GRACE_MS;
    this.#resumeWaitMs = options.resumeWaitMs ?? RESUME_WAIT_MS;
    this.#now = options.now ?? Date.now;
  }

  get codeTtlMs(): number {
    return this.#codeTtlMs;
  }

  /** A fresh single-use launch code. */
  mintCode(): string {
    const now = this.#now();
    for (const [code, expires] of this.#codes) if (expires <= now) this.#codes.delete(code);
    while (this.#codes.size >= MAX_CODES) {
      const oldest = this.#codes.keys().next().value as string;
      this.#codes.delete(oldest);
    }
    const code = this.#secret('code');
    this.#codes.set(code, now + this.#codeTtlMs);
    return code;
  }

  /** Opens (code) or resumes (ticket) a session for `owner`; undefined when the credential is no good. */
  async exchange(credential: BridgeCredential, owner: object): Promise<SessionGrant | undefined> {
    if ('code' in credential) {
      if (!this.#redeem(credential.code)) return undefined;
      const session: Session = {
        key: '',
        resume: '',
        owner: undefined,
        detachedAt: 0,
        waiters: [],
        expiry: undefined,
      };
      this.#sessions.add(session);
      return this.#attach(session, owner);
    }
    const session = this.#find((s) => s.resume, credential.resume);
    if (!session) return undefined;
    // The ticket is spent whatever happens next: a second try with it finds nothing.
    session.resume = '';
    if (session.owner && !(await this.#detached(session))) return undefined;
    if (this.#now() - session.detachedAt > this.#resumeGraceMs || !this.#sessions.has(session))
      return undefined;
    return this.#attach(session, owner);
  }

  /** The owner (connection) whose session holds `key`, for a parcel fetch. */
  ownerOfKey(key: string): object | undefined {
    return this.#find((s) => s.key, key)?.owner;
  }

  /** A connection closed: its session may be resumed for a short while, then it ends. */
  detach(owner: object): void {
    for (const session of this.#sessions) {
      if (session.owner !== owner) continue;
      session.owner = undefined;
      session.key = '';
      session.detachedAt = this.#now();
      for (const wake of session.waiters.splice(0)) wake();
      session.expiry = setTimeout(() => this.#sessions.delete(session), this.#resumeGraceMs);
      session.expiry.unref();
    }
  }

  /** Sessions alive (attached or resumable), for tests and diagnostics. */
  get sessionCount(): number {
    return this.#sessions.size;
  }

  clear(): void {
    for (const session of this.#sessions) clearTimeout(session.expiry);
    this.#sessions.clear();
    this.#codes.clear();
  }

  #redeem(code: string): boolean {
    for (const [known, expires] of this.#codes) {
      if (!sameSecret(known, code)) continue;
      this.#codes.delete(known);
      this.#options.onRedeem?.(known);
      return expires > this.#now();
    }
    return false;
  }

  #attach(session: Session, owner: object): SessionGrant {
    clearTimeout(session.expiry);
    session.expiry = undefined;
    session.owner = owner;
    session.key = this.#secret('key');
    session.resume = this.#secret('resume');
    return { key: session.key, resume: session.resume };
  }

  #detached(session: Session): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), this.#resumeWaitMs);
      session.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #find(field: (s: Session) => string, candidate: string): Session | undefined {
    if (!SECRET_HEX.test(candidate)) return undefined;
    for (const session of this.#sessions) if (sameSecret(field(session), candidate)) return session;
    return undefined;
  }

  #secret(kind: 'code' | 'key' | 'resume'): string {
    const secret = randomBytes(32).toString('hex');
    this.#options.onMint?.(secret, kind);
    return secret;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
