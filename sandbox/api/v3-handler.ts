// The API 3.0 common layer: required headers, TC3 verification, version/action/region checks, rate
// limits, CAM, body parsing and parameter validation, then the action. Every failure is the documented
// `{"Response":{"Error":{Code,Message},"RequestId"}}` envelope with HTTP 200, as the SDK expects.
import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../auth/keys.js';
import { verifyTc3 } from '../auth/tc3.js';
import { API_VERSION, MAX_CLOCK_SKEW_SECONDS } from '../constants.js';
import type { RateLimiter } from '../rate-limiter.js';
import { findRegion } from '../state/catalog.js';
import type { SandboxState } from '../state/store.js';
import { type Params, unflattenQuery, validateParams } from './params.js';
import { v3Action } from './v3-actions.js';

export interface ApiDeps {
  state: SandboxState;
  keys: KeyRing;
  limiter: RateLimiter;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

export type V3Envelope = { Response: Record<string, unknown> };

export function v3Error(code: string, message: string, requestId: string = randomUUID()): V3Envelope {
  return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
}

const header = (req: RawRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function handleV3(deps: ApiDeps, req: RawRequest): V3Envelope {
  const requestId = randomUUID();
  const fail = (code: string, message: string) => v3Error(code, message, requestId);
  try {
    if (req.method !== 'POST' && req.method !== 'GET') {
      return fail('UnsupportedProtocol', 'HTTPS request method error: only GET and POST are supported.');
    }
    for (const name of ['x-tc-action', 'x-tc-timestamp', 'x-tc-version', 'authorization']) {
      if (!header(req, name)) {
        return fail('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
      }
    }
    const action = header(req, 'x-tc-action') ?? '';
    if (!/^\d+$/.test(header(req, 'x-tc-timestamp') ?? '')) {
      return fail('InvalidParameter', 'X-TC-Timestamp must be a Unix timestamp in seconds.');
    }
    const nowSec = Math.floor(deps.state.now() / 1000);
    const auth = verifyTc3(
      req,
      (id) => deps.keys.secretKeyOf(id),
      nowSec,
      MAX_CLOCK_SKEW_SECONDS,
      (id) => deps.keys.grantOf(id),
    );
    if (!auth.ok) return fail(auth.code, auth.message);
    if (header(req, 'x-tc-version') !== API_VERSION) {
      return fail(
        'NoSuchVersion',
        `The API version \`${header(req, 'x-tc-version')}\` does not exist for redis.`,
      );
    }
    // Looked up by any name the client sends; the table is typed per action, the common layer is not.
    const def = v3Action(action);
    if (!def)
      return fail(
        'InvalidAction',
        `The action \`${action}\` is not supported by the sandbox's redis service.`,
      );
    if (!deps.limiter.allow(auth.secretId, action)) {
      deps.state.countRateLimited(action);
      return fail('RequestLimitExceeded', `Your current request rate for ${action} exceeds the limit.`);
    }
    deps.state.countAction(action);
    const principal = deps.keys.principalOf(auth.secretId);
    if (principal.allowedActions && !principal.allowedActions.includes(action)) {
      return fail(
        'UnauthorizedOperation.NoCAMAuthed',
        `Key ${auth.secretId} is not authorised for ${action}.`,
      );
    }
    const regionName = header(req, 'x-tc-region');
    if (!regionName)
      return fail('MissingParameter', 'The request is missing a required parameter `X-TC-Region`.');
    const region = findRegion(regionName);
    // Short codes are a legacy-only spelling.
    if (!region || region.name !== regionName) {
      return fail('UnsupportedRegion', `The region \`${regionName}\` is not supported.`);
    }
    const input = parseInput(req);
    if (typeof input === 'string') return fail('InvalidParameter', input);
    const checked = validateParams(def.schema, input, req.method === 'GET');
    if (!checked.ok) return fail(checked.code, checked.message);
    const result = def.run({ state: deps.state, region: region.name, principal }, checked.params);
    if (!result.ok) return fail(result.code, result.message);
    return { Response: { ...result.data, RequestId: requestId } };
  } catch (error) {
    // Never let a handler bug take the server down; report it the way Tencent does.
    return fail('InternalError.InternalError', error instanceof Error ? error.message : 'internal error');
  }
}

/** Params from the JSON body (POST) or the query string (GET); an error message when unusable. */
function parseInput(req: RawRequest): Params | string {
  if (req.method === 'GET') {
    const index = req.url.indexOf('?');
    return unflattenQuery(new URLSearchParams(index >= 0 ? req.url.slice(index + 1) : ''));
  }
  const contentType = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return 'POST requests signed with TC3-HMAC-SHA256 must use Content-Type application/json.';
  }
  if (req.body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body.toString('utf8'));
  } catch {
    return 'The request body is not valid JSON.';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'The request body must be a JSON object.';
  }
  return parsed as Params;
}
