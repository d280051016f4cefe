// The error-code table of sdk-states.test.ts: the official per-action lists (Go SDK
// TencentCloud/tencentcloud-sdk-go, tencentcloud/redis/v20180412/client.go, the comments above each
// action, read at commit 007e3aed1e0808a3d5f36a4c60bdfd7ca28940f7) of the six actions the app calls, and
// one case per (code, action) naming the seeded state that produces it, plus the three backup-file actions
// the sandbox serves for the backup inspector. Mirrored in sandbox/README.md.
import { DEMO_BACKUPS } from '../../../sandbox/index.js';

export type Key = 'default' | 'readonly' | 'project0' | 'noaccess';

/** Codes each action may return, per the Go SDK's client.go. */
export const OFFICIAL_ERROR_LISTS: Readonly<Record<string, readonly string[]>> = {
  DescribeInstances: [
    'FailedOperation.SystemError',
    'FailedOperation.Unknown',
    'InternalError.DbOperationFailed',
    'InvalidParameter',
    'InvalidParameter.EmptyParam',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnsupportedOperation',
  ],
  DescribeInstanceBackups: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'ResourceNotFound.InstanceNotExists',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnsupportedOperation',
  ],
  RestoreInstance: [
    'FailedOperation.SystemError',
    'InternalError.InternalError',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'InvalidParameterValue.BackupNotExists',
    'InvalidParameterValue.PasswordError',
    'ResourceNotFound.InstanceNotExists',
    'ResourceUnavailable.BackupLockedError',
    'ResourceUnavailable.BackupSpecError',
    'ResourceUnavailable.BackupStatusAbnormal',
    'ResourceUnavailable.InstanceLockedError',
    'ResourceUnavailable.InstanceStateError',
    'ResourceUnavailable.InstanceStatusAbnormal',
    'UnauthorizedOperation.NoCAMAuthed',
  ],
  DescribeTaskInfo: [
    'FailedOperation.SystemError',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
  ],
  DescribeTaskList: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter.PermissionDenied',
  ],
  ManualBackupInstance: [
    'FailedOperation.CommitFlowError',
    'FailedOperation.SystemError',
    'InternalError.InternalError',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'ResourceNotFound.InstanceNotExists',
    'ResourceUnavailable.InstanceLockedError',
    'ResourceUnavailable.InstanceStateError',
    'ResourceUnavailable.InstanceStatusAbnormal',
    'UnauthorizedOperation.NoCAMAuthed',
  ],
  // The backup-file actions the sandbox serves for the backup inspector: DescribeBackupUrl and
  // DescribeBackupDownloadRestriction from the same client.go commit; DescribeBackupDetail, absent there,
  // from TencentCloud/tencentcloud-sdk-go-intl-en client.go @ 8b2e8afac6bc6e791efd1d10821575ae3f3cf0f1.
  DescribeBackupUrl: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter.InvalidParameter',
    'InvalidParameter.PermissionDenied',
    'InvalidParameterValue.BackupNotExists',
    'ResourceNotFound.InstanceNotExists',
    'ResourceUnavailable.BackupStatusInvalid',
    'UnauthorizedOperation.NoCAMAuthed',
    'UnauthorizedOperation.UserNotInWhiteList',
    'UnsupportedOperation.ClusterInstanceAccessedDeny',
    'UnsupportedOperation.IsAutoRenewError',
    'UnsupportedOperation.OnlyClusterInstanceCanExportBackup',
  ],
  DescribeBackupDetail: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter.PermissionDenied',
    'InvalidParameterValue.BackupNotExists',
    'ResourceNotFound.InstanceNotExists',
    'UnauthorizedOperation.NoCAMAuthed',
  ],
  DescribeBackupDownloadRestriction: [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'InvalidParameter.PermissionDenied',
    'UnauthorizedOperation.NoCAMAuthed',
  ],
};

export interface ErrorCase {
  code: string;
  action: string;
  region: string;
  params: object;
  key?: Key;
  /** Only for codes of Tencent's own faults: the apiError fault answers this code. */
  fault?: true;
  state: string;
}

const G = 'ap-guangzhou';
const SH = 'ap-shanghai';
const BJ = 'ap-beijing';

/**
 * One row per code no seeded state produces (Tencent's own faults), each answered by the apiError fault for
 * `action` called with otherwise valid `params`.
 */
export function faultCases<P extends object>(action: string, params: P, codes: readonly string[]) {
  return codes.map((code) => ({ code, action, region: G, params, fault: true as const, state: 'fault' }));
}

