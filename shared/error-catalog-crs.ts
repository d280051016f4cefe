/**
 * Catalog entries for codes named in the official per-action error lists of the CRS actions the app calls
 * (tencentcloud-sdk-go `tencentcloud/redis/v20180412/client.go`, the comments above DescribeInstances,
 * DescribeInstanceBackups, RestoreInstance, DescribeTaskInfo, DescribeTaskList and ManualBackupInstance) that
 * had no entry of their own. Each sentence follows the code's description in the same SDK's `errors.go`;
 * the list itself is kept in tests/fixtures/official/crs-action-error-codes.json.
 */
import type { CatalogEntry } from './errors';

export const crsActionErrorEntries = {
  // FailedOperation.SystemError — errors.go: "内部系统错误，和业务无关".
  CLOUD_SYSTEM_ERROR: {
    en: {
      message: 'Tencent Cloud had an internal system error, unrelated to this request.',
      next: 'Try again in a few minutes; a task being followed keeps being read. A restore is never resent on its own: look at the Tasks panel first.',
    },
    zh: {
      message: '腾讯云内部系统错误，与本次请求的内容无关。',
      next: '请几分钟后重试；正在跟踪的任务会继续被查询。恢复请求绝不会自动重发：请先查看任务面板。',
    },
  },
  // FailedOperation.Unknown — errors.go gives no usable description for it ("weekday输入无效数据").
  CLOUD_OPERATION_UNKNOWN: {
    en: {
      message: 'Tencent Cloud reported a failure without saying what it was (FailedOperation.Unknown).',
      next: 'Check the instance in the console; if it persists, contact Tencent Cloud support with the request id.',
    },
    zh: {
      message: '腾讯云返回了未说明原因的失败（FailedOperation.Unknown）。',
      next: '请在控制台检查该实例；如持续出现，请携带请求 ID 联系腾讯云客服。',
    },
  },
  // FailedOperation.CommitFlowError — errors.go: "提交工作流失败".
  FLOW_SUBMIT_FAILED: {
    en: {
      message: 'Tencent Cloud could not submit the workflow of this operation.',
      next: 'Refresh the instance’s backups and tasks to see what happened before trying again.',
    },
    zh: {
      message: '腾讯云提交该操作的工作流失败。',
      next: '请先刷新该实例的备份和任务，确认实际情况后再重试。',
    },
  },
  // InternalError.DbOperationFailed — errors.go: "统一的 DB 操作错误".
  CLOUD_DB_ERROR: {
    en: {
      message: 'Tencent Cloud failed to read or write its own database.',
      next: 'Try again in a few minutes; if it persists, contact Tencent Cloud support with the request id.',
    },
    zh: {
      message: '腾讯云内部数据库操作失败。',
      next: '请几分钟后重试；如持续出现，请携带请求 ID 联系腾讯云客服。',
    },
  },
  // InvalidParameter.EmptyParam — errors.go: "参数为空".
  EMPTY_PARAMETER: {
    en: {
      message: 'A required value of the request was empty.',
      next: 'For a restore this is usually the instance password: enter it (password-free instances need none). Otherwise fill in the empty field and try again.',
    },
    zh: {
      message: '请求中有必填的值为空。',
      next: '恢复时通常是实例密码为空：请输入密码（免密实例无需密码）。其他情况请补全空缺的字段后重试。',
    },
  },
  // InvalidParameter.InvalidParameter — errors.go: "业务参数错误".
  BUSINESS_PARAMETER_INVALID: {
    en: {
      message:
        'Tencent Cloud refused a value of the request for this operation (for example a task id it does not know).',
      next: 'Check that the instance, backup or task belongs to this account and region; refresh the list and try again.',
    },
    zh: {
      message: '腾讯云认为请求中的某个值对此操作无效（例如不认识的任务 ID）。',
      next: '请确认实例、备份或任务属于当前账号和地域；刷新列表后重试。',
    },
  },
  // InvalidParameter.PermissionDenied — errors.go: "接口没有cam权限".
  CAM_API_DENIED: {
    en: {
      message: 'This key has no CAM permission to call this API action.',
      next: 'Ask the account administrator to allow the action for this sub-account (for example redis:RestoreInstance or redis:DescribeTaskInfo).',
    },
    zh: {
      message: '该密钥没有调用此接口的 CAM 权限。',
      next: '请联系主账号管理员为该子账号授权此接口（例如 redis:RestoreInstance 或 redis:DescribeTaskInfo）。',
    },
  },
  // ResourceUnavailable.InstanceStateError — errors.go: "实例状态错误".
  INSTANCE_STATE_ERROR: {
    en: {
      message: 'The instance’s state does not allow this operation.',
      next: 'Open the instance in the console: if a task is running, wait for it; if it is isolated or being deleted, waiting will not help — renew it or recover it from the recycle bin first.',
    },
    zh: {
      message: '实例当前状态不允许此操作。',
      next: '请在控制台查看该实例：如有任务正在进行，请等待其结束；如已隔离或待删除，等待无济于事，请先续费或从回收站恢复。',
    },
  },
  // Backup downloads (issue 19): codes of DescribeBackupUrl's official list (client.go) no other action has.
  // ResourceUnavailable.BackupStatusInvalid — listed in client.go; errors.go gives it no description.
  BACKUP_STATUS_INVALID: {
    en: {
      message: 'Tencent Cloud says this backup’s status does not allow downloading it now.',
      next: 'Check in the backup list that the backup has finished and has not expired or been locked by another task, then try again.',
    },
    zh: {
      message: '腾讯云表示该备份当前的状态不允许下载。',
      next: '请在备份列表中确认该备份已完成，且未过期、未被其他任务锁定，然后重试。',
    },
  },
  // UnauthorizedOperation.UserNotInWhiteList — errors.go: "用户不在白名单中".
  ACCOUNT_NOT_ALLOWLISTED: {
    en: {
      message: 'Tencent Cloud says this account is not on the allow-list this operation needs.',
      next: 'Ask Tencent Cloud support to enable the feature for this account; nothing was changed.',
    },
    zh: {
      message: '腾讯云表示该账号不在此操作所需的白名单中。',
      next: '请联系腾讯云售后为该账号开通此功能；未做任何更改。',
    },
  },
  // UnsupportedOperation.ClusterInstanceAccessedDeny — errors.go: "redis 集群版不允许接入安全组".
  CLUSTER_INSTANCE_DENIED: {
    en: {
      message:
        'Tencent Cloud refused this operation for a cluster instance (its own description: the cluster edition cannot be attached to a security group).',
      next: 'Try the operation in the Tencent Cloud console, or ask Tencent Cloud support with the RequestId.',
    },
    zh: {
      message: '腾讯云拒绝对集群版实例执行此操作（其自身说明：Redis 集群版不允许接入安全组）。',
      next: '请在腾讯云控制台中尝试该操作，或携带 RequestId 联系腾讯云售后。',
    },
  },
  // UnsupportedOperation.IsAutoRenewError — errors.go: "自动续费标识错误".
  AUTO_RENEW_FLAG_ERROR: {
    en: {
      message: 'Tencent Cloud reported an error with the instance’s auto-renew flag.',
      next: 'Check the instance’s renewal settings in the console, then try again.',
    },
    zh: {
      message: '腾讯云报告实例的自动续费标识有误。',
      next: '请在控制台检查实例的续费设置后重试。',
    },
  },
  // UnsupportedOperation.OnlyClusterInstanceCanExportBackup — errors.go: "只有集群版实例支持导出备份".
  EXPORT_CLUSTER_ONLY: {
    en: {
      message: 'Tencent Cloud says only cluster instances support exporting this backup.',
      next: 'Download the backup from the Tencent Cloud console if it offers it, or ask Tencent Cloud support.',
    },
    zh: {
      message: '腾讯云表示只有集群版实例支持导出该备份。',
      next: '如控制台提供下载，请在腾讯云控制台下载该备份，或联系腾讯云售后。',
    },
  },
} as const satisfies Record<string, CatalogEntry>;
