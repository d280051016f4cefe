// The field rules of CloneInstancesRequest (SDK 4.1.313 redis_models.d.ts), each quoted where it is
// checked. Types were already checked against the model by the common layer (api/params.ts); these are
// the value rules, answered with codes from CloneInstances' official list.
import { parseTencentTime } from '../clock.js';
import { typeInfo } from './catalog.js';
import { securityGroupsOf, VPC_ONLY_REGIONS, vpcsOf } from './products.js';
import type { SandboxState } from './store.js';
import type { InstanceRecord, InstanceTag } from './types.js';

export type Refused = { ok: false; code: string; message: string };
export const refuse = (code: string, message: string): Refused => ({ ok: false, code, message });

/** The request as the common layer checked it (field types per the model). */
export interface CloneRequestFields {
  InstanceId?: string;
  GoodsNum?: number;
  ZoneId?: number;
  BillingMode?: number;
  Period?: number;
  SecurityGroupIdList?: string[];
  BackupId?: string;
  NoAuth?: boolean;
  VpcId?: string;
  SubnetId?: string;
  InstanceName?: string;
  Password?: string;
  AutoRenew?: number;
  VPort?: number;
  NodeSet?: Array<Record<string, unknown>>;
  ProjectId?: number;
  ResourceTags?: Array<Record<string, unknown>>;
  TemplateId?: string;
  AlarmPolicyList?: string[];
  CloneTime?: string;
  EncryptPassword?: boolean;
  EnableSSL?: boolean;
  ProductVersion?: string;
}

export interface CloneOptions {
  goodsNum: number;
  zoneId: number;
  /** Zones named in NodeSet (each must be sold in the region). */
  nodeZones: number[];
  billingMode: 0 | 1;
  period: number;
  securityGroupIds: string[];
  backupId: string;
  cloneTimeMs: number | null;
  /** '' = the basic (classic) network, "如果未配置该参数，默认选择基础网络". */
  vpcId: string;
  subnetId: string;
  instanceName: string | undefined;
  /** null = password-free (NoAuth). */
  password: string | null;
  autoRenew: number;
  vport: number;
  /** From NodeSet's replica nodes; undefined = as the source. */
  replicasNum: number | undefined;
  projectId: number;
  tags: InstanceTag[];
}

/** Period "包年包月…[1,2,…,12,24,36,48,60]"; "按量计费时，设置为1". */
export const PREPAID_PERIODS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 48, 60];
/** GoodsNum: "包年包月每次购买最大数量为100", "按量计费每次购买最大数量为30". */
export const MAX_GOODS = { prepaid: 100, postpaid: 30 } as const;
/** InstanceName: "仅支持长度小于60的中文、英文或者数字，短划线"-"、下划线"_"". */
const NAME_RULE = /^[\p{Script=Han}A-Za-z0-9_-]{1,59}$/u;
/** The special characters of the Redis password rule. */
const SPECIALS = '()`~!@#$%^&*-+=_|{}[]:;<>,.?/';

/**
 * Password: "当实例为Redis2.8、4.0和5.0时…8-30个字符，至少包含小写字母、大写字母、数字和字符 … 中的2种，不能以"/"开头；
 * 当实例为CKV 3.2时…8-30个字符，必须包含字母和数字，且不包含其他字符". Newer engines are not described; the
 * sandbox applies the Redis rule to them.
 */
export function passwordProblem(password: string, type: number): string | null {
  if (password.length < 8 || password.length > 30) return 'The password must have 8 to 30 characters.';
  if (typeInfo(type).engine === 'CKV') {
    if (!/^[A-Za-z0-9]+$/.test(password) || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
      return 'A CKV password must contain letters and digits and nothing else.';
    }
    return null;
  }
  if (password.startsWith('/')) return 'The password must not start with "/".';
  if ([...password].some((c) => !/[A-Za-z0-9]/.test(c) && !SPECIALS.includes(c))) {
    return 'The password contains a character outside letters, digits and ()`~!@#$%^&*-+=_|{}[]:;<>,.?/.';
  }
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return kinds >= 2
    ? null
    : 'The password must mix at least two of lower case, upper case, digits and symbols.';
}

const KNOWN_PROJECTS = (state: SandboxState) =>
  new Set([0, ...[...state.instances.values()].map((i) => i.projectId)]);

