/** Audit messages as codes the window translates (shared/audit.ts), with their English text for exports. */
import type { AuditMessageCode } from '../../../shared/audit';
import type { RestoreRecord } from '../../../shared/tasks';
import type { AuditRecord } from './audit-log';

export type AuditText = Pick<AuditRecord, 'message' | 'messageCode' | 'messageParams'>;

export function said(code: AuditMessageCode, message: string, params?: Record<string, string>): AuditText {
  return { message, messageCode: code, ...(params ? { messageParams: params } : {}) };
}

/** A restore's end in the audit: its task message, coded when the message is the app's own. */
export function taskSaid(record: RestoreRecord): AuditText {
  if (!record.messageCode) return { message: record.message };
  const params = { ...record.messageParams, ...(record.errorCode ? { errorCode: record.errorCode } : {}) };
  return {
    message: record.message,
    messageCode: `task.${record.messageCode}`,
    ...(Object.keys(params).length > 0 ? { messageParams: params } : {}),
  };
}
