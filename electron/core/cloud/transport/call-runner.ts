/**
 * The request lifecycle both API generations share: credentials at call time → rate limit → sign and send
 * with a timeout → classify the answer → retry reads (backoff, and once more after a clock-skew fix) or
 * report a write's unknown outcome. Protocol details (signing, envelopes) come from the client through
 * `CallSpec`, so this file knows nothing of TC3 or `/v2/index.php`.
 */
import type { ApiGeneration } from '../../../../shared/domain';
import { AppError, type AppErrorCode, type CloudErrorMapping } from '../../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { ClockSkewEvent, CloudCredentials, CrsClientOptions } from '../crs-api';
import { DEFAULT_TIMEOUT_MS } from '../crs-api';
import { type CrsOperation, RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from './retry';
import { exchange, TransportError, type WireRequest, type WireResponse } from './transport';

/** What a client's envelope parser makes of a response body. */
export type Parsed<T> =
  | { kind: 'ok'; value: T; requestId?: string }
  | { kind: 'cloud-error'; mapping: CloudErrorMapping; requestId?: string }
  | { kind: 'bad-response'; reason: string; requestId?: string };

export interface CallSpec<T> {
  operation: CrsOperation;
  /** Action name on the wire (legacy names differ, e.g. DescribeRedis). */
  action: string;
  region: string;
  /** Writes are sent once; their lost answers become `unknownOutcome` errors. */
  write?: {
    unknownOutcome: Extract<
      AppErrorCode,
      'RESTORE_OUTCOME_UNKNOWN' | 'BACKUP_OUTCOME_UNKNOWN' | 'CLONE_OUTCOME_UNKNOWN'
    >;
  };
  /** Ids for logs and error details — never secrets or passwords. */
  ids: Record<string, string | number | undefined>;
  /** Reads only: at most this many attempts instead of the policy's (1: no retry). */
  maxAttempts?: number;
  build(credentials: CloudCredentials, timestampSeconds: number): WireRequest;
  parse(response: WireResponse): Parsed<T>;
}

const RETRYABLE: ReadonlySet<AppErrorCode> = new Set(['NETWORK', 'TIMEOUT', 'RATE_LIMITED']);

/** The published limits are per second ("次/秒"): after RequestLimitExceeded, wait at least that long. */
export const RATE_LIMIT_WINDOW_MS = 1000;

const rateLimitWait = (error: unknown) =>
  error instanceof AppError && error.code === 'RATE_LIMITED' ? RATE_LIMIT_WINDOW_MS : 0;

/** Reads are retried on network errors, timeouts, rate limiting and HTTP 5xx — nothing else. */
export function isRetryableRead(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (RETRYABLE.has(error.code)) return true;
  const status = error.details?.httpStatus;
  return error.code === 'HTTP_ERROR' && typeof status === 'number' && status >= 500;
}

export class CallRunner {
  readonly #options: CrsClientOptions;
  readonly #generation: ApiGeneration;
  readonly #logger: Logger;
  readonly #limiter: RateLimiter;
  readonly #policy: RetryPolicy;
  #clockOffsetMs = 0;

  constructor(options: CrsClientOptions, generation: ApiGeneration, logger: Logger) {
    this.#options = options;
    this.#generation = generation;
    this.#logger = logger;
    this.#limiter = options.limiter ?? new RateLimiter({ now: options.now, sleep: options.sleep });
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  async run<T>(spec: CallSpec<T>): Promise<T> {
    if (spec.write) return this.#attempt(spec, 0);
    let skewRetried = false;
    for (;;) {
      try {
        return await withRetry((index) => this.#attempt(spec, index), {
          policy:
            spec.maxAttempts === undefined
              ? this.#policy
              : {
                  ...this.#policy,
                  maxAttempts: Math.max(1, Math.min(spec.maxAttempts, this.#policy.maxAttempts)),
                },
          random: this.#options.random,
          sleep: this.#options.sleep,
          isRetryable: isRetryableRead,
          minDelayMs: rateLimitWait,
          onRetry: ({ delayMs, error }) =>
            this.#logger.warn('retrying read', {
              ...this.#fields(spec),
              delayMs,
              code: (error as AppError).code,
            }),
        });
      } catch (error) {
        // One extra attempt after the clock was corrected: the first one was refused for our clock alone.
        if (!skewRetried && error instanceof AppError && error.details?.clockCorrected === true) {
          skewRetried = true;
          continue;
        }
        throw error;
      }
    }
  }

  #fields(spec: CallSpec<unknown>): Record<string, unknown> {
    const ids = Object.fromEntries(Object.entries(spec.ids).filter(([, v]) => v !== undefined));
    return { generation: this.#generation, action: spec.action, region: spec.region, ...ids };
  }

  async #credentials(): Promise<CloudCredentials> {
    try {
      const credentials = await this.#options.credentials();
      if (!credentials.secretId || !credentials.secretKey) throw new AppError('CREDENTIALS_MISSING');
      return credentials;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('CREDENTIALS_MISSING', undefined, {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async #attempt<T>(spec: CallSpec<T>, attempt: number): Promise<T> {
    const fields = { ...this.#fields(spec), attempt };
    const credentials = await this.#credentials();
    const release = await this.#limiter.acquire(credentials.secretId, spec.operation);
    const started = this.#options.now();
    let response: WireResponse;
    try {
      const timestamp = Math.floor((this.#options.now() + this.#clockOffsetMs) / 1000);
      const request = spec.build(credentials, timestamp);
      response = await exchange(
        this.#options.fetch,
        request,
        this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        release,
      );
      release();
    } catch (error) {
      // The slot stays counted until here: the request may have reached the server at any moment up to now.
      // One that certainly never left (refused, no DNS) was counted by no server and frees its slot at once,
      // so an unreachable cloud does not keep the limiter's queue waiting on windows for nothing.
      release(!(error instanceof TransportError && !error.failure.mayHaveBeenSent));
      if (!(error instanceof TransportError)) throw error;
      const { failure } = error;
      this.#logger.warn('request failed', { ...fields, kind: failure.kind, code: failure.code });
      const details = {
        ...fields,
        cause: failure.kind,
        causeCode: failure.code,
        causeMessage: failure.message,
      };
      if (spec.write && failure.mayHaveBeenSent)
        throw new AppError(spec.write.unknownOutcome, undefined, details);
      throw new AppError(failure.kind, undefined, details);
    }
    const durationMs = this.#options.now() - started;
    const parsed = spec.parse(response);
    const logged = { ...fields, status: response.status, requestId: parsed.requestId, durationMs };
    if (parsed.kind === 'ok') {
      this.#logger.info('request done', logged);
      return parsed.value;
    }
    if (parsed.kind === 'cloud-error') {
      const { mapping } = parsed;
      this.#logger.warn('cloud error', { ...logged, appCode: mapping.appCode, cloudCode: mapping.cloudCode });
      const details: Record<string, unknown> = {
        ...fields,
        cloudCode: mapping.cloudCode,
        cloudMessage: mapping.cloudMessage,
        requestId: parsed.requestId,
        httpStatus: response.status,
      };
      if (mapping.appCode === 'SIGNATURE_EXPIRED' && this.#correctClock(response, spec.action)) {
        details.clockCorrected = true;
        details.clockOffsetMs = this.#clockOffsetMs;
      }
      throw new AppError(mapping.appCode, `${mapping.cloudCode}: ${mapping.cloudMessage}`, details);
    }
    this.#logger.warn('unusable response', { ...logged, reason: parsed.reason });
    const details = {
      ...fields,
      httpStatus: response.status,
      requestId: parsed.requestId,
      reason: parsed.reason,
    };
    if (response.status === 429) throw new AppError('RATE_LIMITED', undefined, details);
    const isHttpError = response.status < 200 || response.status >= 300;
    // A 5xx may come from a gateway after the backend acted; a 2xx we cannot read may hide a started task.
    if (spec.write && (response.status >= 500 || !isHttpError)) {
      throw new AppError(spec.write.unknownOutcome, undefined, {
        ...details,
        cause: isHttpError ? 'HTTP_ERROR' : 'BAD_RESPONSE',
      });
    }
    if (isHttpError) {
      throw new AppError('HTTP_ERROR', `HTTP ${response.status} ${response.statusText}`.trim(), details);
    }
    throw new AppError('BAD_RESPONSE', `Unexpected ${spec.action} response: ${parsed.reason}`, details);
  }

  /** Learns the server clock from the `Date` header; returns false when the header is missing or bad. */
  #correctClock(response: WireResponse, action: string): boolean {
    const serverMs = response.date ? Date.parse(response.date) : Number.NaN;
    if (!Number.isFinite(serverMs) || !response.date) return false;
    this.#clockOffsetMs = serverMs - this.#options.now();
    const event: ClockSkewEvent = { offsetMs: this.#clockOffsetMs, serverDate: response.date, action };
    this.#logger.warn('clock skew corrected', { ...event });
    this.#options.onClockSkew?.(event);
    return true;
  }
}
