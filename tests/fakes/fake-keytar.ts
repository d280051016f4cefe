/** An in-memory keytar with a call log and scriptable failures, for unit tests of the secret store. */
import type { KeytarLike } from '../../electron/core/secrets/secret-store';

export class FakeKeytar implements KeytarLike {
  readonly entries = new Map<string, string>();
  readonly calls: string[] = [];
  /** When set, the next call of any kind rejects with this message (then it is cleared). */
  failNext: string | undefined;

  #check(call: string): void {
    this.calls.push(call);
    if (this.failNext !== undefined) {
      const message = this.failNext;
      this.failNext = undefined;
      throw new Error(message);
    }
  }

  async getPassword(service: string, account: string): Promise<string | null> {
    this.#check(`get ${account}`);
    return this.entries.get(`${service}/${account}`) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.#check(`set ${account}`);
    this.entries.set(`${service}/${account}`, password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    this.#check(`delete ${account}`);
    return this.entries.delete(`${service}/${account}`);
  }

  async findCredentials(service: string): Promise<Array<{ account: string; password: string }>> {
    this.#check('find');
    return [...this.entries]
      .filter(([key]) => key.startsWith(`${service}/`))
      .map(([key, password]) => ({ account: key.slice(service.length + 1), password }));
  }
}
