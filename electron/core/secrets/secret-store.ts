/**
 * Where SecretKeys (and, only if the user opts in, instance passwords) live. The OS keychain through keytar
 * is the default; when no keychain answers, secrets are kept for this session only, in memory. There is no
 * plaintext fallback, ever.
 */

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

  set(account: string, secret: string): Promise<void> {
    return this.#serial(account, () => this.#keytar.setPassword(this.#service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.#serial(account, () => this.#keytar.deletePassword(this.#service, account));
  }

  async accounts(): Promise<string[]> {
    const found = await this.#keytar.findCredentials(this.#service);
    return found.map((c) => c.account);
  }

  #serial<T>(account: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(account) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.#queues.set(account, settled);
    void settled.then(() => {
      if (this.#queues.get(account) === settled) this.#queues.delete(account);
    });
    return next;
  }
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
 * Picks the keychain when keytar loads and answers a harmless query; otherwise session-only memory.
 * `loadKeytar` is injected because keytar is a native module that may be missing or unable to reach D-Bus.
 */
export async function openSecretStore(
  loadKeytar: () => Promise<KeytarLike>,
  onFallback: (reason: string) => void,
): Promise<SecretStore> {
  try {
    const keytar = await loadKeytar();
    await keytar.findCredentials(KEYCHAIN_SERVICE);
    return new KeytarSecretStore(keytar);
  } catch (error) {
    onFallback(error instanceof Error ? error.message : String(error));
    return new MemorySecretStore();
  }
}
