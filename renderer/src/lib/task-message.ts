/**
 * A restore's message in the UI language. The core marks its own messages with a code (see
 * shared/tasks.ts taskMessages); the cloud's task messages arrive as the cloud wrote them and are shown as is.
 */
import type { TFunction } from 'i18next';
import type { RestoreRecord } from '../../../shared/tasks';
import { errorText } from './error-text';

export type MessageParts = Pick<RestoreRecord, 'message' | 'messageCode' | 'messageParams' | 'errorCode'>;

export function taskMessage(parts: MessageParts, t: TFunction, language: string): string {
  const code = parts.messageCode;
  if (!code) return foreignText(parts.message, t, language);
  if (code === 'error') {
    return parts.errorCode
      ? errorText({ code: parts.errorCode, message: '' }, language).message
      : parts.message;
  }
  const key = `taskMessage.${code}`;
  const params = { ...parts.messageParams };
  if (params.status) params.status = t(`taskStatus.${params.status}`, { defaultValue: params.status });
  const text = t(key, { ...params, defaultValue: '' });
  return text === '' || text === key ? parts.message : text;
}

/**
 * Text the app cannot translate (the cloud's own task message, or an old record's) in the other language
 * than the UI's is labelled as such instead of passing for the UI's own words.
 */
function foreignText(text: string, t: TFunction, language: string): string {
  const chinese = /[\u3400-\u9fff]/.test(text);
  const zhUi = language.startsWith('zh');
  if (zhUi ? chinese || !/[A-Za-z]/.test(text) : !chinese) return text;
  return t('taskOrigin.untranslated', { text });
}

export const messageParts = (r: MessageParts): MessageParts => ({
  message: r.message,
  ...(r.messageCode ? { messageCode: r.messageCode } : {}),
  ...(r.messageParams ? { messageParams: r.messageParams } : {}),
  ...(r.errorCode ? { errorCode: r.errorCode } : {}),
});
