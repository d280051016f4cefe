/**
 * When following a task stops being worth it. A read that fails for a passing reason (network, timeout, rate
 * limit, 5xx, the cloud's internal errors) keeps the follower's backoff for as long as it takes; a read that
 * cannot heal by waiting (no permission, a task id the cloud does not know, an answer the app cannot read or
 * a status outside the documented set) is tried a bounded number of times, then the task ends as "outcome
 * unknown — check the console". The app never guesses an outcome it was not told.
 *
 * Compared with the official Terraform provider (tencentcloudstack/terraform-provider-tencentcloud): its
 * service call (tencentcloud/services/crs/service_tencentcloud_redis.go `DescribeTaskInfo`) polls inside a retry
 * bounded by ReadRetryTimeout (3 minutes by default, tencentcloud/common/common.go, overridable by environment)
 * and retries network errors, throttling, ResourceInUse and ResourceUnavailable there; it keeps waiting on
 * `preparing`/`running` and stops on `succeed`. Its callers wait between 5 and 18 minutes (for example
 * resource_tc_redis_param.go waits 6 × ReadRetryTimeout and retries a failed task's error until then), so a
 * task that does not end in time reads as a timeout there. We differ on purpose: a restore may run longer than
 * any such bound, a status we do not know is not proof of failure, and one refused read may be a permission
 * still propagating — so the app retries a few times and then says it does not know, rather than "failed".
 * While the cloud cannot be reached at all, following goes on (every 15 s) and the task says so; it ends when
 * the cloud answers.
 */

import { AppError, type AppErrorCode } from '../../../shared/errors';
import { isRetryableRead } from '../cloud/transport/call-runner';

/**
 * Reads in a row that failed for a reason waiting cannot fix before the follower gives up. Counted per
 * restore and reset by any successful read; passing failures in between neither count nor reset. With the
 * follower's backoff (from the poll interval, growing by half each time, at most 15 s) the last try lands
 * between half a minute and a minute after the first: long enough to ride out a policy change still
 * propagating, short enough that a wrong task id does not leave a restore "running" for ever.
 */
export const MAX_UNHEALED_READS = 5;

/**
 * Reconciliation passes that found no restore task of the instance (and the instance not in process) before
 * the restore is closed as "outcome unknown". The task list can lag the request by a moment, and a list
 * asked up to the current second misses a task started within it, so one empty answer is not enough.
 */
export const MAX_EMPTY_RECONCILE_PASSES = 3;

/**
 * Reconciliation passes that found no restore task while the instance was in process. Such an instance may
 * be running our restore before its task is listed, so the app keeps looking, but not for ever: another
 * flow can hold an instance in process for a long time. At reconciliation's longest interval (60 s) this is
 * about half an hour.
 */
export const MAX_BUSY_RECONCILE_PASSES = 30;

/**
 * Failures that pass by themselves: the runner's retryable reads (network, timeout, rate limit, HTTP 5xx) and
 * the cloud's internal errors. FailedOperation.SystemError is described as "内部系统错误，和业务无关"
 * (tencentcloud-sdk-go tencentcloud/redis/v20180412/errors.go), so it is one of them.
 */
const PASSING: ReadonlySet<AppErrorCode> = new Set([
  'SERVICE_UNAVAILABLE',
  'CLOUD_INTERNAL_ERROR',
  'CLOUD_DB_ERROR',
  'CLOUD_SYSTEM_ERROR',
  // Waiting on the user, not on the cloud: after a restart in session-only mode the SecretKey must be entered
  // again, and a locked keychain must be unlocked. The task waits for that instead of ending "unknown".
  'CREDENTIALS_MISSING',
  'KEYCHAIN_ERROR',
  'KEYCHAIN_CANCELLED',
]);

export function isPassingReadError(error: unknown): boolean {
  return isRetryableRead(error) || (error instanceof AppError && PASSING.has(error.code));
}

/** A short, language-neutral account of a failed read for the record: the app code, then the cloud's own. */
export function failureReason(error: unknown): string {
  if (!(error instanceof AppError)) return 'INTERNAL';
  const details = error.details ?? {};
  const extra =
    typeof details.cloudCode === 'string'
      ? details.cloudCode
      : details.statusRaw !== undefined
        ? `status “${String(details.statusRaw)}”`
        : undefined;
  return extra ? `${error.code}: ${extra}` : error.code;
}
