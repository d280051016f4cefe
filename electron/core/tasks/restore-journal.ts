/**
 * The restore journal: every change to a restore record is appended (and fsynced) as the record's full new
 * state, before the step it announces is taken. Reading folds the lines, last state wins, so after a kill
 * at any point the app knows each restore's last durable phase — in particular whether RestoreInstance may
 * have left ('sending') and must be reconciled rather than sent again.
 */
import { join } from 'node:path';
import { type RestoreRecord, RestoreRecordSchema } from '../../../shared/tasks';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../storage/atomic-file';
import { JsonLinesFile } from '../storage/json-lines';

/** Rewrite the file with one line per restore once it holds this many lines. */
const COMPACT_AFTER_LINES = 2000;

export class RestoreJournal {
  readonly #file: JsonLinesFile<RestoreRecord>;
  readonly #log: Logger;
  readonly #records = new Map<string, RestoreRecord>();
  #lines = 0;
  #loaded = false;

  constructor(deps: { userData: string; logger: Logger }) {
    this.#file = new JsonLinesFile(join(deps.userData, 'restores.jsonl'), (v) =>
      RestoreRecordSchema.parse(v),
    );
    this.#log = deps.logger.child('journal');
  }

  /** Reads the journal once; unreadable lines (a torn last write) are skipped and counted. */
  async load(): Promise<{ records: RestoreRecord[]; skipped: number }> {
    const { entries, skipped } = await this.#file.read();
    this.#records.clear();
    for (const record of entries) this.#records.set(record.restoreId, record);
    this.#lines = entries.length + skipped;
    this.#loaded = true;
    if (skipped > 0) this.#log.warn('skipped unreadable journal lines', { skipped });
    return { records: this.all(), skipped };
  }

  all(): RestoreRecord[] {
    return [...this.#records.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(restoreId: string): RestoreRecord | undefined {
    return this.#records.get(restoreId);
  }

  /** Updates the in-memory state only (a poll that changed nothing but its count); not worth an fsync. */
  touch(record: RestoreRecord): void {
    if (this.#records.has(record.restoreId)) this.#records.set(record.restoreId, record);
  }

  /** Durably records the new state; resolves only once it is on disk. */
  async write(record: RestoreRecord): Promise<RestoreRecord> {
    if (!this.#loaded) await this.load();
    const parsed = RestoreRecordSchema.parse(record);
    await this.#file.append(parsed);
    this.#records.set(parsed.restoreId, parsed);
    if (++this.#lines > COMPACT_AFTER_LINES) await this.#compact();
    return parsed;
  }

  async #compact(): Promise<void> {
    const text = this.all()
      .reverse()
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');
    await writeFileAtomic(this.#file.path, text);
    this.#lines = this.#records.size;
  }
}
