/**
 * The one guard every IPC and bridge request passes: sender check, then schema parse, then the service.
 * Whatever happens, the caller gets an envelope; a refused request never reaches a service.
 */
import { AppError, describeError } from '../../../shared/errors';
import {
  type InvokeChannel,
  invokeContract,
  isInvokeChannel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/ipc-contract';
import { type Envelope, fail, ok } from '../../../shared/result';
import type { Logger } from '../logging/logger';

/** The service call behind each channel. Handlers stay thin: logic lives in services. */
export type Handlers = {
  [C in InvokeChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export interface GuardOptions<Sender> {
  handlers: Handlers;
  /** True only for our own window's main frame (Electron) or an authenticated bridge socket. */
  isTrustedSender: (sender: Sender) => boolean;
  logger: Logger;
}

export class IpcGuard<Sender> {
  readonly #handlers: Handlers;
  readonly #isTrustedSender: (sender: Sender) => boolean;
  readonly #log: Logger;

  constructor(options: GuardOptions<Sender>) {
    this.#handlers = options.handlers;
    this.#isTrustedSender = options.isTrustedSender;
    this.#log = options.logger.child('ipc');
  }

  /** Answers one request. Never throws and never lets an unchecked value reach a service. */
  async dispatch(channel: unknown, sender: Sender, rawRequest: unknown): Promise<Envelope<unknown>> {
    if (!isInvokeChannel(channel)) {
      this.#log.warn('refused unknown channel', { channel: String(channel).slice(0, 80) });
      return fail('UNKNOWN_CHANNEL', describeError('UNKNOWN_CHANNEL').message);
    }
    let trusted = false;
    try {
      trusted = this.#isTrustedSender(sender);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      this.#log.warn('refused foreign sender', { channel });
      return fail('FORBIDDEN_SENDER', describeError('FORBIDDEN_SENDER').message);
    }
    const parsed = invokeContract[channel].request.safeParse(rawRequest);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => ({
        path: i.path.map(String).join('.').slice(0, 120),
        problem: i.message.slice(0, 200),
      }));
      this.#log.warn('refused malformed request', { channel, issues });
      return fail('INVALID_REQUEST', describeError('INVALID_REQUEST').message, { channel, issues });
    }
    return this.#call(channel, parsed.data);
  }

  async #call<C extends InvokeChannel>(channel: C, request: ParsedRequestOf<C>): Promise<Envelope<unknown>> {
    try {
      const handler = this.#handlers[channel] as (
        r: ParsedRequestOf<C>,
      ) => Promise<ResponseOf<C>> | ResponseOf<C>;
      return ok(await handler(request));
    } catch (error) {
      if (error instanceof AppError) {
        this.#log.info('service refused', { channel, code: error.code });
        return fail(error.code, error.message, error.details);
      }
      // Unexpected errors may quote inputs; log the type only and answer with the catalog's text.
      this.#log.error('service failed', {
        channel,
        error: error instanceof Error ? error.name : typeof error,
      });
      return fail('INTERNAL', describeError('INTERNAL').message);
    }
  }
}
