/** The bridge's wire format, parsed defensively: anything unexpected becomes `invalid`, never a throw. */

export type ClientMessage =
  | { kind: 'hello'; token: string }
  | { kind: 'invoke'; id: number; channel: unknown; request: unknown }
  | { kind: 'invalid'; id: number | null };

export function parseClientMessage(text: string | null): ClientMessage {
  if (text === null) return { kind: 'invalid', id: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', id: null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'invalid', id: null };
  const record = value as Record<string, unknown>;
  if (typeof record.hello === 'string') return { kind: 'hello', token: record.hello };
  const id = typeof record.id === 'number' && Number.isSafeInteger(record.id) ? record.id : null;
  if (id === null || !Object.hasOwn(record, 'channel')) return { kind: 'invalid', id };
  return { kind: 'invoke', id, channel: record.channel, request: record.request };
}