export function validateCloneOptions(
  raw: CloneRequestFields,
  source: InstanceRecord,
  state: SandboxState,
): { ok: true; value: CloneOptions } | Refused {
  const check = (code: string, message: string) => refuse(code, message);
  const billingMode = raw.BillingMode ?? -1;
  if (billingMode !== 0 && billingMode !== 1)
    return check('InvalidParameterValue.CheckNotPass', 'BillingMode must be 0 or 1.');
  const goodsNum = raw.GoodsNum ?? 0;
  const maxGoods = billingMode === 1 ? MAX_GOODS.prepaid : MAX_GOODS.postpaid;
  if (goodsNum < 1 || goodsNum > maxGoods) {
    return check('LimitExceeded.InvalidParameterGoodsNumNotInRange', `GoodsNum must be 1..${maxGoods}.`);
  }
  const period = raw.Period ?? 0;
  if (billingMode === 1 && period < 1)
    return check('LimitExceeded.PeriodLessThanMinLimit', 'Period must be at least 1 month.');
  if (billingMode === 1 && !PREPAID_PERIODS.includes(period)) {
    return check(
      'InvalidParameterValue.CheckNotPass',
      `Period must be one of ${PREPAID_PERIODS.join(', ')}.`,
    );
  }
  if (billingMode === 0 && period !== 1)
    return check('InvalidParameterValue.CheckNotPass', 'Period must be 1 for pay-as-you-go.');

  const region = source.region;
  const vpcId = raw.VpcId ?? '';
  const subnetId = raw.SubnetId ?? '';
  if (vpcId === '' && VPC_ONLY_REGIONS.has(region)) {
    return check('InvalidParameter.OnlyVPCOnSpecZoneId', `${region} sells VPC instances only.`);
  }
  if (vpcId !== '') {
    const subnets = vpcsOf(state, region).get(vpcId);
    if (!subnets)
      return check('InvalidParameterValue.UnVpcIdNotExists', `VPC ${vpcId} does not exist in ${region}.`);
    if (!subnets.has(subnetId))
      return check('InvalidParameterValue.InvalidSubnetId', `Subnet ${subnetId} is not in ${vpcId}.`);
  } else if (subnetId !== '') {
    return check(
      'InvalidParameterValue.InvalidSubnetId',
      'A subnet needs its VpcId ("基础网络时该参数无需配置").',
    );
  }
  const groups = new Set(securityGroupsOf(state, region).map((g) => g.id));
  const unknownGroup = (raw.SecurityGroupIdList ?? []).find((id) => !groups.has(id));
  if (unknownGroup !== undefined) {
    return check(
      'InvalidParameterValue.SecurityGroupIdsNotExists',
      `Security group ${unknownGroup} does not exist.`,
    );
  }

  // "是否加密密码": the sandbox holds no key to decrypt one.
  if (raw.EncryptPassword === true)
    return check('UnsupportedOperation', 'EncryptPassword is not supported by the sandbox.');
  const noAuth = raw.NoAuth === true;
  // "开启 SSL 与外网均不支持免密访问".
  if (noAuth && raw.EnableSSL === true)
    return check('InvalidParameterValue.CheckNotPass', 'SSL needs a password.');
  let password: string | null = null;
  if (!noAuth) {
    if ((raw.Password ?? '') === '')
      return check('InvalidParameterValue.PasswordEmpty', 'Password must be set unless NoAuth is true.');
    password = raw.Password ?? '';
    const problem = passwordProblem(password, source.type);
    if (problem) return check('InvalidParameterValue.PasswordRuleError', problem);
  }

  if (raw.InstanceName !== undefined && !NAME_RULE.test(raw.InstanceName)) {
    return check(
      'InvalidParameterValue.CheckNotPass',
      'InstanceName: under 60 Chinese, English letters, digits, "-" or "_".',
    );
  }
  const autoRenew = raw.AutoRenew ?? 0;
  if (![0, 1, 2].includes(autoRenew))
    return check('InvalidParameterValue.CheckNotPass', 'AutoRenew must be 0, 1 or 2.');
  const vport = raw.VPort ?? 6379;
  if (vport < 1024 || vport > 65535)
    return check('InvalidParameterValue.CheckNotPass', 'VPort must be 1024..65535.');
  if (raw.ProductVersion !== undefined && !['local', 'localv2'].includes(raw.ProductVersion)) {
    return check('InvalidParameterValue.CheckNotPass', 'ProductVersion must be local or localv2.');
  }
  const projectId = raw.ProjectId ?? source.projectId;
  if (!KNOWN_PROJECTS(state).has(projectId))
    return check('InvalidParameterValue.CheckNotPass', `Project ${projectId} does not exist.`);

  const zoneId = raw.ZoneId ?? 0;
  const nodeZones: number[] = [];
  let replicasNum: number | undefined;
  if (raw.NodeSet !== undefined && raw.NodeSet.length > 0) {
    // RedisNodeInfo: NodeType "0：为主节点 1：为副本节点", ZoneId of that node.
    const types = raw.NodeSet.map((n) => n.NodeType);
    if (types.some((t) => t !== 0 && t !== 1) || types.filter((t) => t === 0).length !== 1) {
      return check(
        'InvalidParameterValue.CheckNotPass',
        'NodeSet needs exactly one master (NodeType 0) and replicas (1).',
      );
    }
    for (const node of raw.NodeSet) {
      if (node.ZoneId !== undefined) {
        if (typeof node.ZoneId !== 'number')
          return check('InvalidParameterValue.CheckNotPass', 'NodeSet ZoneId must be a number.');
        nodeZones.push(node.ZoneId);
      }
    }
    replicasNum = types.length - 1;
    if (replicasNum < 1 || replicasNum > 5)
      return check('InvalidParameterValue.CheckNotPass', 'A clone has 1 to 5 replicas.');
  }
  const tags: InstanceTag[] = [];
  for (const tag of raw.ResourceTags ?? []) {
    if (typeof tag.TagKey !== 'string' || tag.TagKey === '' || typeof tag.TagValue !== 'string') {
      return check('InvalidParameterValue.CheckNotPass', 'ResourceTags need a TagKey and a TagValue string.');
    }
    tags.push({ key: tag.TagKey, value: tag.TagValue });
  }
  let cloneTimeMs: number | null = null;
  if (raw.CloneTime !== undefined && raw.CloneTime !== '') {
    // The format is not documented; the sandbox takes the API's usual "YYYY-MM-DD HH:mm:ss" (Beijing time).
    cloneTimeMs = parseTencentTime(raw.CloneTime);
    if (cloneTimeMs === null)
      return check('InvalidParameterValue.CheckNotPass', 'CloneTime must read YYYY-MM-DD HH:mm:ss.');
  }
  return {
    ok: true,
    value: {
      goodsNum,
      zoneId,
      nodeZones,
      billingMode,
      period,
      securityGroupIds: raw.SecurityGroupIdList ?? [],
      backupId: raw.BackupId ?? '',
      cloneTimeMs,
      vpcId,
      subnetId,
      instanceName: raw.InstanceName,
      password,
      autoRenew,
      vport,
      replicasNum,
      projectId,
      tags,
    },
  };
}
