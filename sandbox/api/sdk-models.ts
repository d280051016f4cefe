// The official Node SDK's CRS models (tencentcloud-sdk-nodejs 4.1.313, redis v20180412) as the types of
// the sandbox's API 3.0 requests and answers, so a misnamed or mistyped field fails the typecheck.
//
// The import is a deep, type-only path: the package has no `exports` map, so under the project's
// `moduleResolution: Bundler` `tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models`
// resolves to that folder's `.d.ts`; `import type` is erased, so nothing of the SDK loads at run time.
// Each action's request and response models are read off the SDK's own `Client` method of that name
// (redis_client.d.ts), so an action cannot be paired with the wrong models.
import type { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_client';
import type { RawJson } from './raw-json.js';

export type {
  DescribeInstanceBackupsRequest,
  DescribeInstanceBackupsResponse,
  DescribeInstancesRequest,
  DescribeInstancesResponse,
  DescribeTaskInfoRequest,
  DescribeTaskInfoResponse,
  DescribeTaskListRequest,
  DescribeTaskListResponse,
  InstanceSet,
  InstanceTagInfo,
  ManualBackupInstanceRequest,
  ManualBackupInstanceResponse,
  RedisBackupSet,
  RedisNodeInfo,
  RestoreInstanceRequest,
  RestoreInstanceResponse,
  TaskInfoDetail,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models';

/** The API 3.0 actions the sandbox answers: each one a method of the SDK's redis Client. */
export type SdkAction =
  | 'DescribeInstances'
  | 'DescribeInstanceBackups'
  | 'RestoreInstance'
  | 'DescribeTaskInfo'
  | 'DescribeTaskList'
  | 'ManualBackupInstance'
  | 'DescribeBackupUrl'
  | 'DescribeBackupDetail'
  | 'DescribeBackupDownloadRestriction';

/**
 * The SDK's request model of an action (the first parameter of its Client method). An action without
 * parameters has the model `null` (DescribeBackupDownloadRestrictionRequest): no fields.
 */
export type RequestOf<A extends SdkAction> = [NonNullable<Parameters<Client[A]>[0]>] extends [never]
  ? Record<never, never>
  : Parameters<Client[A]>[0];

/** The SDK's response model of an action (what its Client method resolves to). */
export type ResponseOf<A extends SdkAction> = Awaited<ReturnType<Client[A]>>;

/**
 * An action's answer as a handler builds it: the response model without `RequestId` (the common layer
 * adds it), where the fields named in `Raw` may instead be pre-serialised rows of that field's model.
 */
export type Answer<A extends SdkAction, Raw extends keyof ResponseOf<A> = never> = Omit<
  ResponseOf<A>,
  'RequestId' | Raw
> & { [K in Raw]?: ResponseOf<A>[K] | RawJson<NonNullable<ResponseOf<A>[K]>> };
