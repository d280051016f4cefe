/** The audit log view: a query, the entries it matched, live appends, and exports. */
import type { AuditEntry, AuditQuery } from '../../../shared/audit';
import type { ResponseOf } from '../../../shared/ipc-contract';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export type AuditExport = ResponseOf<'audit:export'>;

export interface AuditSlice {
  auditQuery: AuditQuery;
  auditEntries: AuditEntry[];
  auditSkipped: number;
  auditStatus: LoadStatus;
  auditError?: UiError;
  loadAudit(query?: AuditQuery): Promise<void>;
  onAuditRecorded(entry: AuditEntry): void;
  exportAudit(
    format: 'csv' | 'json',
  ): Promise<{ ok: true; value: AuditExport } | { ok: false; error: UiError }>;
}

/** Drops empty strings so the request stays strict-schema friendly. */
export function cleanQuery(query: AuditQuery): AuditQuery {
  const out: AuditQuery = {};
  for (const [k, v] of Object.entries(query) as Array<[keyof AuditQuery, unknown]>) {
    if (v !== '' && v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export const createAuditSlice: SliceCreator<AuditSlice> = (api) => (set, get) => ({
  auditQuery: { limit: 1000 },
  auditEntries: [],
  auditSkipped: 0,
  auditStatus: 'idle',
  loadAudit: async (query = get().auditQuery) => {
    const clean = cleanQuery(query);
    set({ auditQuery: clean, auditStatus: 'loading', auditError: undefined });
    const result = await call(() => api.audit.list(clean));
    if (get().auditQuery !== clean) return;
    if (!result.ok) return set({ auditStatus: 'error', auditError: result.error });
    // Newest first: the entry a DBA looks for is almost always the last one written.
    const entries = [...result.value.entries].sort((a, b) =>
      a.time < b.time ? 1 : a.time > b.time ? -1 : 0,
    );
    set({ auditEntries: entries, auditSkipped: result.value.skipped, auditStatus: 'ready' });
  },
  onAuditRecorded: (entry) => {
    // Only prepend while nothing filters the list, so a filtered view never shows a non-matching entry.
    const { profileId, instanceId, outcome, text, since } = get().auditQuery;
    if (profileId || instanceId || outcome || text || since || get().auditStatus !== 'ready') return;
    set({ auditEntries: [entry, ...get().auditEntries] });
  },
  exportAudit: (format) => call(() => api.audit.export({ format, query: cleanQuery(get().auditQuery) })),
});
