/**
 * Catalog entries of restore into a new instance (issue 20): the app's own clone failures, and the codes the
 * official SDK lists for CloneInstances (tencentcloud-sdk-go tencentcloud/redis/v20180412/client.go, the
 * "error code that may be returned" comment above CloneInstances) that the generic families say too little of.
 */
import type { CatalogEntry } from './error-catalog';

export const cloneErrorEntries = {
  CLONE_OUTCOME_UNKNOWN: {
    en: {
      message:
        'The order for the new instance was sent but no answer arrived, so whether it was placed is unknown.',
      next: 'Do not order again. The app checks the order and instance lists; you can also check Billing → Orders in the console.',
    },
    zh: {
      message: '新实例的订单请求已发出但未收到应答，无法确定是否已下单。',
      next: '请勿重复下单。应用会核对订单和实例列表；您也可以在控制台的“费用中心 → 订单”中查看。',
    },
  },
  CLONE_ORDER_NOT_FOUND: {
    en: {
      message: 'No order or new instance was found for a clone whose answer was lost.',
      next: 'Check Billing → Orders and the instance list in the console before trying again.',
    },
    zh: {
      message: '未收到应答的克隆请求，未找到对应的订单或新实例。',
      next: '再次尝试前，请在控制台查看“费用中心 → 订单”和实例列表。',
    },
  },
  CLONE_IN_PROGRESS: {
    en: {
      message: 'A clone with this name is already being ordered; it was not ordered twice.',
      next: 'Follow it in Tasks.',
    },
    zh: { message: '同名的克隆正在下单中；未重复下单。', next: '请在任务中查看其进度。' },
  },
  CLONE_PRICE_CHANGED: {
    en: {
      message: 'The price changed since it was shown; nothing was ordered.',
      next: 'Check the new price and confirm again.',
    },
    zh: { message: '价格在显示后发生了变化；未下单。', next: '请查看新价格后再次确认。' },
  },
  CLONE_DEAL_FAILED: {
    en: {
      message: 'The order ended without delivering an instance (failed, refunded, closed or expired).',
      next: 'Check the order in Billing → Orders in the console; nothing runs or is billed for it unless the console shows an instance.',
    },
    zh: {
      message: '订单已结束但未交付实例（失败、已退款、已关闭或已过期）。',
      next: '请在控制台“费用中心 → 订单”中查看该订单；除非控制台显示有实例，否则不会运行或计费。',
    },
  },
  NOT_IN_LEGACY_API: {
    en: {
      message: 'The legacy v2 API has no action for this; it needs API 3.0.',
      next: 'Switch the profile to API 3.0, or use the console.',
    },
    zh: {
      message: '旧版 v2 API 不提供此操作，需要使用 API 3.0。',
      next: '请将配置切换为 API 3.0，或使用控制台。',
    },
  },
  PITR_NOT_ENABLED: {
    en: {
      message: 'This instance has no second-level backups, so it cannot be cloned to a point in time.',
      next: 'Clone from a backup instead.',
    },
    zh: { message: '该实例未开启秒级备份，无法克隆到指定时间点。', next: '请改为从备份克隆。' },
  },
  PITR_TIME_UNAVAILABLE: {
    en: {
      message:
        'No second-level backup covers the chosen time (before the range, in a gap, or in the future).',
      next: 'Choose a time inside the range the timeline shows, outside the missing ranges.',
    },
    zh: {
      message: '所选时间没有秒级备份覆盖（早于可用范围、处于缺失区间或在未来）。',
      next: '请在时间轴显示的范围内、缺失区间之外选择时间。',
    },
  },
  CLONE_PASSWORD_RULE: {
    en: {
      message: 'The password does not meet the rules for this engine.',
      next: 'Redis 2.8, 4.0 and 5.0: 8–30 characters, at least two of lower case, upper case, digits and ()`~!@#$%^&*-+=_|{}[]:;<>,.?/, not starting with /. CKV: 8–30 letters and digits, both.',
    },
    zh: {
      message: '密码不符合该引擎的规则。',
      next: 'Redis 2.8、4.0、5.0：8–30 个字符，至少包含小写字母、大写字母、数字和 ()`~!@#$%^&*-+=_|{}[]:;<>,.?/ 中的两种，不能以 / 开头。CKV：8–30 个字符，须同时包含字母和数字。',
    },
  },
  PAY_FAILED: {
    en: {
      message:
        'The cloud could not pay for the order (FailedOperation.PayFailed), usually an insufficient balance.',
      next: 'Top up the account or check its payment settings, then order again.',
    },
    zh: {
      message: '云端无法为订单付款（FailedOperation.PayFailed），通常是账户余额不足。',
      next: '请为账户充值或检查付款设置后再下单。',
    },
  },
  INSTANCE_QUOTA_REACHED: {
    en: {
      message: 'The account has reached its instance quota (LimitExceeded.ReachTheAmountLimit).',
      next: 'Release an instance you no longer need or ask Tencent Cloud to raise the quota.',
    },
    zh: {
      message: '账户已达实例数量上限（LimitExceeded.ReachTheAmountLimit）。',
      next: '请释放不再需要的实例，或向腾讯云申请提高配额。',
    },
  },
  SPEC_SOLD_OUT: {
    en: {
      message: 'This specification is sold out in the chosen zone.',
      next: 'Choose another zone of the region.',
    },
    zh: { message: '该规格在所选可用区已售罄。', next: '请选择该地域的其他可用区。' },
  },
  ZONE_NO_SERVICE: {
    en: {
      message: 'The chosen zone does not sell this Redis service.',
      next: 'Choose another zone of the region.',
    },
    zh: { message: '所选可用区不提供该 Redis 服务。', next: '请选择该地域的其他可用区。' },
  },
  NETWORK_INVALID: {
    en: {
      message:
        'The VPC, subnet or security group was refused (not found, no free address, or the basic network is not allowed here).',
      next: 'Check the VPC, subnet and security groups in the form; they are pre-filled from the source instance.',
    },
    zh: {
      message: '私有网络、子网或安全组被拒绝（不存在、无可用 IP，或此处不允许基础网络）。',
      next: '请检查表单中的私有网络、子网和安全组；它们已按源实例预填。',
    },
  },
  PASSWORD_NOT_ACCEPTED: {
    en: {
      message:
        'The cloud refused the password (empty, against its rules, or password-free access not allowed).',
      next: 'Enter a password that meets the rules shown, or turn off password-free access.',
    },
    zh: {
      message: '云端拒绝了该密码（为空、不符合规则，或不允许免密访问）。',
      next: '请按提示的规则输入密码，或关闭免密访问。',
    },
  },
  SPEC_INVALID: {
    en: {
      message: 'The cloud refused the order’s specification (type, memory size, quantity or period).',
      next: 'Nothing was ordered. The form copies the source’s spec; check the billing period and zone.',
    },
    zh: {
      message: '云端拒绝了订单规格（类型、内存、数量或时长）。',
      next: '未下单。表单沿用源实例规格；请检查购买时长和可用区。',
    },
  },
} as const satisfies Record<string, CatalogEntry>;

