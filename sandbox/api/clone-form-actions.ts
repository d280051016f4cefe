// The reads a clone form's defaults come from: the security groups an instance is bound to
// (DescribeInstanceSecurityGroup) and what is on sale where (DescribeProductInfo). Shapes are the SDK
// 4.1.313 models; the groups and the sale table are the sandbox's own (state/products.ts).
import { CRS_ZONES } from '../../shared/crs-zones.js';
import { formatTencentTime } from '../clock.js';
import { REGIONS, typeInfo } from '../state/catalog.js';
import { MAX_GOODS } from '../state/clone-options.js';
import {
  CLUSTER_SHARD_NUMS,
  instanceSecurityGroups,
  MAX_SHARD_GB,
  MAX_STANDARD_GB,
  REPLICA_NUMS,
  SOLD_TYPES,
  soldOut,
} from '../state/products.js';
import type { ActionAnswer, ActionContext, ActionResult } from './action-types.js';
import { type ParamsOf, strs } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import type { RequestOf } from './sdk-models.js';

const fail = (code: string, message: string) => ({ ok: false as const, code, message });

export function describeSecurityGroups(
  ctx: ActionContext,
  p: ParamsOf<RequestOf<'DescribeInstanceSecurityGroup'>>,
): ActionResult<ActionAnswer<'DescribeInstanceSecurityGroup'>> {
  const ids = strs(p, 'InstanceIds') ?? [];
  // "数组长度限制[0,100]".
  if (ids.length > 100) return fail('InvalidParameter', 'InstanceIds holds at most 100 ids.');
  const refusal = readScopeRefusal(ctx.state, ctx.principal, { instanceIds: ids });
  if (refusal) return refusal;
  const rows = ids.flatMap((id) => {
    const instance = ctx.state.instances.get(id);
    if (!instance || instance.region !== ctx.region) return [];
    const groups = instanceSecurityGroups(ctx.state, instance).map((g) => ({
      ProjectId: g.projectId,
      CreateTime: formatTencentTime(g.createdMs),
      SecurityGroupId: g.id,
      SecurityGroupName: g.name,
      SecurityGroupRemark: g.remark,
      InboundRule: [{ Action: 'ACCEPT', Ip: '10.0.0.0/8', Port: '6379', Proto: 'TCP' }],
      OutboundRule: [{ Action: 'ACCEPT', Ip: '0.0.0.0/0', Port: 'ALL', Proto: 'ALL' }],
    }));
    return [{ InstanceId: id, SecurityGroupDetails: groups }];
  });
  return { ok: true, data: { InstanceSecurityGroupsDetail: rows } };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** "即使指定具体地域，也返回所有地域的售卖信息": every region, every zone, every type on sale. */
export function describeProductInfo(ctx: ActionContext): ActionResult<ActionAnswer<'DescribeProductInfo'>> {
  void ctx;
  const RegionSet = REGIONS.map((region) => ({
    RegionId: region.name,
    RegionName: region.name,
    ...(region.short ? { RegionShortName: region.short } : {}),
    ZoneSet: region.zones.map((zoneId, index) => {
      const products = [...SOLD_TYPES].map((type) => {
        const info = typeInfo(type);
        return {
          Type: type,
          TypeName: info.label,
          MinBuyNum: 1,
          MaxBuyNum: MAX_GOODS.postpaid,
          Saleout: soldOut(zoneId, type),
          Engine: info.engine,
          Version: `${info.engine}-${info.version}`,
          TotalSize: info.cluster ? [] : range(1, MAX_STANDARD_GB),
          ShardSize: info.cluster ? range(1, MAX_SHARD_GB) : [],
          ReplicaNum: REPLICA_NUMS.map(String),
          ShardNum: info.cluster ? CLUSTER_SHARD_NUMS.map(String) : ['1'],
          PayMode: '0,1',
          EnableRepicaReadOnly: true,
          EnableReplicaReadOnly: true,
        };
      });
      return {
        ZoneId: CRS_ZONES.get(zoneId)?.api ?? `${region.name}-${zoneId % 10}`,
        ZoneName: CRS_ZONES.get(zoneId)?.zh ?? `zone ${zoneId}`,
        IsSaleout: products.every((p) => p.Saleout),
        IsDefault: index === 0,
        NetWorkType: ['basenet', 'vpcnet'],
        ProductSet: products,
        OldZoneId: zoneId,
      };
    }),
  }));
  return { ok: true, data: { RegionSet } };
}
