/**
 * The tccli command equivalent to what the app sends, so a DBA can reproduce or document it. Never carries a
 * secret: keys come from the tccli profile, and an instance password is a shell variable the DBA sets.
 * tccli common parameters --region, --endpoint and --profile: https://cloud.tencent.com/document/product/440/129328.
 * tccli speaks API 3.0 only, so a legacy v2 profile has no equivalent command.
 */
import type { ApiGeneration } from './domain';

export type TccliAction =
  | 'RestoreInstance'
  | 'ManualBackupInstance'
  | 'DescribeTaskInfo'
  // Restore into a new instance (issue 20).
  | 'CloneInstances'
  | 'DescribeInstanceDealDetail';

export interface TccliCall {
  action: TccliAction;
  generation: ApiGeneration;
  region: string;
  /** The app's profile name, used as the tccli profile to run it with. */
  profile?: string;
  /** `scheme://host[:port]` of a custom endpoint; absent for the public one. */
  endpoint?: string;
  /** A list of strings is written as tccli's unfolded form does: the name once, then each value. */
  params: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** Adds `--Password "$CRS_PASSWORD"`: the value itself is never written into the command. */
  password?: boolean;
}

/** The shell variable a DBA sets (for example with `read -rs CRS_PASSWORD`) before running the command. */
export const PASSWORD_VARIABLE = 'CRS_PASSWORD';

/** POSIX shell quoting: bare when safe, single-quoted otherwise. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function tccliCommand(call: TccliCall): string | undefined {
  if (call.generation !== 'v3') return undefined;
  const parts = ['tccli', 'redis', call.action, '--region', shellQuote(call.region)];
  if (call.profile) parts.push('--profile', shellQuote(call.profile));
  if (call.endpoint)
    parts.push('--endpoint', shellQuote(call.endpoint.replace(/^https?:\/\//i, '').replace(/\/$/, '')));
  // tccli's unfolded form of arrays, as its CloneInstances example writes them
  // (TencentCloud/tencentcloud-cli tccli/examples/redis/v20180412/CloneInstances.md): a list of objects as
  // indexed names (`--NodeSet.0.NodeType 0`), a list of strings as the name once and each value after it
  // (`--SecurityGroupIdList sg-1 sg-2`).
  const entries = Object.entries(call.params);
  if (entries.some(([name, value]) => name.includes('.') || Array.isArray(value)))
    parts.push('--cli-unfold-argument');
  for (const [name, value] of entries) {
    if (value === undefined || value === '') continue;
    if (/password|secret|token/i.test(name)) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`--${name}`, ...value.map((v: string) => shellQuote(v)));
      continue;
    }
    parts.push(`--${name}`, shellQuote(String(value)));
  }
  if (call.password) parts.push('--Password', `"$${PASSWORD_VARIABLE}"`);
  return parts.join(' ');
}

/** A call as a profile would make it: its generation, name (as the tccli profile) and custom endpoint. */
export function tccliCallFor(
  profile: { generation: ApiGeneration; name: string; endpoint?: string | undefined },
  region: string,
  action: TccliAction,
  params: TccliCall['params'],
  password = false,
): TccliCall {
  return {
    action,
    generation: profile.generation,
    region,
    profile: profile.name,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    params,
    ...(password ? { password } : {}),
  };
}
