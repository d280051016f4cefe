/**
 * Cloud error codes — API 3.0 strings and legacy numbers — mapped onto the app's catalog codes.
 */
import { type AppErrorCode, type CatalogText, describeError, type Language } from './error-catalog';
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
  // "token错误": one code for a missing, wrong or expired STS token (a wrong one in TencentCloud/
  // tencentcloud-sdk-go testing/integration/temp_credentials_test.go).
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
  // Codes of the official per-action lists (tencentcloud-sdk-go tencentcloud/redis/v20180412/client.go, above
  // DescribeInstances, DescribeInstanceBackups, RestoreInstance, DescribeTaskInfo, DescribeTaskList and
  // ManualBackupInstance): each has its own catalog entry (tests/unit/shared/official-error-codes.test.ts).
  'FailedOperation.CommitFlowError': 'FLOW_SUBMIT_FAILED',
  'FailedOperation.SystemError': 'CLOUD_SYSTEM_ERROR',
  'FailedOperation.Unknown': 'CLOUD_OPERATION_UNKNOWN',
  'InternalError.DbOperationFailed': 'CLOUD_DB_ERROR',
  'InternalError.InternalError': 'CLOUD_INTERNAL_ERROR',
  'InvalidParameter.EmptyParam': 'EMPTY_PARAMETER',
  'InvalidParameter.InvalidParameter': 'BUSINESS_PARAMETER_INVALID',
  'InvalidParameter.PermissionDenied': 'CAM_API_DENIED',
  'InvalidParameterValue.BackupNotExists': 'BACKUP_NOT_FOUND',
  'InvalidParameterValue.PasswordError': 'WRONG_PASSWORD',
  'ResourceNotFound.InstanceNotExists': 'INSTANCE_NOT_FOUND',
  'ResourceUnavailable.BackupLockedError': 'BACKUP_LOCKED',
  'ResourceUnavailable.BackupSpecError': 'BACKUP_SPEC_UNSUPPORTED',
  'ResourceUnavailable.BackupStatusAbnormal': 'BACKUP_EXPIRED',
  'ResourceUnavailable.InstanceLockedError': 'INSTANCE_LOCKED',
  'ResourceUnavailable.InstanceStateError': 'INSTANCE_STATE_ERROR',
  'ResourceUnavailable.InstanceStatusAbnormal': 'INSTANCE_NOT_RUNNING',
  'UnauthorizedOperation.NoCAMAuthed': 'PERMISSION_DENIED',
  // Backup downloads (issue 19): the codes client.go lists above DescribeBackupUrl that no other action has.
  'ResourceUnavailable.BackupStatusInvalid': 'BACKUP_STATUS_INVALID',
  'UnauthorizedOperation.UserNotInWhiteList': 'ACCOUNT_NOT_ALLOWLISTED',
  'UnsupportedOperation.ClusterInstanceAccessedDeny': 'CLUSTER_INSTANCE_DENIED',
  'UnsupportedOperation.IsAutoRenewError': 'AUTO_RENEW_FLAG_ERROR',
  'UnsupportedOperation.OnlyClusterInstanceCanExportBackup': 'EXPORT_CLUSTER_ONLY',
} as const satisfies Record<string, AppErrorCode>;

/** Legacy v2 error codes (`code`, a number that may arrive as a string). */
export const legacyErrorCodes = {
  4000: 'INVALID_PARAMETER',
  4100: 'AUTH_FAILED',
  4101: 'PERMISSION_DENIED',
  4102: 'PERMISSION_DENIED',
  4103: 'PERMISSION_DENIED',
  4104: 'SECRET_ID_NOT_FOUND',
  // "token错误" (reference §1.4): the legacy counterpart of AuthFailure.TokenFailure.
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
  const text = describeError(mapping.appCode, language);
  const raw = mapping.cloudMessage ? `${mapping.cloudCode}: ${mapping.cloudMessage}` : mapping.cloudCode;
  return { message: `${text.message} (${raw})`, next: text.next };
}
