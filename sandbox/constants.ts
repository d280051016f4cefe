// Fixed, documented defaults. They are public on purpose: the sandbox only listens on loopback and
// these keys are useless anywhere else. Tests, benchmarks and the app's demo mode import them.

/** Full-access key pair the sandbox accepts unless --secret-id/--secret-key replace it. */
export const DEFAULT_SECRET_ID = 'AKIDsandbox0000000000000000000000000';
export const DEFAULT_SECRET_KEY = 'sandboxSecretKey0000000000000000';

/**
 * A CAM sub-user that may only call Describe* actions: RestoreInstance / ManualBackupInstance answer
 * UnauthorizedOperation.NoCAMAuthed (legacy 4101), the way a real read-only policy does.
 */
export const READONLY_SECRET_ID = 'AKIDsandboxReadOnly00000000000000000';
export const READONLY_SECRET_KEY = 'sandboxReadOnlyKey00000000000000';

/**
 * A CAM sub-user limited to project 0: writes on instances of other projects answer
 * InvalidParameter.PermissionDenied (legacy 4102).
 */
export const PROJECT0_SECRET_ID = 'AKIDsandboxProject000000000000000000';
export const PROJECT0_SECRET_KEY = 'sandboxProject0Key00000000000000';

/**
 * Fixed temporary credentials, as STS GetFederationToken / AssumeRole hand them out (TmpSecretId,
 * TmpSecretKey, Token): requests must carry the token (`X-TC-Token`, legacy `Token`). This demo triple
 * never expires; `POST /__sandbox/sts` mints triples that do.
 */
export const TEMPORARY_SECRET_ID = 'AKIDsandboxTemporary0000000000000000';
export const TEMPORARY_SECRET_KEY = 'sandboxTemporaryKey0000000000000';
export const TEMPORARY_TOKEN = 'sandboxStsToken0000000000000000000000000000000000000000000000000';

/**
 * STS DurationSeconds: default 1800, at most 129600 for a sub-account (7200 for a root account), per
 * the SDK's GetFederationTokenRequest comment (tencentcloud-sdk-nodejs
 * tencentcloud/services/sts/v20180813/sts_models.d.ts).
 */
export const STS_DEFAULT_DURATION_SECONDS = 1800;
export const STS_MAX_DURATION_SECONDS = 129600;

/**
 * A CAM sub-user whose policy grants no Redis action: every action answers
 * UnauthorizedOperation.NoCAMAuthed (legacy 4101), in the official error list of every action the app
 * calls except DescribeTaskInfo and DescribeTaskList (Go SDK tencentcloud/redis/v20180412/client.go).
 */
export const NOACCESS_SECRET_ID = 'AKIDsandboxNoAccess00000000000000000';
export const NOACCESS_SECRET_KEY = 'sandboxNoAccessKey00000000000000';

export const API_VERSION = '2018-04-12';

/** Published per-action limits (requests per second, per SecretId), reference §3.5. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, number>> = {
  DescribeInstances: 35,
  DescribeInstanceBackups: 50,
  RestoreInstance: 20,
  DescribeTaskInfo: 20,
  // Published on the international pages: https://www.tencentcloud.com/document/product/239/33293 (100)
  // and https://tencentcloud.com/jp/document/api/239/32073 (20).
  DescribeTaskList: 100,
  ManualBackupInstance: 20,
  // "默认接口请求频率限制：20次/秒", https://cloud.tencent.com/document/api/239/34443.
  DescribeBackupUrl: 20,
};

/** TC3 POST bodies are capped at 10 MB by the real gateway (reference §2.1). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Both protocols reject timestamps more than five minutes away from the server clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export const DEFAULT_TASK_SECONDS = 20;
export const DEFAULT_APPID = 1250000000;