/** CloneInstances codes with their own entries (the rest fall back to their family). */
export const cloneCloudCodes = {
  'FailedOperation.PayFailed': 'PAY_FAILED',
  'LimitExceeded.ReachTheAmountLimit': 'INSTANCE_QUOTA_REACHED',
  'ResourceUnavailable.SaleOut': 'SPEC_SOLD_OUT',
  'ResourceUnavailable.NoServiceAvailableForThisZoneId': 'ZONE_NO_SERVICE',
  'ResourceUnavailable.NoRedisService': 'ZONE_NO_SERVICE',
  'InvalidParameter.OnlyVPCOnSpecZoneId': 'NETWORK_INVALID',
  'InvalidParameterValue.BaseNetWorkAccessDeny': 'NETWORK_INVALID',
  'InvalidParameterValue.InvalidSubnetId': 'NETWORK_INVALID',
  'InvalidParameterValue.SecurityGroupIdsNotExists': 'NETWORK_INVALID',
  'InvalidParameterValue.UnVpcIdNotExists': 'NETWORK_INVALID',
  'ResourceUnavailable.NoEnoughVipInVPC': 'NETWORK_INVALID',
  'InvalidParameterValue.PasswordEmpty': 'PASSWORD_NOT_ACCEPTED',
  'InvalidParameterValue.PasswordFreeDenied': 'PASSWORD_NOT_ACCEPTED',
  'InvalidParameterValue.PasswordRuleError': 'PASSWORD_NOT_ACCEPTED',
  'InvalidParameterValue.InvalidInstanceTypeId': 'SPEC_INVALID',
  'LimitExceeded.InvalidMemSize': 'SPEC_INVALID',
  'LimitExceeded.InvalidParameterGoodsNumNotInRange': 'SPEC_INVALID',
  'LimitExceeded.PeriodLessThanMinLimit': 'SPEC_INVALID',
} as const;
