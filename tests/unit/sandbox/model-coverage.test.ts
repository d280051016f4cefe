// The sandbox's API 3.0 answers against the official SDK's models, read from the SDK's .d.ts text: the
// types catch a misnamed or mistyped field, but every SDK field is optional, so a field the sandbox leaves
// out compiles. Here every action the app uses is rendered for real (signed request, common layer, the
// bytes a client gets) over the demo seed, and the fields the sandbox never fills must be exactly the
// expected ones below, each with its reason. A field a newer SDK adds shows up as a failure here.
import { afterAll, describe, expect, it } from 'vitest';
import type { CrsOperation } from '../../../electron/core/cloud/transport/rate-limiter.js';
import { CLONE_ACTIONS } from '../../../sandbox/api/clone-actions.js';
import type { SdkAction } from '../../../sandbox/api/sdk-models.js';
import { V3_ACTIONS } from '../../../sandbox/api/v3-actions.js';
import { BackupFileStore } from '../../../sandbox/files/backup-files.js';
import { DEMO_BACKUPS } from '../../../sandbox/seeds/demo.js';
import { inProcessDemo, type Row } from './in-process-demo.js';
import { expectRequestModel, modelFields, rowsAt, SDK_VERSION, unfilled } from './sdk-model-text.js';

/** The API 3.0 actions the app calls (CrsOperation, electron/core/cloud/transport/rate-limiter.ts). */
const APP_ACTIONS = [
  'DescribeInstances',
  'DescribeInstanceBackups',
  'RestoreInstance',
  'DescribeTaskInfo',
  'DescribeTaskList',
  'ManualBackupInstance',
] as const satisfies readonly CrsOperation[] & readonly SdkAction[];

/**
 * The backup-file actions the sandbox answers for the backup inspector (issue 19); their requests and
 * answers are held to the SDK models like the app's. DescribeBackupDownloadRestriction's request model is
 * `null` (no fields).
 */
const FILE_ACTIONS = [
  'DescribeBackupUrl',
  'DescribeBackupDetail',
  'DescribeBackupDownloadRestriction',
] as const satisfies readonly SdkAction[];

const ALL_ACTIONS: readonly SdkAction[] = [...new Set<SdkAction>([...APP_ACTIONS, ...FILE_ACTIONS])];

/**
 * False (a type error below) when the app gains an operation this list lacks; the clone actions are listed
 * by the sandbox's CLONE_ACTIONS (clone-model-coverage.test.ts).
 */
const listsEveryOperation: CrsOperation extends
  | (typeof APP_ACTIONS)[number]
  | (typeof FILE_ACTIONS)[number]
  | keyof typeof CLONE_ACTIONS
  ? true
  : false = true;

/**
 * Per SDK model: the fields no rendered answer carries, and why. Anything else the model has, the sandbox
 * fills in at least one answer.
 */
const NEVER_FILLED: Readonly<Record<string, readonly string[]>> = {
  DescribeInstancesResponse: [],
  DescribeInstanceBackupsResponse: [],
  RestoreInstanceResponse: [],
  DescribeTaskInfoResponse: [],
  DescribeTaskListResponse: [],
  ManualBackupInstanceResponse: [],
  DescribeBackupUrlResponse: [],
  DescribeBackupDetailResponse: [],
  DescribeBackupDownloadRestrictionResponse: [],
  BackupDownloadInfo: [],
  // The sandbox account's restriction is NoLimit: no custom VPC is ever listed.
  BackupLimitVpcItem: ['Region', 'VpcList'],
  InstanceSet: [],
  RedisBackupSet: [],
  TaskInfoDetail: [],
  RedisNodeInfo: [],
  InstanceTagInfo: [],
  // The sandbox models no proxy or shard nodes: InstanceSet.InstanceNode is always an empty list, so its
  // items' fields never appear. The app does not read InstanceNode.
  InstanceNode: ['Id', 'InstanceClusterNode'],
};

/** Where each model's rows sit in the answers: `[model, answer path]`, a path ending in a list. */
const NESTED: ReadonlyArray<readonly [string, SdkAction, readonly string[]]> = [
  ['InstanceSet', 'DescribeInstances', ['InstanceSet']],
  ['InstanceNode', 'DescribeInstances', ['InstanceSet', 'InstanceNode']],
  ['RedisNodeInfo', 'DescribeInstances', ['InstanceSet', 'NodeSet']],
  ['InstanceTagInfo', 'DescribeInstances', ['InstanceSet', 'InstanceTags']],
  ['RedisBackupSet', 'DescribeInstanceBackups', ['BackupSet']],
  ['TaskInfoDetail', 'DescribeTaskList', ['Tasks']],
  ['BackupDownloadInfo', 'DescribeBackupUrl', ['BackupInfos']],
  ['BackupLimitVpcItem', 'DescribeBackupDownloadRestriction', ['LimitVpc']],
];

