/**
 * An audit entry's message in the UI language. Entries the core marked with a code (shared/audit.ts
 * auditMessages, or `task.<code>` for a restore's own task message) are rendered from their values; older
 * entries, and codes this version does not know, show the stored English message.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/audit';
import { taskMessage } from './task-message';

export type AuditMessageParts = Pick<AuditEntry, 'message' | 'messageCode' | 'messageParams'>;

export function auditMessage(entry: AuditMessageParts, t: TFunction, language: string): string {
  const code = entry.messageCode;
  if (!code) return entry.message;
  const params = { ...entry.messageParams };
  if (code.startsWith('task.')) {
    const { errorCode, ...rest } = params;
    return taskMessage(
      {
        message: entry.message,
        messageCode: code.slice('task.'.length),
        messageParams: rest,
        ...(errorCode ? { errorCode } : {}),
      },
      t,
      language,
    );
  }
  const values: Record<string, string | number> = { ...params };
  if (params.status) values.status = t(`taskStatus.${params.status}`, { defaultValue: params.status });
  if (params.generation) {
    values.generation = t(`auditMessage.generation-${params.generation}`, {
      defaultValue: params.generation,
    });
  }
  if (params.count !== undefined) values.count = Number(params.count);
  if (code === 'profile-updated') {
    const fields = (params.fields ?? '')
      .split(',')
      .filter(Boolean)
      .map((f) => t(`auditField.${f}`, { defaultValue: f }));
    values.fields = fields.length > 0 ? fields.join(t('auditMessage.separator')) : t('auditMessage.nothing');
  }
  const key = `auditMessage.${code}`;
  const text = t(key, { ...values, defaultValue: '' });
  if (text === '' || text === key) return entry.message;
  const dropped = Number(params.dropped ?? 0);
  return code === 'profile-updated' && dropped > 0
    ? `${text} ${t('auditMessage.dropped', { count: dropped })}`
    : text;
}
