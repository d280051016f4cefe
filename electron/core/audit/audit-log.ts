/**
 * The audit log: append-only JSON Lines in the user-data folder, readable offline, exportable as CSV or
 * JSON. Entries name ids and outcomes; a secret never reaches this file.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type AuditEntry,
  AuditEntrySchema,
  type AuditQuery,
  AuditQuerySchema,
  auditColumns,
} from '../../../shared/audit';
import type { Logger } from '../logging/logger';
import { JsonLinesFile } from '../storage/json-lines';

export interface AuditLogDeps {
  userData: string;
  now: () => number;
  osUser: string;
  appVersion: string;
  logger: Logger;
}

export type AuditRecord = Omit<AuditEntry, 'id' | 'time' | 'osUser' | 'appVersion'>;

export class AuditLog {
  readonly #file: JsonLinesFile<AuditEntry>;
  readonly #deps: AuditLogDeps;
  readonly #log: Logger;
  readonly #listeners = new Set<(entry: AuditEntry) => void>();

  constructor(deps: AuditLogDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('audit');
    this.#file = new JsonLinesFile(join(deps.userData, 'audit.jsonl'), (v) => AuditEntrySchema.parse(v));
  }

  async record(record: AuditRecord): Promise<AuditEntry> {
    const entry: AuditEntry = {
      id: randomUUID(),
      time: new Date(this.#deps.now()).toISOString(),
      osUser: this.#deps.osUser,
      appVersion: this.#deps.appVersion,
      ...record,
    };
    await this.#file.append(entry);
    for (const listener of this.#listeners) listener(entry);
    return entry;
  }

  onRecord(listener: (entry: AuditEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Newest first, filtered. */
  async list(query: AuditQuery = {}): Promise<{ entries: AuditEntry[]; skipped: number }> {
    const q = AuditQuerySchema.parse(query);
    const { entries, skipped } = await this.#file.read();
    if (skipped > 0) this.#log.warn('skipped unreadable audit lines', { skipped });
    const text = q.text?.toLowerCase();
    const matches = entries.filter(
      (e) =>
        (!q.profileId || e.profileId === q.profileId) &&
        (!q.instanceId || e.instanceId === q.instanceId || e.newInstanceId === q.instanceId) &&
        (!q.outcome || e.outcome === q.outcome) &&
        (!q.since || e.time >= q.since) &&
        (!text ||
          auditColumns.some((c) =>
            String(e[c] ?? '')
              .toLowerCase()
              .includes(text),
          )),
    );
    return { entries: matches.reverse().slice(0, q.limit), skipped };
  }

  async export(
    format: 'csv' | 'json',
    query: AuditQuery = {},
  ): Promise<{ filename: string; mimeType: string; content: string }> {
    const { entries } = await this.list({ ...query, limit: query.limit ?? 10_000 });
    const stamp = new Date(this.#deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    if (format === 'json') {
      return {
        filename: `crs-audit-${stamp}.json`,
        mimeType: 'application/json',
        content: `${JSON.stringify(entries, null, 2)}\n`,
      };
    }
    const lines = [auditColumns.map(csvHeader).join(',')];
    for (const entry of entries) lines.push(auditColumns.map((c) => csvCell(entry[c])).join(','));
    return { filename: `crs-audit-${stamp}.csv`, mimeType: 'text/csv', content: `${lines.join('\r\n')}\r\n` };
  }
}

/** Time columns hold ISO 8601 UTC (`…Z`); the header says so, since a spreadsheet shows the bare text. */
const UTC_COLUMNS: ReadonlySet<string> = new Set(['time', 'backupStartTime']);
export const csvHeader = (column: string): string => (UTC_COLUMNS.has(column) ? `${column} (UTC)` : column);

/**
 * Quotes a CSV cell, and defuses spreadsheet formulas: a cell starting with = + - @ (or a tab or carriage
 * return) is prefixed with a quote so opening the export in a spreadsheet never runs it.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
