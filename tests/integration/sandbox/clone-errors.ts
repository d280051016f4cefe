// The error-code table of clone-sdk.test.ts: the official per-action lists (Go SDK
// TencentCloud/tencentcloud-sdk-go, tencentcloud/redis/v20180412/client.go, the comments above each
// action, read at commit 007e3aed1e0808a3d5f36a4c60bdfd7ca28940f7) of the actions behind "restore into a
// new instance", and one case per (code, action) naming the seeded state that produces it. Mirrored in
// sandbox/README.md. DescribeSecondLevelBackupInfo and DescribeProductInfo are in none of the client.go
// copies read (their codes are the sandbox's choice, tested separately).
import { faultCases, type Key } from './official-errors.js';

export const CLONE_ERROR_LISTS: Readonly<Record<string, readonly string[]>> = {
  CloneInstances: [
    'FailedOperation.PayFailed',
    'FailedOperation.SystemError',
    'FailedOperation.Unknown',
    'InternalError.InternalError',
    'InvalidParameter.EmptyParam',
    'InvalidParameter.OnlyVPCOnSpecZoneId',
    'InvalidParameter.PermissionDenied',
    'InvalidParameterValue.BaseNetWorkAccessDeny',
    'InvalidParameterValue.CheckNotPass',
    'InvalidParameterValue.InvalidInstanceTypeId',
    'InvalidParameterValue.InvalidSubnetId',
    'InvalidParameterValue.PasswordEmpty',
    'InvalidParameterValue.PasswordFreeDenied',
    'InvalidParameterValue.PasswordRuleError',
    'InvalidParameterValue.SecurityGroupIdsNotExists',
    'InvalidParameterValue.UnVpcIdNotExists',
    'LimitExceeded',
    'LimitExceeded.InvalidMemSize',
    'LimitExceeded.InvalidParameterGoodsNumNotInRange',
    'LimitExceeded.PeriodLessThanMinLimit',
    'LimitExceeded.ReachTheAmountLimit',
    'ResourceInsufficient',
    'ResourceNotFound.AccountDoesNotExists',
    'ResourceNotFound.InstanceNotExists',
    'ResourceUnavailable.InstanceDeleted',
    'ResourceUnavailable.NoEnoughVipInVPC',
    'ResourceUnavailable.NoRedisService',
    'ResourceUnavailable.NoServiceAvailableForThisZoneId',
    'ResourceUnavailable.SaleOut',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnauthorizedOperation.UserNotInWhiteList',
    'UnsupportedOperation',
  ],
  InquiryPriceCreateInstance: [
    'FailedOperation.SystemError',
    'InternalError.InternalError',
    'InvalidParameter.PermissionDenied',
    'InvalidParameterValue.SpecNotExist',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnauthorizedOperation.UserNotInWhiteList',
  ],
  DescribeInstanceDealDetail: [
    'FailedOperation.SystemError',
    'InvalidParameter.PermissionDenied',
    'ResourceUnavailable.InstanceConfError',
  ],
  DescribeInstanceSecurityGroup: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'UnauthorizedOperation',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnauthorizedOperation.UserNotInWhiteList',
    'UnsupportedOperation',
  ],
};

export interface CloneErrorCase {
  code: string;
  action: string;
  region: string;
  /**
   * CloneInstances: overrides of a valid clone of `params.InstanceId` (its zone, VPC, subnet, newest
   * backup, a valid password, pay-as-you-go); other actions: the params as sent.
   */
  params: Record<string, unknown>;
  key?: Key;
  /** Only for codes no seeded state produces: the apiError fault answers this code. */
  fault?: true;
  /** Set up by the test before the call (see clone-sdk.test.ts). */
  setup?: 'cloneIntoProject1';
  state: string;
}

const G = 'ap-guangzhou';
const SH = 'ap-shanghai';
const BJ = 'ap-beijing';

const clone = (code: string, region: string, params: Record<string, unknown>, state: string, key?: Key) => ({
  code,
  action: 'CloneInstances',
  region,
  params,
  state,
  ...(key ? { key } : {}),
});

