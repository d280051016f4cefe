// The demo seed served in process, without a socket: each call is a signed API 3.0 request through the
// sandbox's common layer (handleV3), answered as a client parses it. Shared by the SDK model coverage tests,
// which collect every answer per action.
import { expect } from 'vitest';
import { encodeAnswer } from '../../../sandbox/api/raw-json.js';
import type { SdkAction } from '../../../sandbox/api/sdk-models.js';
import { handleV3 } from '../../../sandbox/api/v3-handler.js';
import { KeyRing } from '../../../sandbox/auth/keys.js';
import { ManualClock } from '../../../sandbox/clock.js';
import { DEFAULT_RATE_LIMITS } from '../../../sandbox/constants.js';
import type { BackupFileStore } from '../../../sandbox/files/backup-files.js';
import { RateLimiter } from '../../../sandbox/rate-limiter.js';
import { applySeed } from '../../../sandbox/seeds/index.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import { tc3Headers } from '../../integration/sandbox/helpers.js';

export type Row = Record<string, unknown>;

export function inProcessDemo(files?: BackupFileStore) {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, 20);
  applySeed(state, 'demo');
  if (files) state.files = files;
  const deps = { state, keys: new KeyRing(), limiter: new RateLimiter(clock, DEFAULT_RATE_LIMITS) };
  const answers = new Map<SdkAction, Row[]>();
  /** One signed request, a second after the last (inside the rate limits); it must not be refused. */
  const call = (action: SdkAction, params: Row, region = 'ap-guangzhou'): Row => {
    clock.advance(1100);
    const body = JSON.stringify(params);
    const signed = tc3Headers('http://127.0.0.1:8080', action, body, {
      region,
      timestamp: Math.floor(clock.now() / 1000),
    });
    const headers: Record<string, string> = { host: '127.0.0.1:8080' };
    for (const [k, v] of Object.entries(signed)) headers[k.toLowerCase()] = v;
    const envelope = handleV3(deps, { method: 'POST', url: '/', headers, body: Buffer.from(body) });
    const response = (JSON.parse(encodeAnswer(envelope).toString('utf8')) as { Response: Row }).Response;
    expect(response.Error, `${action} ${body}`).toBeUndefined();
    answers.set(action, [...(answers.get(action) ?? []), response]);
    return response;
  };
  return { clock, state, call, answers };
}
