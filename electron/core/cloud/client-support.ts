/** Small helpers both clients use to build parameters and domain objects. */
import { AppError } from '../../../shared/errors';
import { isoToCloudTime } from './cloud-time';

/** ISO time parameter → the cloud's wall-clock string; a bad value is the caller's mistake, said clearly. */
export function cloudTimeParam(
  value: string | undefined,
  field: string,
  offsetMinutes: number,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return isoToCloudTime(value, offsetMinutes);
  } catch {
    throw new AppError('INVALID_PARAMETER', `${field} is not a valid ISO 8601 time.`, { field });
  }
}

/** Instance ids as one log field, or nothing. */
export function optionalIds(ids: readonly string[] | undefined): string | undefined {
  return ids?.length ? ids.join(',') : undefined;
}

/** `{ [key]: value }` when the time is known, `{}` otherwise — optional fields stay absent, not undefined. */
export function withTime<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

export function unknownTaskStatus(raw: string | number, taskId: string): AppError {
  return new AppError('BAD_RESPONSE', `Task ${taskId} has a status the app does not know: ${String(raw)}.`, {
    taskId,
    statusRaw: raw,
  });
}
