/** Catalog entries for failures reported by the cloud (both API generations) or on the way to it. */
import type { CatalogEntry } from './errors';

export const cloudErrorEntries = {
  // ---- Cloud (CRS API) errors. Cloud codes of both generations map onto these in cloudErrorTable below.
  AUTH_FAILED: {
    en: {
      message: 'Tencent Cloud could not verify the request signature.',
      next: 'Check that the SecretKey stored for this profile belongs to its SecretId, then test the connection again.',
    },
    zh: {
      message: '腾讯云无法验证请求签名。',
      next: '请检查此配置中保存的 SecretKey 是否与 SecretId 匹配，然后重新测试连接。',
    },
  },
  SIGNATURE_EXPIRED: {
    en: {
      message:
        "The request was refused because this computer's clock differs from Tencent Cloud's by more than the allowed window.",
      next: 'Synchronize the system clock (enable automatic time) and try again; reads are retried once with a corrected clock.',
    },
    zh: {
      message: '本机时间与腾讯云服务器时间相差过大，请求被拒绝。',
      next: '请同步系统时间（开启自动对时）后重试；查询操作会自动用校正后的时间重试一次。',
    },
  },
  SECRET_ID_NOT_FOUND: {
    en: {
      message: 'Tencent Cloud does not know this SecretId, or the key is disabled.',
      next: 'Copy the SecretId again from the CAM API key page and check the key is enabled.',
    },
    zh: {
      message: '腾讯云找不到该 SecretId，或该密钥已被禁用。',
      next: '请到访问管理（CAM）API 密钥页面重新复制 SecretId，并确认密钥处于启用状态。',
    },
  },
  // STS temporary credentials: API 3.0 AuthFailure.TokenFailure and legacy 4105 ("token错误") are the one
  // token code of each generation, answered alike for a missing, wrong or expired token, so the text names
  // all three (sandbox/README.md "Temporary credentials" has the sources).
  TOKEN_INVALID: {
    en: {
      message:
        "Tencent Cloud refused the temporary credentials' token: it is missing, wrong or has expired (the answer does not say which).",
      next: 'Get new temporary credentials (SecretId, SecretKey and token are issued together) and enter all three in this profile. A long-term API key takes no token: if this profile uses one, remove the stored token.',
    },
    zh: {
      message: '腾讯云拒绝了临时凭证的 Token：Token 缺失、错误或已过期（返回结果未说明是哪一种）。',
      next: '请重新获取临时凭证（SecretId、SecretKey 和 Token 同时签发），并将三者一起填入此配置。长期 API 密钥不需要 Token：如此配置使用长期密钥，请删除已保存的 Token。',
    },
  },
  MFA_FAILED: {
    en: {
      message: 'Tencent Cloud requires an MFA check for this key and it failed.',
      next: 'Complete MFA for the sub-account in the console, or use a key without operation protection.',
    },
    zh: {
      message: '该密钥需要 MFA 校验，校验失败。',
      next: '请在控制台完成子账号的 MFA 校验，或使用未开启操作保护的密钥。',
    },
  },
  PERMISSION_DENIED: {
    en: {
      message: 'This key is not authorized for the operation or the instance (CAM policy).',
      next: 'Ask the account administrator to grant the Redis permissions (e.g. QcloudRedisFullAccess) to this sub-account.',
    },
    zh: {
      message: '该密钥没有执行此操作或访问该实例的权限（CAM 策略）。',
      next: '请联系主账号管理员为该子账号授予云数据库 Redis 权限（如 QcloudRedisFullAccess）。',
    },
  },
  CREDENTIALS_MISSING: {
    en: {
      message: 'No SecretKey is stored for this profile.',
      next: 'Open the profile and enter its SecretKey again; it is kept in the system keychain.',
    },
    zh: {
      message: '此配置没有保存 SecretKey。',
      next: '请打开该配置重新输入 SecretKey；它会保存在系统钥匙串中。',
    },
  },
  RATE_LIMITED: {
    en: {
      message: 'Tencent Cloud refused the request because the API rate limit was exceeded.',
      next: 'Wait a few seconds and try again; queries are retried automatically, restores never are.',
    },
    zh: {
      message: '请求频率超过了腾讯云接口限制。',
      next: '请稍等几秒后重试；查询会自动重试，恢复操作不会自动重试。',
    },
  },
  QUOTA_EXCEEDED: {
    en: {
      message: 'A quota of the account was exceeded.',
      next: 'Check the quota in the Tencent Cloud console or ask support to raise it.',
    },
    zh: {
      message: '超出了账号的配额限制。',
      next: '请在腾讯云控制台查看配额，或联系客服提升配额。',
    },
  },
  INVALID_PARAMETER: {
    en: {
      message: 'Tencent Cloud rejected a parameter of the request.',
      next: 'Check the instance id, backup id, region and time range, then try again.',
    },
    zh: {
      message: '腾讯云拒绝了请求中的参数。',
      next: '请检查实例 ID、备份 ID、地域和时间范围后重试。',
    },
  },
  API_UNSUPPORTED: {
    en: {
      message: 'The endpoint does not offer this API action, version or protocol.',
      next: 'Check the profile: API generation (API 3.0 or legacy v2), endpoint, and that the endpoint uses HTTPS.',
    },
    zh: {
      message: '该接入点不支持此接口、版本或协议。',
      next: '请检查配置中的 API 版本（API 3.0 或旧版 v2）、接入点地址，以及是否使用 HTTPS。',
    },
  },
  UNSUPPORTED_REGION: {
    en: {
      message: 'The API does not support this region.',
      next: 'Choose another region, or for finance regions use the matching regional endpoint.',
    },
    zh: {
      message: '该接口不支持所选地域。',
      next: '请选择其他地域；金融区地域请使用对应的地域接入点。',
    },
  },
  UNSUPPORTED_OPERATION: {
    en: {
      message: 'Tencent Cloud does not support this operation for this instance.',
      next: 'Check the instance type and version; some instances cannot be restored or backed up this way.',
    },
    zh: {
      message: '该实例不支持此操作。',
      next: '请检查实例类型和版本；部分实例不支持以此方式恢复或备份。',
    },
  },
  RESOURCE_NOT_FOUND: {
    en: {
      message: 'Tencent Cloud could not find the resource.',
      next: 'Refresh the list; the resource may have been deleted or belong to another region or account.',
    },
    zh: {
      message: '腾讯云找不到该资源。',
      next: '请刷新列表；资源可能已被删除，或属于其他地域或账号。',
    },
  },
  INSTANCE_NOT_FOUND: {
    en: {
      message: 'The instance does not exist in this region for this account.',
      next: 'Refresh the instance list and check the region and profile.',
    },
    zh: {
      message: '该账号在此地域下不存在这个实例。',
      next: '请刷新实例列表，并检查地域和配置。',
    },
  },
  INSTANCE_LOCKED: {
    en: {
      message: 'The instance is locked by another operation.',
      next: 'Wait for the running task (backup, restore, resize…) to finish, then try again.',
    },
    zh: {
      message: '实例已被其他流程锁定。',
      next: '请等待正在进行的任务（备份、恢复、变配等）完成后重试。',
    },
  },
  INSTANCE_NOT_RUNNING: {
    en: {
      message:
        'The instance is not in a state that allows this operation (e.g. in process, isolated or deleted).',
      next: 'If it is in process, wait until it shows Running. If it is isolated or deleted, waiting will not help: renew it or recover it from the recycle bin in the console first.',
    },
    zh: {
      message: '实例状态异常，无法执行此操作（如流程中、已隔离或已删除）。',
      next: '如实例处于流程中，请等待其变为“运行中”；如已隔离或已删除，等待无济于事，请先在控制台续费或从回收站恢复。',
    },
  },
  BACKUP_NOT_FOUND: {
    en: {
      message: 'The backup does not exist for this instance.',
      next: 'Refresh the backup list; an instance can only be restored from its own backups.',
    },
    zh: {
      message: '该实例下不存在此备份。',
      next: '请刷新备份列表；实例只能从自身的备份恢复。',
    },
  },
  BACKUP_EXPIRED: {
    en: {
      message: 'The cloud says the backup is in an abnormal state: it may have expired or been deleted.',
      next: 'Choose a more recent backup from the list.',
    },
    zh: {
      message: '备份状态异常：可能已过期或已被删除。',
      next: '请从列表中选择一个更新的备份。',
    },
  },
  BACKUP_LOCKED: {
    en: {
      message: 'The backup is locked by another task (for example an export).',
      next: 'Wait for that task to finish, or choose another backup.',
    },
    zh: {
      message: '备份已被其他任务锁定（例如正在导出）。',
      next: '请等待该任务完成，或选择其他备份。',
    },
  },
  BACKUP_SPEC_UNSUPPORTED: {
    en: {
      message: "The backup's specification cannot be restored onto this instance.",
      next: 'Check that the instance architecture and capacity match the backup, or choose another backup.',
    },
    zh: {
      message: '该备份的规格不支持恢复到此实例。',
      next: '请确认实例架构和容量与备份一致，或选择其他备份。',
    },
  },
  WRONG_PASSWORD: {
    en: {
      message: 'The instance password is wrong.',
      next: 'Enter the password set when the instance was bought (or last reset) — only the password, not "instanceId:password".',
    },
    zh: {
      message: '实例密码错误。',
      next: '请输入购买实例时（或最近一次重置时）设置的密码——只填密码，不要填“实例ID:密码”格式。',
    },
  },
  RESOURCE_UNAVAILABLE: {
    en: {
      message: 'The resource is busy or unavailable right now.',
      next: 'Wait a moment and try again; check the instance status in the console.',
    },
    zh: {
      message: '资源当前被占用或不可用。',
      next: '请稍后重试，并在控制台查看实例状态。',
    },
  },
  BILLING_BLOCKED: {
    en: {
      message:
        "The account's billing or verification state blocks this operation (purchase failed, balance or identity check).",
      next: 'Check the account balance and verification in the Tencent Cloud console.',
    },
    zh: {
      message: '账号的计费或实名状态阻止了此操作（购买失败、余额不足或资质审核未通过）。',
      next: '请在腾讯云控制台检查账户余额和实名认证状态。',
    },
  },
  CLOUD_OPERATION_FAILED: {
    en: {
      message: 'Tencent Cloud reports that the operation failed (or only partly succeeded).',
      next: 'Check the instance and its tasks in the console before trying again.',
    },
    zh: {
      message: '腾讯云返回操作失败（或仅部分成功）。',
      next: '请先在控制台检查实例及其任务状态，再决定是否重试。',
    },
  },
  CLOUD_INTERNAL_ERROR: {
    en: {
      message: 'Tencent Cloud had an internal error.',
      next: 'Try again later; if it persists, contact Tencent Cloud support with the request id.',
    },
    zh: {
      message: '腾讯云内部错误。',
      next: '请稍后重试；如持续出现，请携带请求 ID 联系腾讯云客服。',
    },
  },
  SERVICE_UNAVAILABLE: {
    en: {
      message: 'The Tencent Cloud API is temporarily unavailable.',
      next: 'Try again in a few minutes.',
    },
    zh: {
      message: '腾讯云接口暂时无法访问。',
      next: '请几分钟后重试。',
    },
  },
  CLOUD_ERROR: {
    en: {
      message: 'Tencent Cloud returned an error this app does not know.',
      next: 'Read the cloud code and message shown with it; include them and the request id when reporting.',
    },
    zh: {
      message: '腾讯云返回了本应用未识别的错误。',
      next: '请查看随附的云端错误码和信息；报告问题时请一并提供它们和请求 ID。',
    },
  },
  NETWORK: {
    en: {
      message: 'Tencent Cloud could not be reached over the network.',
      next: 'Check the network connection, proxy settings (HTTPS_PROXY / NO_PROXY) and the profile endpoint.',
    },
    zh: {
      message: '无法通过网络连接腾讯云。',
      next: '请检查网络连接、代理设置（HTTPS_PROXY / NO_PROXY）以及配置中的接入点。',
    },
  },
  TIMEOUT: {
    en: {
      message: 'Tencent Cloud did not answer in time.',
      next: 'Try again; if the network is slow, raise the request timeout in the profile.',
    },
    zh: {
      message: '腾讯云未在规定时间内响应。',
      next: '请重试；如网络较慢，可在配置中调大请求超时时间。',
    },
  },
  HTTP_ERROR: {
    en: {
      message: 'The endpoint answered with an HTTP error instead of an API response.',
      next: 'Check the endpoint address and any proxy in between; try again later.',
    },
    zh: {
      message: '接入点返回了 HTTP 错误，而不是接口响应。',
      next: '请检查接入点地址和中间代理；稍后重试。',
    },
  },
  BAD_RESPONSE: {
    en: {
      message: 'The cloud answered with a response the app does not understand.',
      next: 'Check that the profile points at a CRS endpoint of the chosen API generation; report it if it persists.',
    },
    zh: {
      message: '云端返回了本应用无法识别的响应。',
      next: '请确认配置指向所选 API 版本的云数据库 Redis 接入点；如持续出现请报告问题。',
    },
  },
  RESTORE_OUTCOME_UNKNOWN: {
    en: {
      message: 'The restore request was sent but no answer arrived, so whether it started is unknown.',
      next: 'Do not send it again. The app will check the instance tasks; you can also check the console.',
    },
    zh: {
      message: '恢复请求已发出但未收到应答，无法确定恢复是否已开始。',
      next: '请勿重复发送。应用会核对实例任务；您也可以在控制台查看。',
    },
  },
  BACKUP_OUTCOME_UNKNOWN: {
    en: {
      message: 'The backup request was sent but no answer arrived, so whether a backup started is unknown.',
      next: 'Refresh the backup list before requesting another backup.',
    },
    zh: {
      message: '备份请求已发出但未收到应答，无法确定备份是否已开始。',
      next: '请先刷新备份列表，再决定是否重新发起备份。',
    },
  },
} as const satisfies Record<string, CatalogEntry>;