/** Backup files for DescribeBackupUrl, in a temporary folder removed after the tests. */
const files = new BackupFileStore();
files.baseUrl = 'http://127.0.0.1:9';

/** Every answer of the demo seed the app would see: all regions, all backups, tasks running and ended. */
function renderAll() {
  const { clock, call, answers } = inProcessDemo(files);
  for (const region of ['ap-guangzhou', 'ap-shanghai', 'ap-beijing']) {
    call('DescribeInstances', { Limit: 1000 }, region);
    call('DescribeInstanceBackups', { Limit: 100, Status: [1, 2, 3, 4, -1, -2] }, region);
  }
  const restore = call('RestoreInstance', {
    InstanceId: 'crs-demo0001',
    BackupId: DEMO_BACKUPS.ordersManual,
    Password: 'Orders#2024',
  });
  const backup = call('ManualBackupInstance', { InstanceId: 'crs-demo0013', Remark: 'coverage' });
  for (const task of [restore.TaskId, backup.TaskId]) call('DescribeTaskInfo', { TaskId: task });
  call('DescribeTaskList', { Limit: 100 });
  clock.advance(60_000);
  for (const task of [restore.TaskId, backup.TaskId]) call('DescribeTaskInfo', { TaskId: task });
  call('DescribeTaskList', { Limit: 100 });
  // A list of tasks in another region, which includes the long-running demo restore.
  call('DescribeTaskList', { Limit: 100 }, 'ap-shanghai');
  const sessions = call('DescribeInstanceBackups', { InstanceId: 'crs-demo0002' });
  const encrypted = String((sessions.BackupSet as Row[])[0]?.BackupId);
  // Encrypted (crs-demo0002) and plain: DecryptKey, KmsKeyId and KeyAlgorithm only come with the first.
  call('DescribeBackupDetail', { InstanceId: 'crs-demo0002', BackupId: encrypted });
  call('DescribeBackupDetail', { InstanceId: 'crs-demo0001', BackupId: DEMO_BACKUPS.ordersManual });
  call('DescribeBackupUrl', { InstanceId: 'crs-demo0002', BackupId: encrypted });
  call('DescribeBackupDownloadRestriction', {});
  return answers;
}

describe(`sandbox answers against the SDK ${SDK_VERSION} models`, () => {
  const answers = renderAll();
  afterAll(() => files.dispose());

  it('serves exactly the actions the app uses', () => {
    expect(listsEveryOperation).toBe(true);
    // Plus the clone actions, checked against their models in clone-model-coverage.test.ts.
    expect(Object.keys(V3_ACTIONS).sort()).toEqual([...ALL_ACTIONS, ...Object.keys(CLONE_ACTIONS)].sort());
  });

  it('answers a field-less request model with a field-less schema', () => {
    expect(() => modelFields('DescribeBackupDownloadRestrictionRequest')).toThrow();
    expect(Object.keys(V3_ACTIONS.DescribeBackupDownloadRestriction.schema)).toEqual([]);
  });

  it.each(ALL_ACTIONS.filter((a) => a !== 'DescribeBackupDownloadRestriction'))(
    '%s accepts exactly the request model’s fields, required as the SDK says',
    (action) =>
      expectRequestModel(
        action,
        V3_ACTIONS[action].schema as Readonly<Record<string, { required?: boolean }>>,
      ),
  );

  it.each(ALL_ACTIONS)('%s answers every field of its response model but the expected ones', (action) => {
    const model = `${action}Response`;
    const result = unfilled(model, answers.get(action) ?? []);
    expect(answers.get(action)?.length, action).toBeGreaterThan(0);
    expect(result.never).toEqual(NEVER_FILLED[model]);
    expect(result.extra).toEqual([]);
  });

  it.each(NESTED)('%s rows fill every field but the expected ones', (model, action, path) => {
    const rows = rowsAt(answers.get(action) ?? [], path);
    const result = unfilled(model, rows);
    expect(result.never).toEqual(NEVER_FILLED[model]);
    expect(result.extra).toEqual([]);
  });
});