export const CLONE_ERROR_CASES: CloneErrorCase[] = [
  clone(
    'FailedOperation.PayFailed',
    BJ,
    { InstanceId: 'crs-demo0014', BillingMode: 1, Period: 12 },
    'a year of 7 GB over the 2,000 CNY balance',
  ),
  ...faultCases('CloneInstances', { InstanceId: 'crs-demo0001' }, [
    'FailedOperation.SystemError',
    'FailedOperation.Unknown',
    'InternalError.InternalError',
    'InvalidParameter.OnlyVPCOnSpecZoneId',
    'InvalidParameterValue.BaseNetWorkAccessDeny',
    'InvalidParameterValue.PasswordFreeDenied',
    'LimitExceeded.InvalidMemSize',
    'LimitExceeded.ReachTheAmountLimit',
    'ResourceInsufficient',
    'ResourceNotFound.AccountDoesNotExists',
    'ResourceUnavailable.NoEnoughVipInVPC',
    'ResourceUnavailable.NoRedisService',
    'UnauthorizedOperation.UserNotInWhiteList',
  ]),
  clone('InvalidParameter.EmptyParam', G, { InstanceId: '' }, 'empty InstanceId'),
  clone(
    'InvalidParameter.PermissionDenied',
    BJ,
    { InstanceId: 'crs-demo0011' },
    'project-0 key clones project 1',
    'project0',
  ),
  clone(
    'InvalidParameterValue.CheckNotPass',
    G,
    { InstanceId: 'crs-demo0001', BackupId: 'no-such-backup' },
    'a backup of another instance or none',
  ),
  clone(
    'InvalidParameterValue.InvalidInstanceTypeId',
    SH,
    { InstanceId: 'crs-demo0008' },
    'CKV 3.2 is not sold',
  ),
  clone(
    'InvalidParameterValue.InvalidSubnetId',
    G,
    { InstanceId: 'crs-demo0001', SubnetId: 'subnet-sbx0002' },
    'a subnet of another VPC',
  ),
  clone(
    'InvalidParameterValue.PasswordEmpty',
    G,
    { InstanceId: 'crs-demo0001', Password: undefined },
    'no password, NoAuth false',
  ),
  clone(
    'InvalidParameterValue.PasswordRuleError',
    G,
    { InstanceId: 'crs-demo0001', Password: 'short' },
    'password under 8 characters',
  ),
  clone(
    'InvalidParameterValue.SecurityGroupIdsNotExists',
    G,
    { InstanceId: 'crs-demo0001', SecurityGroupIdList: ['sg-nothere'] },
    'unknown group',
  ),
  clone(
    'InvalidParameterValue.UnVpcIdNotExists',
    G,
    { InstanceId: 'crs-demo0001', VpcId: 'vpc-nothere' },
    'unknown VPC',
  ),
  clone('LimitExceeded', SH, { InstanceId: 'crs-demo0003' }, 'ap-shanghai quota (4) is full'),
  clone(
    'LimitExceeded.InvalidParameterGoodsNumNotInRange',
    G,
    { InstanceId: 'crs-demo0001', GoodsNum: 31 },
    '31 pay-as-you-go',
  ),
  clone(
    'LimitExceeded.PeriodLessThanMinLimit',
    G,
    { InstanceId: 'crs-demo0001', BillingMode: 1, Period: 0 },
    'monthly, Period 0',
  ),
  clone('ResourceNotFound.InstanceNotExists', G, { InstanceId: 'crs-nothere0' }, 'unknown instance'),
  clone('ResourceUnavailable.InstanceDeleted', BJ, { InstanceId: 'crs-demo0005' }, 'isolated (-2)'),
  clone(
    'ResourceUnavailable.NoServiceAvailableForThisZoneId',
    G,
    { InstanceId: 'crs-demo0001', ZoneId: 200002 },
    'a Shanghai zone in Guangzhou',
  ),
  clone(
    'ResourceUnavailable.SaleOut',
    BJ,
    { InstanceId: 'crs-demo0014', ZoneId: 800003 },
    'Type 8 sold out in 800003',
  ),
  clone('UnauthorizedOperation.NoCAMAuthed', G, { InstanceId: 'crs-demo0001' }, 'read-only key', 'readonly'),
  clone('UnsupportedOperation', G, { InstanceId: 'crs-demo0001', EncryptPassword: true }, 'EncryptPassword'),

  ...faultCases(
    'InquiryPriceCreateInstance',
    { TypeId: 15, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, ZoneId: 100003 },
    [
      'FailedOperation.SystemError',
      'InternalError.InternalError',
      'InvalidParameter.PermissionDenied',
      'UnauthorizedOperation.UserNotInWhiteList',
    ],
  ),
  {
    code: 'InvalidParameterValue.SpecNotExist',
    action: 'InquiryPriceCreateInstance',
    region: G,
    params: { TypeId: 3, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, ZoneId: 100003 },
    state: 'CKV is not sold',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'InquiryPriceCreateInstance',
    region: G,
    params: { TypeId: 15, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, ZoneId: 100003 },
    key: 'noaccess',
    state: 'no-access key',
  },

  ...faultCases('DescribeInstanceDealDetail', { DealIds: ['3100001'] }, [
    'FailedOperation.SystemError',
    'ResourceUnavailable.InstanceConfError',
  ]),
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeInstanceDealDetail',
    region: BJ,
    params: {},
    key: 'project0',
    setup: 'cloneIntoProject1',
    state: 'project-0 key reads the order of a project-1 clone',
  },

  ...faultCases('DescribeInstanceSecurityGroup', { InstanceIds: ['crs-demo0001'] }, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'UnauthorizedOperation',
    'UnauthorizedOperation.UserNotInWhiteList',
    'UnsupportedOperation',
  ]),
  {
    code: 'InvalidParameter',
    action: 'DescribeInstanceSecurityGroup',
    region: G,
    params: { InstanceIds: 'crs-demo0001' },
    state: 'InstanceIds not a list',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeInstanceSecurityGroup',
    region: BJ,
    params: { InstanceIds: ['crs-demo0011'] },
    key: 'project0',
    state: 'project-0 key names crs-demo0011',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeInstanceSecurityGroup',
    region: G,
    params: { InstanceIds: ['crs-demo0001'] },
    key: 'noaccess',
    state: 'no-access key',
  },
];
