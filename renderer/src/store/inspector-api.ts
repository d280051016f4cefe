/**
 * The inspector's functions on the renderer API. PROVISIONAL: the `inspect:*` channels are defined in
 * shared/inspector.ts but not yet spread into ipc-contract.ts (its helper adds them when main handles them).
 * Until then this names the functions the contract will derive, with the same names and types; once the
 * channels are in, `inspectorApi` goes and callers use `api` directly. The download cache's `backup:*`
 * channels are in the contract already and are called on `api` itself.
 */
import type { BackupRef } from '../../../shared/downloads';
import type {
  DiffResult,
  FindResult,
  InspectionReport,
  InspectProgress,
  ValuePreview,
} from '../../../shared/inspector';
import type { RendererApi } from '../../../shared/renderer-api';
import type { Envelope } from '../../../shared/result';

type Fn<Req, Res> = (request: Req) => Promise<Envelope<Res>>;

export interface InspectorApi {
  inspect: {
    report: Fn<{ requestId: string; backup: BackupRef; separators?: string }, InspectionReport>;
    find: Fn<
      { requestId: string; backups: BackupRef[]; pattern: string; glob: boolean; limit?: number },
      FindResult
    >;
    diff: Fn<{ requestId: string; base: BackupRef; other: BackupRef; separators?: string }, DiffResult>;
    preview: Fn<{ requestId: string; backup: BackupRef; db: number; key: string }, ValuePreview>;
    /** Stops the request of that id (InspectorService.cancel); it then answers INSPECT_CANCELLED. */
    cancel: Fn<{ requestId: string }, { cancelled: boolean }>;
  };
  on: {
    inspectProgress(listener: (payload: InspectProgress) => void): () => void;
  };
}

export const inspectorApi = (api: RendererApi): InspectorApi => api as unknown as InspectorApi;

/** A fresh id for one inspector request (the caller's, so progress events can be matched to it). */
export const newRequestId = (): string => crypto.randomUUID();
