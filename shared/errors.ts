/**
 * The error catalog: every failure the app can show maps to one stable app code with an English and a
 * Chinese message saying what happened and what to do next. Cloud error codes (API 3.0 strings and legacy
 * numbers) are mapped onto these codes by the CRS clients.
 */

export interface CatalogText {
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  next: string;
}

export interface CatalogEntry {
  en: CatalogText;
  zh: CatalogText;
}

export const errorCatalog = {
  INVALID_REQUEST: {
    en: {
      message: 'The app sent a request that does not match its contract.',
      next: 'Nothing was changed. Reload the window; if it happens again, report it with the audit log.',
    },
    zh: {
      message: '应用发出的请求不符合接口约定。',
      next: '未做任何更改。请重新加载窗口；如再次出现，请附上审计日志报告问题。',
    },
  },
  UNKNOWN_CHANNEL: {
    en: {
      message: 'The app asked for an operation that does not exist.',
      next: 'Nothing was changed. Update the app or reload the window.',
    },
    zh: {
      message: '应用请求了不存在的操作。',
      next: '未做任何更改。请更新应用或重新加载窗口。',
    },
  },
  FORBIDDEN_SENDER: {
    en: {
      message: 'A request came from a page that is not part of the app and was refused.',
      next: 'Nothing was changed. Close any unexpected windows and restart the app.',
    },
    zh: {
      message: '来自非本应用页面的请求已被拒绝。',
      next: '未做任何更改。请关闭可疑窗口并重启应用。',
    },
  },
  INTERNAL: {
    en: {
      message: 'Something went wrong inside the app.',
      next: 'Nothing was sent to the cloud by this request. Try again; if it persists, restart the app.',
    },
    zh: {
      message: '应用内部出现错误。',
      next: '此请求未向云端发送任何内容。请重试；如持续出现，请重启应用。',
    },
  },
  SETTINGS_INVALID: {
    en: {
      message: 'The settings change was refused because a value is out of range.',
      next: 'Check the highlighted value and save again; your previous settings are unchanged.',
    },
    zh: {
      message: '设置中有超出范围的值，更改未保存。',
      next: '请检查标出的值后再次保存；原有设置未受影响。',
    },
  },

  PROFILE_NOT_FOUND: {
    en: {
      message: 'That profile no longer exists.',
      next: 'It may have been deleted in another window. Pick a profile from the list or add one.',
    },
    zh: { message: '该配置已不存在。', next: '它可能已在其他窗口中被删除。请从列表中选择配置或新增一个。' },
  },
  CANCELLED: {
    en: {
      message: 'The operation was cancelled.',
      next: 'Nothing else was changed. Start it again when you are ready.',
    },
    zh: { message: '操作已取消。', next: '未做其他更改。准备好后可重新开始。' },
  },
  PREFLIGHT_FAILED: {
    en: {
      message: 'The restore was not sent because a safety check failed.',
      next: 'Read the failed check in the dialog, fix it (or wait for the running task), then run the checks again.',
    },
    zh: {
      message: '安全检查未通过，恢复请求未发送。',
      next: '请查看对话框中未通过的检查项，处理后（或等待进行中的任务结束）重新检查。',
    },
  },
  CONFIRMATION_MISMATCH: {
    en: {
      message: 'The typed confirmation does not match the instance name.',
      next: 'Type the instance name exactly as shown (its id when it has no name). Nothing was sent.',
    },
    zh: {
      message: '输入的确认内容与实例名称不一致。',
      next: '请按显示内容准确输入实例名称（无名称时输入实例 ID）。未发送任何请求。',
    },
  },
  PASSWORD_REQUIRED: {
    en: {
      message: 'This instance needs its password to be restored.',
      next: 'Enter the password set when the instance was bought (not instanceId:password). Nothing was sent.',
    },
    zh: {
      message: '恢复该实例需要实例密码。',
      next: '请输入购买实例时设置的密码（不是“实例ID:密码”格式）。未发送任何请求。',
    },
  },
  RESTORE_ALREADY_ACTIVE: {
    en: {
      message: 'A restore of this instance is already running or its outcome is still being checked.',
      next: 'Wait for it to finish in the Tasks panel; a second restore is never started on top of the first.',
    },
    zh: {
      message: '该实例已有恢复任务在进行，或其结果仍在核实中。',
      next: '请在任务面板中等待其结束；不会在其上再发起第二次恢复。',
    },
  },
  RESTORE_NOT_STARTED: {
    en: {
      message: 'The restore request never reached the cloud: the instance has no restore task from it.',
      next: 'Nothing was restored. Check the instance, then start the restore again if you still need it.',
    },
    zh: {
      message: '恢复请求未到达云端：该实例没有对应的恢复任务。',
      next: '未执行任何恢复。请检查实例，如仍需要可重新发起恢复。',
    },
  },
  SAFETY_BACKUP_FAILED: {
    en: {
      message: 'The safety backup did not complete, so the restore was not sent.',
      next: 'Check the instance in the console, then try again, or restore without a safety backup if you accept the risk.',
    },
    zh: {
      message: '安全备份未完成，因此未发送恢复请求。',
      next: '请在控制台检查实例后重试；如接受风险，也可不做安全备份直接恢复。',
    },
  },
  SANDBOX_UNAVAILABLE: {
    en: {
      message: 'The built-in sandbox could not start.',
      next: 'Check that nothing else blocks local ports, then try again. Your cloud profiles are unaffected.',
    },
    zh: { message: '内置沙箱无法启动。', next: '请确认本地端口未被占用后重试。您的云账号配置不受影响。' },
  },
  KEYCHAIN_ERROR: {
    en: {
      message: 'The OS keychain refused the operation.',
      next: 'Unlock your keychain (or log in again) and retry. Secrets are never written anywhere else.',
    },
    zh: {
      message: '系统钥匙串拒绝了该操作。',
      next: '请解锁钥匙串（或重新登录）后重试。密钥绝不会写入其他位置。',
    },
  },

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
  TOKEN_INVALID: {
    en: {
      message: 'The temporary credential token was refused (wrong or expired).',
      next: 'Obtain a fresh STS token for this profile, or use a long-term API key.',
    },
    zh: {
      message: '临时凭证 Token 无效或已过期。',
      next: '请为此配置获取新的 STS 临时凭证，或改用长期 API 密钥。',
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
      next: 'Wait until the instance shows Running, then try again.',
    },
    zh: {
      message: '实例状态异常，无法执行此操作（如流程中、已隔离或已删除）。',
      next: '请等待实例状态变为“运行中”后重试。',
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
      message: 'The backup cannot be used: it has expired or been deleted.',
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

export type AppErrorCode = keyof typeof errorCatalog;

export const appErrorCodes = Object.keys(errorCatalog) as AppErrorCode[];

export type Language = 'en' | 'zh';

/** Looks up the catalog text for a code in the given language. */
export function describeError(code: AppErrorCode, language: Language = 'en'): CatalogText {
  return errorCatalog[code][language];
}

/** An error a core service throws on purpose; the IPC guard turns it into an envelope. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalog[code].en.message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}

// ---------------------------------------------------------------------------------------------------------
// Cloud error mapping. One table per API generation; every code the CRS reference lists for the actions the
// app calls (plus the common codes of both generations) maps to a specific app code above.
// ---------------------------------------------------------------------------------------------------------

/** Same values as `ApiGeneration` in domain.ts, repeated as a type so errors.ts stays import-free. */
export type CloudGeneration = 'v3' | 'legacy-v2';

/** API 3.0 error codes (`Response.Error.Code`). */
export const api3ErrorCodes = {
  // Common codes.
  'AuthFailure.InvalidAuthorization': 'AUTH_FAILED',
  'AuthFailure.InvalidSecretId': 'AUTH_FAILED',
  'AuthFailure.MFAFailure': 'MFA_FAILED',
  'AuthFailure.SecretIdNotFound': 'SECRET_ID_NOT_FOUND',
  'AuthFailure.SignatureExpire': 'SIGNATURE_EXPIRED',
  'AuthFailure.SignatureFailure': 'AUTH_FAILED',
  'AuthFailure.TokenFailure': 'TOKEN_INVALID',
  'AuthFailure.UnauthorizedOperation': 'PERMISSION_DENIED',
  // We never send DryRun; if a gateway answers it anyway, nothing was executed.
  DryRunOperation: 'CLOUD_OPERATION_FAILED',
  FailedOperation: 'CLOUD_OPERATION_FAILED',
  InternalError: 'CLOUD_INTERNAL_ERROR',
  InvalidAction: 'API_UNSUPPORTED',
  InvalidParameter: 'INVALID_PARAMETER',
  InvalidParameterValue: 'INVALID_PARAMETER',
  LimitExceeded: 'QUOTA_EXCEEDED',
  MissingParameter: 'INVALID_PARAMETER',
  NoSuchVersion: 'API_UNSUPPORTED',
  RequestLimitExceeded: 'RATE_LIMITED',
  ResourceInUse: 'RESOURCE_UNAVAILABLE',
  ResourceInsufficient: 'RESOURCE_UNAVAILABLE',
  ResourceNotFound: 'RESOURCE_NOT_FOUND',
  ResourceUnavailable: 'RESOURCE_UNAVAILABLE',
  UnauthorizedOperation: 'PERMISSION_DENIED',
  UnknownParameter: 'INVALID_PARAMETER',
  UnsupportedOperation: 'UNSUPPORTED_OPERATION',
  UnsupportedProtocol: 'API_UNSUPPORTED',
  UnsupportedRegion: 'UNSUPPORTED_REGION',
  // Redis action codes (DescribeInstances, DescribeInstanceBackups, RestoreInstance, DescribeTaskInfo).
  'FailedOperation.SystemError': 'CLOUD_INTERNAL_ERROR',
  'FailedOperation.Unknown': 'CLOUD_OPERATION_FAILED',
  'InternalError.DbOperationFailed': 'CLOUD_INTERNAL_ERROR',
  'InternalError.InternalError': 'CLOUD_INTERNAL_ERROR',
  'InvalidParameter.EmptyParam': 'INVALID_PARAMETER',
  'InvalidParameter.InvalidParameter': 'INVALID_PARAMETER',
  'InvalidParameter.PermissionDenied': 'PERMISSION_DENIED',
  'InvalidParameterValue.BackupNotExists': 'BACKUP_NOT_FOUND',
  'InvalidParameterValue.PasswordError': 'WRONG_PASSWORD',
  'ResourceNotFound.InstanceNotExists': 'INSTANCE_NOT_FOUND',
  'ResourceUnavailable.BackupLockedError': 'BACKUP_LOCKED',
  'ResourceUnavailable.BackupSpecError': 'BACKUP_SPEC_UNSUPPORTED',
  'ResourceUnavailable.BackupStatusAbnormal': 'BACKUP_EXPIRED',
  'ResourceUnavailable.InstanceLockedError': 'INSTANCE_LOCKED',
  'ResourceUnavailable.InstanceStateError': 'INSTANCE_NOT_RUNNING',
  'ResourceUnavailable.InstanceStatusAbnormal': 'INSTANCE_NOT_RUNNING',
  'UnauthorizedOperation.NoCAMAuthed': 'PERMISSION_DENIED',
} as const satisfies Record<string, AppErrorCode>;

/** Legacy v2 error codes (`code`, a number that may arrive as a string). */
export const legacyErrorCodes = {
  4000: 'INVALID_PARAMETER',
  4100: 'AUTH_FAILED',
  4101: 'PERMISSION_DENIED',
  4102: 'PERMISSION_DENIED',
  4103: 'PERMISSION_DENIED',
  4104: 'SECRET_ID_NOT_FOUND',
  4105: 'TOKEN_INVALID',
  4106: 'MFA_FAILED',
  // 4107–4109 are not documented; they sit in the CAM authentication range, so treat them as auth failures.
  4107: 'AUTH_FAILED',
  4108: 'AUTH_FAILED',
  4109: 'AUTH_FAILED',
  4110: 'PERMISSION_DENIED',
  4300: 'PERMISSION_DENIED',
  4400: 'RATE_LIMITED',
  // "Replay attack": a repeated Nonce or a Timestamp too far from server time; the clock is the usual cause.
  4500: 'SIGNATURE_EXPIRED',
  4600: 'API_UNSUPPORTED',
  5000: 'RESOURCE_NOT_FOUND',
  5100: 'CLOUD_OPERATION_FAILED',
  5200: 'BILLING_BLOCKED',
  5300: 'BILLING_BLOCKED',
  5400: 'CLOUD_OPERATION_FAILED',
  5500: 'BILLING_BLOCKED',
  6000: 'CLOUD_INTERNAL_ERROR',
  6100: 'API_UNSUPPORTED',
  6200: 'SERVICE_UNAVAILABLE',
  10701: 'INSTANCE_NOT_FOUND',
  10702: 'INSTANCE_NOT_RUNNING',
  10707: 'INSTANCE_LOCKED',
  10710: 'BACKUP_LOCKED',
  10711: 'BACKUP_EXPIRED',
  10712: 'WRONG_PASSWORD',
  11201: 'INVALID_PARAMETER',
  11213: 'BACKUP_NOT_FOUND',
} as const satisfies Record<number, AppErrorCode>;

/** Families of API 3.0 codes: an unlisted sub-code (`ResourceUnavailable.Foo`) falls back to its family. */
const api3Families: Readonly<Record<string, AppErrorCode>> = {
  AuthFailure: 'AUTH_FAILED',
  FailedOperation: 'CLOUD_OPERATION_FAILED',
  InternalError: 'CLOUD_INTERNAL_ERROR',
  InvalidParameter: 'INVALID_PARAMETER',
  InvalidParameterValue: 'INVALID_PARAMETER',
  LimitExceeded: 'QUOTA_EXCEEDED',
  MissingParameter: 'INVALID_PARAMETER',
  RequestLimitExceeded: 'RATE_LIMITED',
  ResourceInUse: 'RESOURCE_UNAVAILABLE',
  ResourceInsufficient: 'RESOURCE_UNAVAILABLE',
  ResourceNotFound: 'RESOURCE_NOT_FOUND',
  ResourceUnavailable: 'RESOURCE_UNAVAILABLE',
  UnauthorizedOperation: 'PERMISSION_DENIED',
  UnknownParameter: 'INVALID_PARAMETER',
  UnsupportedOperation: 'UNSUPPORTED_OPERATION',
};

export interface CloudErrorInput {
  generation: CloudGeneration;
  /** API 3.0 `Error.Code` string, or the legacy `code` (number or numeric string). */
  code: string | number;
  message?: string;
}

export interface CloudErrorMapping {
  appCode: AppErrorCode;
  /** The cloud code as text (`ResourceNotFound.InstanceNotExists`, `10712`), always shown with the error. */
  cloudCode: string;
  cloudMessage: string;
  generation: CloudGeneration;
  /** `exact`: listed code; `family`: API 3.0 prefix fallback; `none`: unknown, mapped to CLOUD_ERROR. */
  match: 'exact' | 'family' | 'none';
}

/** Maps a cloud error code of either generation to the app's stable code. Never throws. */
export function mapCloudError(input: CloudErrorInput): CloudErrorMapping {
  const cloudCode = String(input.code).trim();
  const base = { cloudCode, cloudMessage: input.message ?? '', generation: input.generation };
  if (input.generation === 'legacy-v2') {
    const numeric = Number(cloudCode);
    const appCode = Number.isInteger(numeric)
      ? (legacyErrorCodes as Readonly<Record<number, AppErrorCode>>)[numeric]
      : undefined;
    return appCode
      ? { ...base, appCode, match: 'exact' }
      : { ...base, appCode: 'CLOUD_ERROR', match: 'none' };
  }
  const exact = (api3ErrorCodes as Readonly<Record<string, AppErrorCode>>)[cloudCode];
  if (exact && Object.hasOwn(api3ErrorCodes, cloudCode)) return { ...base, appCode: exact, match: 'exact' };
  const family = cloudCode.split('.')[0] ?? '';
  const byFamily = Object.hasOwn(api3Families, family) ? api3Families[family] : undefined;
  if (byFamily) return { ...base, appCode: byFamily, match: 'family' };
  return { ...base, appCode: 'CLOUD_ERROR', match: 'none' };
}

/**
 * The text to show for a mapped cloud error: the catalog entry, with the raw cloud code and message
 * appended so an unknown (or surprising) code is never hidden from the user or from support.
 */
export function describeCloudError(mapping: CloudErrorMapping, language: Language = 'en'): CatalogText {
  const text = errorCatalog[mapping.appCode][language];
  const raw = mapping.cloudMessage ? `${mapping.cloudCode}: ${mapping.cloudMessage}` : mapping.cloudCode;
  return { message: `${text.message} (${raw})`, next: text.next };
}
