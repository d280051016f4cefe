/** The bridge's wire format, parsed defensively: anything unexpected becomes `invalid`, never a throw. */
import type { BridgeCredential } from './bridge-auth';

export type ClientMessage =
  | { kind: 'hello'; credential: BridgeCredential | undefined }
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
  // `{"hello":{"code":"…"}}` after a launch, `{"hello":{"resume":"…"}}` after a reload; any other hello
  // is a hello without a credential, which is refused.
  if (Object.hasOwn(record, 'hello')) return { kind: 'hello', credential: credentialOf(record.hello) };
  const id = typeof record.id === 'number' && Number.isSafeInteger(record.id) ? record.id : null;
  if (id === null || !Object.hasOwn(record, 'channel')) return { kind: 'invalid', id };
  return { kind: 'invoke', id, channel: record.channel, request: record.request };
}

function credentialOf(value: unknown): BridgeCredential | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, resume } = value as Record<string, unknown>;
  if (typeof code === 'string' && resume === undefined) return { code };
  if (typeof resume === 'string' && code === undefined) return { resume };
  return undefined;
}
