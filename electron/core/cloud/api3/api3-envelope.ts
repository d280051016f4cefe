/**
 * The API 3.0 answer envelope, read the same way for every action: `Response.Error` is the cloud's error
 * whatever the HTTP status; otherwise the action's own schema checks `Response`.
 */
import type { z } from 'zod';
import { mapCloudError } from '../../../../shared/errors';
import { describeIssues, parseJson } from '../parsing/wire-schemas';
import type { Parsed } from '../transport/call-runner';
import type { WireResponse } from '../transport/transport';
import { Api3EnvelopeSchema } from './api3-schemas';

/** A zod schema, or a hand-written checker with the same contract (api3-instance-page.ts). */
export interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: z.ZodError };
}

/** API 3.0 envelope: `Response.Error` is a cloud error whatever the HTTP status; else validate the body. */
export function parseApi3<T>(response: WireResponse, schema: SafeParser<T>): Parsed<T> {
  const json = parseJson(response.body);
  if (!json.ok) return { kind: 'bad-response', reason: 'body is not JSON' };
  const envelope = Api3EnvelopeSchema.safeParse(json.value);
  if (!envelope.success)
    return { kind: 'bad-response', reason: `no Response envelope (${describeIssues(envelope.error)})` };
  const { Error: error, RequestId: requestId } = envelope.data.Response;
  const withId = requestId ? { requestId } : {};
  if (error) {
    const mapping = mapCloudError({ generation: 'v3', code: error.Code, message: error.Message ?? '' });
    return { kind: 'cloud-error', mapping, ...withId };
  }
  const data = schema.safeParse(envelope.data.Response);
  if (!data.success) return { kind: 'bad-response', reason: describeIssues(data.error), ...withId };
  return { kind: 'ok', value: data.data, ...withId };
}
