// Legacy v2 (`/v2/index.php`): GET query or form-encoded POST, `{code, message, codeDesc, …}` envelope.
// Number rendering follows the documentation's examples: success `code` is the number 0, error `code`
// is a string (`"4100"`, as in the docs' error example), and DescribeRedis renders `status`, `port` and
// `totalCount` as strings. A client must accept both forms anyway.
import { type NonceCache, verifyLegacy } from '../auth/legacy-verify.js';
import { MAX_CLOCK_SKEW_SECONDS } from '../constants.js';
import { findRegion } from '../state/catalog.js';
import { LEGACY_ACTIONS } from './legacy-actions.js';
import type { LegacyResult } from './legacy-params.js';
import type { ApiDeps, RawRequest } from './v3-handler.js';

export type LegacyEnvelope = Record<string, unknown>;

const CODE_DESC: Readonly<Record<number, string>> = {
  4000: 'InvalidParameter',
  4100: 'AuthFailure',
  4101: 'UnauthorizedOperation',
  4104: 'SecretIdNotFound',
  // The docs give no codeDesc for 4105; this mirrors the API 3.0 code name.
  4105: 'TokenFailure',
  4400: 'RequestLimitExceeded',
  4500: 'ReplayAttack',
  6000: 'InternalError',
};

export function legacyError(code: number, message: string, codeDesc?: string): LegacyEnvelope {
  return { code: String(code), message, codeDesc: codeDesc ?? CODE_DESC[code] ?? 'Error' };
}

/** Legacy actions share the published API 3.0 limits of their counterparts (none were published). */
const LIMIT_ALIASES: Readonly<Record<string, string>> = {
  DescribeRedis: 'DescribeInstances',
  GetRedisBackupList: 'DescribeInstanceBackups',
  RestoreInstance: 'RestoreInstance',
  DescribeTaskInfo: 'DescribeTaskInfo',
  GetRedisTaskList: 'DescribeTaskList',
  ManualBackupInstance: 'ManualBackupInstance',
  GetBackupDownloadUrl: 'DescribeBackupUrl',
};

/** Reads parameters: the query for GET; the form body (over any query) for POST. */
export function legacyParams(req: RawRequest): Record<string, string> {
  const index = req.url.indexOf('?');
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(index >= 0 ? req.url.slice(index + 1) : '')) params[k] = v;
  if (req.method === 'POST') {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params[k] = v;
  }
  return params;
}

export function handleLegacy(deps: ApiDeps, nonces: NonceCache, req: RawRequest): LegacyEnvelope {
  try {
    if (req.method !== 'GET' && req.method !== 'POST')
      return legacyError(4000, 'Only GET and POST are supported.');
    const params = legacyParams(req);
    const host = typeof req.headers.host === 'string' ? req.headers.host : '';
    const auth = verifyLegacy(
      { method: req.method, host, path: '/v2/index.php', params },
      (id) => deps.keys.secretKeyOf(id),
      deps.state.now(),
      MAX_CLOCK_SKEW_SECONDS,
      nonces,
      (id) => deps.keys.grantOf(id),
    );
    if (!auth.ok) return legacyError(auth.code, auth.message);
    const action = params.Action ?? '';
    const def = LEGACY_ACTIONS[action];
    if (!def) return legacyError(4000, `(100001) Action ${action} does not exist.`, 'InvalidAction');
    const region = findRegion(params.Region ?? '');
    if (!region)
      return legacyError(4000, `Region ${params.Region ?? '(missing)'} is not valid.`, 'InvalidRegion');
    if (!deps.limiter.allow(auth.secretId, LIMIT_ALIASES[action] ?? action)) {
      return legacyError(4400, `Request quota exceeded for ${action}.`);
    }
    deps.state.countAction(action);
    const principal = deps.keys.principalOf(auth.secretId);
    if (principal.allowedActions && !principal.allowedActions.includes(action)) {
      return legacyError(4101, `Sub-user ${auth.secretId} is not authorised for ${action}.`);
    }
    const result: LegacyResult = def({ state: deps.state, region: region.name, principal }, params);
    if (!result.ok) return legacyError(result.code, result.message, result.codeDesc);
    return { code: 0, message: '', codeDesc: 'Success', ...result.fields };
  } catch (error) {
    return legacyError(6000, error instanceof Error ? error.message : 'internal error');
  }
}
