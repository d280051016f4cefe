/**
 * Where SecretKeys (and, only if the user opts in, instance passwords) live. The OS keychain through keytar
 * is the default; when no keychain answers, secrets are kept for this session only, in memory. There is no
 * plaintext fallback, ever.
 */

import { AppError } from '../../../shared/errors';
import { PROBE_ACCOUNT, type ProbeOutcome } from './keychain-probe';

/** The keychain service name every entry is filed under. */
export const KEYCHAIN_SERVICE = 'crs-restore-desk';

export interface SecretStore {
  readonly kind: 'keychain' | 'session';
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** Returns true when an entry existed. */
  delete(account: string): Promise<boolean>;
  /** Account names only, never values. */
  accounts(): Promise<string[]>;
}

/** The subset of keytar this app uses; injected so tests and shells choose the module. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/**
 * The keychain entry that lists this app's accounts. keytar's findCredentials decrypts every stored secret to
 * list their names; the index lets accounts() read one entry that holds names only.
 */
export const ACCOUNT_INDEX = '__crs-desk-accounts__';

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly #keytar: KeytarLike;
  readonly #service: string;
  /** keytar calls on one account are serialized so a delete never races a set. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(keytar: KeytarLike, service: string = KEYCHAIN_SERVICE) {
    this.#keytar = keytar;
    this.#service = service;
  }

  get(account: string): Promise<string | undefined> {
    return this.#serial(
      account,
      async () => (await this.#keytar.getPassword(this.#service, account)) ?? undefined,
    );
  }

  async set(account: string, secret: string): Promise<void> {
    await this.#serial(account, () => this.#keytar.setPassword(this.#service, account, secret));
    await this.#updateIndex((names) => names.add(account));
  }

  async delete(account: string): Promise<boolean> {
    const existed = await this.#serial(account, () => this.#keytar.deletePassword(this.#service, account));
    await this.#updateIndex((names) => names.delete(account));
    return existed;
  }

  accounts(): Promise<string[]> {
    return this.#serial(ACCOUNT_INDEX, async () => [...(await this.#readIndex())]);
  }

  /**
   * The index, or, the first time (a keychain written before the index existed), the names found by one
   * findCredentials, written as the index so it is the only such pass.
   */
  async #readIndex(): Promise<Set<string>> {
    const raw = await this.#keytar.getPassword(this.#service, ACCOUNT_INDEX);
    if (raw !== null) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (Array.isArray(parsed)) return new Set(parsed.filter((n): n is string => typeof n === 'string'));
      } catch {
        // A damaged index is rebuilt below from the keychain itself.
      }
    }
    const found = await this.#keytar.findCredentials(this.#service);
    const names = new Set(found.map((c) => c.account).filter((n) => n !== ACCOUNT_INDEX));
    await this.#keytar.setPassword(this.#service, ACCOUNT_INDEX, JSON.stringify([...names]));
    return names;
  }

  #updateIndex(change: (names: Set<string>) => void): Promise<void> {
    return this.#serial(ACCOUNT_INDEX, async () => {
      const names = await this.#readIndex();
      const before = JSON.stringify([...names]);
      change(names);
      const after = JSON.stringify([...names]);
      if (after !== before) await this.#keytar.setPassword(this.#service, ACCOUNT_INDEX, after);
    });
  }

  #serial<T>(account: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(account) ?? Promise.resolve();
    const guarded = () => work().catch(keychainFailure);
    const next = previous.then(guarded, guarded);
    const settled = next.catch(() => undefined);
    this.#queues.set(account, settled);
    void settled.then(() => {
      if (this.#queues.get(account) === settled) this.#queues.delete(account);
    });
    return next;
  }
}

/**
 * A keychain failure as the user should read it, never INTERNAL: a dismissed prompt (libsecret says the
 * operation was "cancelled" or "dismissed") is told apart from a keychain that refused.
 */
function keychainFailure(error: unknown): never {
  if (error instanceof AppError) throw error;
  const text = error instanceof Error ? error.message : String(error);
  if (/cancel|dismiss/i.test(text)) throw new AppError('KEYCHAIN_CANCELLED');
  throw new AppError('KEYCHAIN_ERROR');
}

/** Session-only secrets: gone when the app quits. Used when no keychain is available. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'session' as const;
  readonly #entries = new Map<string, string>();

  async get(account: string): Promise<string | undefined> {
    return this.#entries.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.#entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#entries.delete(account);
  }

  async accounts(): Promise<string[]> {
    return [...this.#entries.keys()];
  }
}

/**
 * Picks the keychain when the probe (keychain-probe.ts: a child process with a deadline) found it usable and
 * keytar loads here too; otherwise session-only memory. `loadKeytar` is injected because keytar is a native
 * module that may be missing.
 */
export async function openSecretStore(
  loadKeytar: () => Promise<KeytarLike>,
  onFallback: (reason: string) => void,
  probe: () => Promise<ProbeOutcome> = async () => ({ ok: true }),
): Promise<SecretStore> {
  try {
    const outcome = await probe();
    if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.detail}`);
    const keytar = await loadKeytar();
    await keytar.getPassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT);
    return new KeytarSecretStore(keytar);
  } catch (error) {
    onFallback(error instanceof Error ? error.message : String(error));
    return new MemorySecretStore();
  }
}
