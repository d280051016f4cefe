/**
 * API 3.0 response shapes of the clone actions (tencentcloud-sdk-nodejs 4.1.313
 * services/redis/v20180412/redis_models.d.ts). Every response field is optional in the models; only what a
 * step cannot do without is required here.
 */
import { z } from 'zod';
import { int, num, optString } from '../parsing/wire-schemas';

/** Deal ids: the model says string; the published example shows "22716", an older one "crs-qd3d3XXX". */
const dealText = z
  .union([z.string(), z.number().int().nonnegative().transform(String)])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : v));

export const CloneInstancesResponseSchema = z
  .object({
    DealId: dealText,
    DealName: dealText,
    InstanceIds: z.array(z.string()).nullish(),
  })
  // An answer naming no order at all tells nothing about what was bought: read as a bad response, so the
  // write is reported as "outcome unknown" and reconciled.
  .refine((r) => r.DealId !== undefined || r.DealName !== undefined || (r.InstanceIds?.length ?? 0) > 0, {
    message: 'no DealId, DealName or InstanceIds',
  });

export const InquiryPriceCreateInstanceResponseSchema = z.object({
  Price: num.nullish(),
  HighPrecisionPrice: num.nullish(),
  OriginalPrice: num.nullish(),
  HighPrecisionOriginalPrice: num.nullish(),
  Currency: optString,
  AmountUnit: optString,
});

export const TradeDealDetailSchema = z.object({
  DealId: dealText,
  DealName: dealText,
  ZoneId: int.nullish(),
  GoodsNum: int.nullish(),
  Creater: optString,
  CreatTime: optString,
  OverdueTime: optString,
  EndTime: optString,
  Status: int.nullish(),
  Description: optString,
  Price: num.nullish(),
  InstanceIds: z.array(z.string()).nullish(),
});

export const DescribeInstanceDealDetailResponseSchema = z.object({
  DealDetails: z.array(TradeDealDetailSchema).nullish(),
});

export const DescribeSecondLevelBackupInfoResponseSchema = z.object({
  BackupId: optString,
  BackupTimestamp: int.nullish(),
  MissingTimestamps: z
    .array(z.object({ StartTimeStamp: int.nullish(), EndTimeStamp: int.nullish() }))
    .nullish(),
  StartTimestamp: int.nullish(),
});

export const DescribeInstanceSecurityGroupResponseSchema = z.object({
  InstanceSecurityGroupsDetail: z
    .array(
      z.object({
        InstanceId: optString,
        SecurityGroupDetails: z
          .array(z.object({ SecurityGroupId: optString, SecurityGroupName: optString }))
          .nullish(),
      }),
    )
    .nullish(),
});

const stringList = z
  .array(z.union([z.string(), z.number().transform(String)]))
  .nullish()
  .transform((v) => v ?? []);

export const DescribeProductInfoResponseSchema = z.object({
  RegionSet: z
    .array(
      z.object({
        RegionId: optString,
        ZoneSet: z
          .array(
            z.object({
              ZoneId: optString,
              ZoneName: optString,
              IsSaleout: z.boolean().nullish(),
              OldZoneId: int.nullish(),
              ProductSet: z
                .array(
                  z.object({
                    Type: int.nullish(),
                    MinBuyNum: int.nullish(),
                    MaxBuyNum: int.nullish(),
                    Saleout: z.boolean().nullish(),
                    TotalSize: stringList,
                    ShardSize: stringList,
                    ReplicaNum: stringList,
                    ShardNum: stringList,
                    PayMode: z.union([z.string(), z.number().transform(String)]).nullish(),
                  }),
                )
                .nullish(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

/** The DescribeInstances row fields a clone inherits (InstanceSet), read for one instance. */
export const InstanceSpecRowSchema = z.object({
  InstanceId: z.string().min(1),
  Type: int,
  Size: num.nullish(),
  RedisShardSize: num.nullish(),
  RedisShardNum: int.nullish(),
  RedisReplicasNum: int.nullish(),
  BillingMode: int.nullish(),
  ProductVersion: optString,
  BackupMode: optString,
  WanIp: optString,
  Port: int.nullish(),
  Status: int.nullish(),
  NodeSet: z.array(z.object({ NodeType: int, ZoneId: int.nullish(), ZoneName: optString })).nullish(),
});

export const DescribeInstanceSpecResponseSchema = z.object({
  InstanceSet: z.array(z.unknown()).nullish(),
});