/** One row per (code, action) of the official lists; `state` says what makes it happen. */
export const ERROR_CASES: ErrorCase[] = [
  // DescribeInstances
  ...faultCases('DescribeInstances', {}, [
    'FailedOperation.SystemError',
    'FailedOperation.Unknown',
    'InternalError.DbOperationFailed',
  ]),
  {
    code: 'UnsupportedOperation',
    action: 'DescribeInstances',
    region: G,
    params: {},
    fault: true,
    state: 'fault',
  },
  {
    code: 'InvalidParameter',
    action: 'DescribeInstances',
    region: G,
    params: { Limit: 'ten' },
    state: 'wrong type',
  },
  {
    code: 'InvalidParameter.EmptyParam',
    action: 'DescribeInstances',
    region: G,
    params: { InstanceId: '' },
    state: 'empty id',
  },
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'DescribeInstances',
    region: G,
    params: { Limit: 1001 },
    state: 'Limit > 1000',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeInstances',
    region: BJ,
    params: { ProjectIds: [1] },
    key: 'project0',
    state: 'project-0 key names project 1',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeInstances',
    region: G,
    params: {},
    key: 'noaccess',
    state: 'no-access key',
  },
  // DescribeInstanceBackups
  ...faultCases('DescribeInstanceBackups', {}, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'UnsupportedOperation',
  ]),
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'DescribeInstanceBackups',
    region: G,
    params: { BeginTime: '2026-01-01 00:00:00', EndTime: '2026-02-15 00:00:00' },
    state: 'span > 30 days',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeInstanceBackups',
    region: BJ,
    params: { InstanceId: 'crs-demo0011' },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  {
    code: 'ResourceNotFound.InstanceNotExists',
    action: 'DescribeInstanceBackups',
    region: BJ,
    params: { InstanceId: 'crs-demo0001' },
    state: 'instance of another region',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeInstanceBackups',
    region: G,
    params: {},
    key: 'noaccess',
    state: 'no-access key',
  },
  // RestoreInstance
  {
    code: 'FailedOperation.SystemError',
    action: 'RestoreInstance',
    region: SH,
    params: { InstanceId: 'crs-demo0012', BackupId: 'newest', Password: 'Limiter#12' },
    state: 'node unreachable',
  },
  {
    code: 'InternalError.InternalError',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual, Password: 'Orders#2024' },
    fault: true,
    state: 'fault (with --redis: RDB file missing)',
  },
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'not an id', BackupId: 'x' },
    state: 'malformed id',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'RestoreInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0011', BackupId: 'x', Password: 'Analytics#11' },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  {
    code: 'InvalidParameterValue.BackupNotExists',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: 'no-such-backup', Password: 'Orders#2024' },
    state: 'unknown backup',
  },
  {
    code: 'InvalidParameterValue.PasswordError',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual, Password: '' },
    state: 'empty password',
  },
  {
    code: 'ResourceNotFound.InstanceNotExists',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'crs-zzzz9999', BackupId: 'x' },
    state: 'unknown instance',
  },
  {
    code: 'ResourceUnavailable.BackupLockedError',
    action: 'RestoreInstance',
    region: SH,
    params: {
      InstanceId: 'crs-demo0003',
      BackupId: DEMO_BACKUPS.leaderboardLocked,
      Password: 'Leader#Board3',
    },
    state: 'backup being exported',
  },
  {
    code: 'ResourceUnavailable.BackupSpecError',
    action: 'RestoreInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0011', BackupId: DEMO_BACKUPS.analyticsOldSpec, Password: 'Analytics#11' },
    state: 'spec-change backup of Type 7',
  },
  {
    code: 'ResourceUnavailable.BackupStatusAbnormal',
    action: 'RestoreInstance',
    region: SH,
    params: {
      InstanceId: 'crs-demo0003',
      BackupId: DEMO_BACKUPS.leaderboardExpired,
      Password: 'Leader#Board3',
    },
    state: 'expired backup',
  },
  {
    code: 'ResourceUnavailable.InstanceLockedError',
    action: 'RestoreInstance',
    region: SH,
    params: {
      InstanceId: 'crs-demo0004',
      BackupId: DEMO_BACKUPS.inventoryRestoring,
      Password: 'Invent0ry#4',
    },
    state: 'restore running',
  },
  {
    code: 'ResourceUnavailable.InstanceStateError',
    action: 'RestoreInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0009', BackupId: 'x', Password: 'Fresh#9' },
    state: 'to be initialised',
  },
  {
    code: 'ResourceUnavailable.InstanceStatusAbnormal',
    action: 'RestoreInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0005', BackupId: 'x', Password: 'Billing#5' },
    state: 'isolated',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'RestoreInstance',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual, Password: 'Orders#2024' },
    key: 'readonly',
    state: 'read-only key',
  },
  // DescribeTaskInfo
  {
    code: 'FailedOperation.SystemError',
    action: 'DescribeTaskInfo',
    region: G,
    params: { TaskId: 1 },
    fault: true,
    state: 'fault',
  },
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'DescribeTaskInfo',
    region: G,
    params: { TaskId: 999_999_999 },
    state: 'unknown task id',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeTaskInfo',
    region: BJ,
    params: { TaskId: 'upgrade of crs-demo0011' },
    key: 'project0',
    state: 'project-0 key, project-1 task',
  },
  // DescribeTaskList
  ...faultCases('DescribeTaskList', {}, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
  ]),
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeTaskList',
    region: BJ,
    params: { InstanceId: 'crs-demo0011' },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  // ManualBackupInstance
  ...faultCases('ManualBackupInstance', { InstanceId: 'crs-demo0013' }, [
    'FailedOperation.CommitFlowError',
    'InternalError.InternalError',
  ]),
  {
    code: 'FailedOperation.SystemError',
    action: 'ManualBackupInstance',
    region: SH,
    params: { InstanceId: 'crs-demo0012' },
    state: 'node unreachable',
  },
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'ManualBackupInstance',
    region: G,
    params: { InstanceId: 'crs-demo0013', StorageDays: 1826 },
    state: 'StorageDays > 1825',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'ManualBackupInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0011' },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  {
    code: 'ResourceNotFound.InstanceNotExists',
    action: 'ManualBackupInstance',
    region: G,
    params: { InstanceId: 'crs-zzzz9999' },
    state: 'unknown instance',
  },
  {
    code: 'ResourceUnavailable.InstanceLockedError',
    action: 'ManualBackupInstance',
    region: SH,
    params: { InstanceId: 'crs-demo0004' },
    state: 'restore running',
  },
  {
    code: 'ResourceUnavailable.InstanceStateError',
    action: 'ManualBackupInstance',
    region: G,
    params: { InstanceId: 'crs-demo0010' },
    state: 'to be deleted',
  },
  {
    code: 'ResourceUnavailable.InstanceStatusAbnormal',
    action: 'ManualBackupInstance',
    region: BJ,
    params: { InstanceId: 'crs-demo0006' },
    state: 'in process (upgrade)',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'ManualBackupInstance',
    region: G,
    params: { InstanceId: 'crs-demo0013' },
    key: 'readonly',
    state: 'read-only key',
  },
  // DescribeBackupUrl
  ...faultCases('DescribeBackupUrl', { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual }, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
    'UnauthorizedOperation.UserNotInWhiteList',
    'UnsupportedOperation.ClusterInstanceAccessedDeny',
    'UnsupportedOperation.IsAutoRenewError',
    'UnsupportedOperation.OnlyClusterInstanceCanExportBackup',
  ]),
  {
    code: 'InvalidParameter.InvalidParameter',
    action: 'DescribeBackupUrl',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual, LimitType: 'Anywhere' },
    state: 'LimitType not documented',
  },
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeBackupUrl',
    region: BJ,
    params: { InstanceId: 'crs-demo0011', BackupId: DEMO_BACKUPS.analyticsOldSpec },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  {
    code: 'InvalidParameterValue.BackupNotExists',
    action: 'DescribeBackupUrl',
    region: SH,
    params: { InstanceId: 'crs-demo0003', BackupId: DEMO_BACKUPS.leaderboardDeleted },
    state: 'deleted backup',
  },
  {
    code: 'ResourceNotFound.InstanceNotExists',
    action: 'DescribeBackupUrl',
    region: G,
    params: { InstanceId: 'crs-zzzz9999', BackupId: 'x' },
    state: 'unknown instance',
  },
  {
    code: 'ResourceUnavailable.BackupStatusInvalid',
    action: 'DescribeBackupUrl',
    region: SH,
    params: { InstanceId: 'crs-demo0003', BackupId: DEMO_BACKUPS.leaderboardLocked },
    state: 'backup being exported',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeBackupUrl',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual },
    key: 'noaccess',
    state: 'no-access key',
  },
  // DescribeBackupDetail
  ...faultCases('DescribeBackupDetail', { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual }, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
  ]),
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeBackupDetail',
    region: BJ,
    params: { InstanceId: 'crs-demo0011', BackupId: DEMO_BACKUPS.analyticsOldSpec },
    key: 'project0',
    state: 'project-0 key, project-1 instance',
  },
  {
    code: 'InvalidParameterValue.BackupNotExists',
    action: 'DescribeBackupDetail',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: 'no-such-backup' },
    state: 'unknown backup',
  },
  {
    code: 'ResourceNotFound.InstanceNotExists',
    action: 'DescribeBackupDetail',
    region: BJ,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual },
    state: 'instance of another region',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeBackupDetail',
    region: G,
    params: { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual },
    key: 'noaccess',
    state: 'no-access key',
  },
  // DescribeBackupDownloadRestriction
  ...faultCases('DescribeBackupDownloadRestriction', {}, [
    'FailedOperation.SystemError',
    'InternalError.DbOperationFailed',
    'InternalError.InternalError',
  ]),
  {
    code: 'InvalidParameter.PermissionDenied',
    action: 'DescribeBackupDownloadRestriction',
    region: G,
    params: {},
    key: 'project0',
    state: 'project-limited key, account-wide setting',
  },
  {
    code: 'UnauthorizedOperation.NoCAMAuthed',
    action: 'DescribeBackupDownloadRestriction',
    region: G,
    params: {},
    key: 'noaccess',
    state: 'no-access key',
  },
];
