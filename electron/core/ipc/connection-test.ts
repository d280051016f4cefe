/** "Test connection": one cheap signed read against the profile's default region, timed. */
import { AppError, describeError } from '../../../shared/errors';
import type { CrsApi } from '../cloud/crs-api';

export async function testConnection(api: CrsApi, region: string, now: () => number = Date.now) {
  const started = now();
  try {
    const { total } = await api.describeInstances({ region, limit: 1, offset: 0 });
    return {
      ok: true,
      region,
      latencyMs: now() - started,
      instanceCount: total,
      message: `Connected: ${total} instance(s) in ${region}.`,
    };
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    const text =
      error instanceof AppError
        ? `${error.message} ${describeError(code).next}`
        : describeError('INTERNAL').message;
    // The cloud's code and RequestId (call-runner's error details) let the DBA quote the call to support.
    const details = error instanceof AppError ? error.details : undefined;
    const cloud = {
      ...(printable(details?.cloudCode) ? { cloudCode: details?.cloudCode as string } : {}),
      ...(printable(details?.requestId) ? { requestId: details?.requestId as string } : {}),
    };
    return { ok: false, region, latencyMs: now() - started, errorCode: code, message: text, ...cloud };
  }
}

const printable = (value: unknown): value is string =>
  typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);
