/** Fakes for the CRS client tests: a manual clock, a scripted fetch, and client options built from them. */

import type {
  ClockSkewEvent,
  CrsClientOptions,
  FetchInitLike,
  FetchLike,
  FetchResponseLike,
} from '../../../../electron/core/cloud/crs-api';
import { createMemoryLogger } from '../../../../electron/core/logging/logger';

export const SECRET_ID = 'AKIDtestSecretId0000000000000000000';
export const SECRET_KEY = 'testSecretKeyValue-never-logged';

/** A clock that only moves when something sleeps on it. */
export class FakeClock {
  t: number;
  readonly sleeps: number[] = [];
  constructor(start = Date.UTC(2026, 5, 1, 2, 0, 0)) {
    this.t = start;
  }
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

export interface RecordedRequest {
  url: string;
  init: FetchInitLike;
}

export type Reply = FetchResponseLike | Error | ((request: RecordedRequest) => FetchResponseLike | Error);

export function jsonReply(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): FetchResponseLike {
  return textReply(JSON.stringify(body), status, headers);
}

export function textReply(
  body: string,
  status = 200,
  headers: Record<string, string> = {},
): FetchResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: async () => body,
  };
}

/** A fetch that answers from a script, one reply per call (the last one repeats), recording requests. */
export function scriptedFetch(replies: Reply[]): FetchLike & { calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetch = async (url: string, init: FetchInitLike): Promise<FetchResponseLike> => {
    const request = { url, init };
    calls.push(request);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('no scripted reply');
    const value = typeof reply === 'function' ? reply(request) : reply;
    if (value instanceof Error) throw value;
    return value;
  };
  return Object.assign(fetch, { calls });
}

/** A network failure shaped like undici's: TypeError('fetch failed') with a coded cause. */
export function networkError(code = 'ECONNRESET'): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

export function timeoutError(): Error {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

export interface Harness {
  options: CrsClientOptions;
  clock: FakeClock;
  fetch: ReturnType<typeof scriptedFetch>;
  lines: string[];
  skews: ClockSkewEvent[];
  credentialCalls: number;
}

export function harness(replies: Reply[], overrides: Partial<CrsClientOptions> = {}): Harness {
  const clock = new FakeClock();
  const fetch = scriptedFetch(replies);
  const logger = createMemoryLogger();
  const h: Harness = {
    clock,
    fetch,
    lines: logger.lines,
    skews: [],
    credentialCalls: 0,
    options: {
      fetch,
      credentials: async () => {
        h.credentialCalls++;
        return { secretId: SECRET_ID, secretKey: SECRET_KEY };
      },
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      logger,
      onClockSkew: (event) => h.skews.push(event),
      ...overrides,
    },
  };
  return h;
}
