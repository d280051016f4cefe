// The official SDK's redis Client pointed at a running sandbox (shared by the SDK tests), and a valid
// CloneInstances request built from what the sandbox lists about an instance (for the clone tests).
import { redis } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js';
import type { CloneInstancesRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.js';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  NOACCESS_SECRET_ID,
  NOACCESS_SECRET_KEY,
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
  type RunningSandbox,
} from '../../../sandbox/index.js';
import type { Key } from './official-errors.js';

export const KEYS: Readonly<Record<Key, { secretId: string; secretKey: string }>> = {
  default: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
  readonly: { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY },
  project0: { secretId: PROJECT0_SECRET_ID, secretKey: PROJECT0_SECRET_KEY },
  noaccess: { secretId: NOACCESS_SECRET_ID, secretKey: NOACCESS_SECRET_KEY },
};
export const G = 'ap-guangzhou';
export const HOUR_MS = 3600_000;

export function sdkClient(
  sandbox: RunningSandbox,
  region: string,
  key: Key = 'default',
  reqTimeout?: number,
) {
  const endpoint = `127.0.0.1:${sandbox.port}`;
  return new redis.v20180412.Client({
    credential: KEYS[key],
    region,
    profile: { httpProfile: { endpoint, protocol: 'http://', ...(reqTimeout ? { reqTimeout } : {}) } },
  });
}

/** Calls one action by name through the typed client; params are sent as given. */
export async function sdkCall(
  sandbox: RunningSandbox,
  region: string,
  action: string,
  params: object,
  key: Key = 'default',
): Promise<Record<string, unknown>> {
  const c = sdkClient(sandbox, region, key) as unknown as Record<string, (req: object) => Promise<unknown>>;
  const method = c[action];
  if (!method) throw new Error(`no SDK method ${action}`);
  return method.call(c, params) as Promise<Record<string, unknown>>;
}

export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );
}

/** A request built from loosely typed parts, as the SDK method takes it. */
export const asClone = (r: Record<string, unknown>) => r as unknown as CloneInstancesRequest;

/** A Beijing wall-clock time, as CRS time parameters read. */
export const fmt = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');

/** A valid clone request of the instance (pay-as-you-go, same zone and network, newest backup). */
export async function validClone(
  sandbox: RunningSandbox,
  region: string,
  instanceId: string,
): Promise<Record<string, unknown>> {
  const c = sdkClient(sandbox, region);
  const src = ((await c.DescribeInstances({ InstanceId: instanceId })).InstanceSet ?? [])[0];
  const backups = await c.DescribeInstanceBackups({ InstanceId: instanceId, Limit: 100 });
  const groups = await c.DescribeInstanceSecurityGroup({ InstanceIds: [instanceId] });
  return {
    InstanceId: instanceId,
    GoodsNum: 1,
    ZoneId: src?.ZoneId ?? 100003,
    BillingMode: 0,
    Period: 1,
    SecurityGroupIdList: (groups.InstanceSecurityGroupsDetail?.[0]?.SecurityGroupDetails ?? []).map(
      (g) => g.SecurityGroupId ?? '',
    ),
    BackupId: backups.BackupSet?.[0]?.BackupId ?? 'none',
    VpcId: src?.UniqVpcId ?? '',
    SubnetId: src?.UniqSubnetId ?? '',
    InstanceName: `${src?.InstanceName ?? 'x'}-clone`,
    Password: 'Clone#2024x',
  };
}
