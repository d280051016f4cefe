/**
 * The sandbox's answers against Tencent's own response examples (tests/fixtures/official/): every field an
 * official example carries is in the sandbox's answer, with the same JSON type for API 3.0. A client written
 * against the real service then reads the sandbox without surprises. The known divergence (the examples send
 * RestoreInstance/ManualBackupInstance `TaskId` as a string, the SDK model and the sandbox as a number) is in
 * docs/CLOUD-FIDELITY.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEGACY_ACTIONS } from '../../../sandbox/api/legacy-actions.js';
import { encodeAnswer } from '../../../sandbox/api/raw-json.js';
import { v3Action } from '../../../sandbox/api/v3-actions.js';
import { ManualClock } from '../../../sandbox/clock.js';
import { BackupFileStore } from '../../../sandbox/files/backup-files.js';
import { DEMO_BACKUPS } from '../../../sandbox/seeds/demo.js';
import { applySeed } from '../../../sandbox/seeds/index.js';
import { startRestore } from '../../../sandbox/state/flows.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import type { Principal } from '../../../sandbox/state/types.js';

type Json = Record<string, unknown>;

const admin: Principal = { secretId: 'id', allowedActions: null, allowedProjects: null };
const INSTANCE = 'crs-demo0001';

function official(path: string): Json {
  const text = readFileSync(new URL(`../../fixtures/official/${path}`, import.meta.url), 'utf8');
  return JSON.parse(text) as Json;
}

function demo() {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, 20);
  applySeed(state, 'demo');
  return { clock, state, ctx: { state, region: 'ap-guangzhou', principal: admin } };
}

/** An API 3.0 action's answer as a client receives it: serialised the way the server does, parsed back. */
function v3(ctx: ReturnType<typeof demo>['ctx'], action: string, params: Json): Json {
  const result = v3Action(action)?.run(ctx, params);
  if (!result?.ok) throw new Error(result ? result.message : `no action ${action}`);
  return JSON.parse(encodeAnswer(result.data).toString('utf8')) as Json;
}

function legacy(ctx: ReturnType<typeof demo>['ctx'], action: string, params: Record<string, string>): Json {
  const result = LEGACY_ACTIONS[action]?.(ctx, params);
  if (!result?.ok) throw new Error(result ? result.message : `no action ${action}`);
  return JSON.parse(JSON.stringify(result.fields)) as Json;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** `field: type` for every field of the official row that the sandbox's row lacks or types differently. */
function mismatches(officialRow: Json, sandboxRow: Json, compareTypes: boolean): string[] {
  return Object.keys(officialRow)
    .filter((key) => key !== 'RequestId')
    .filter(
      (key) => !(key in sandboxRow) || (compareTypes && kind(officialRow[key]) !== kind(sandboxRow[key])),
    )
    .map(
      (key) => `${key}: ${kind(officialRow[key])} vs ${key in sandboxRow ? kind(sandboxRow[key]) : 'absent'}`,
    );
}

const first = (value: unknown): Json => {
  if (!Array.isArray(value) || value.length === 0) throw new Error('expected a non-empty array');
  return value[0] as Json;
};
const response = (path: string): Json => official(path).Response as Json;

describe('sandbox answers carry every field of the official API 3.0 examples, typed alike', () => {
  it('DescribeInstances: InstanceSet rows and their NodeSet', () => {
    const { ctx } = demo();
    const answer = v3(ctx, 'DescribeInstances', { InstanceIds: [INSTANCE] });
    const officialRow = first(response('api3/DescribeInstances.json').InstanceSet);
    const row = first(answer.InstanceSet);
    expect(mismatches(response('api3/DescribeInstances.json'), answer, true)).toEqual([]);
    expect(mismatches(officialRow, row, true)).toEqual([]);
    expect(mismatches(first(officialRow.NodeSet), first(row.NodeSet), true)).toEqual([]);
  });

  it.each(['api3/DescribeInstanceBackups.json', 'api3/DescribeInstanceBackups-2.json'])(
    'DescribeInstanceBackups: BackupSet rows (%s)',
    (path) => {
      const { ctx } = demo();
      const answer = v3(ctx, 'DescribeInstanceBackups', { InstanceId: INSTANCE });
      expect(mismatches(response(path), answer, true)).toEqual([]);
      expect(mismatches(first(response(path).BackupSet), first(answer.BackupSet), true)).toEqual([]);
    },
  );

  it('DescribeTaskInfo and DescribeTaskList: a restore task', () => {
    const { ctx, state } = demo();
    const started = startRestore(state, {
      instanceId: INSTANCE,
      backupId: DEMO_BACKUPS.ordersManual,
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok) throw new Error(started.message);
    const info = v3(ctx, 'DescribeTaskInfo', { TaskId: started.task.id });
    expect(mismatches(response('api3/DescribeTaskInfo.json'), info, true)).toEqual([]);
    const list = v3(ctx, 'DescribeTaskList', { InstanceId: INSTANCE });
    expect(mismatches(response('api3/DescribeTaskList.json'), list, true)).toEqual([]);
    expect(mismatches(first(response('api3/DescribeTaskList.json').Tasks), first(list.Tasks), true)).toEqual(
      [],
    );
  });

  it('DescribeBackupUrl and DescribeBackupDetail: an encrypted backup', () => {
    const { ctx, state } = demo();
    state.files = new BackupFileStore();
    try {
      const sessions = v3(ctx, 'DescribeInstanceBackups', { InstanceId: 'crs-demo0002' });
      const backupId = String(first(sessions.BackupSet).BackupId);
      const params = { InstanceId: 'crs-demo0002', BackupId: backupId };
      const url = v3(ctx, 'DescribeBackupUrl', params);
      const officialUrl = response('api3/DescribeBackupUrl.json');
      expect(mismatches(officialUrl, url, true)).toEqual([]);
      expect(mismatches(first(officialUrl.BackupInfos), first(url.BackupInfos), true)).toEqual([]);
      const detail = v3(ctx, 'DescribeBackupDetail', params);
      expect(mismatches(response('api3/DescribeBackupDetail.json'), detail, true)).toEqual([]);
    } finally {
      state.files.dispose();
    }
  });
});

describe('sandbox answers carry every field of the official legacy examples', () => {
  // The legacy pages send the same field as a number on one page and a string on another: names only.
  it('DescribeRedis', () => {
    const { ctx } = demo();
    const answer = legacy(ctx, 'DescribeRedis', { limit: '10', offset: '0', redisId: INSTANCE });
    const page = official('legacy/DescribeRedis.json');
    expect(mismatches(page, { ...answer, code: 0, message: '', codeDesc: 'Success' }, false)).toEqual([]);
    const data = (o: Json) => o.data as Json;
    expect(mismatches(first(data(page).redisSet), first(data(answer).redisSet), false)).toEqual([]);
  });

  it('GetRedisBackupList', () => {
    const { ctx } = demo();
    const answer = legacy(ctx, 'GetRedisBackupList', { limit: '10', offset: '0', redisId: INSTANCE });
    const page = official('legacy/GetRedisBackupList.json');
    const data = (o: Json) => o.data as Json;
    expect(mismatches(first(data(page).redisBackupSet), first(data(answer).redisBackupSet), false)).toEqual(
      [],
    );
  });

  it('GetRedisTaskList', () => {
    const { ctx, state } = demo();
    const started = startRestore(state, {
      instanceId: INSTANCE,
      backupId: DEMO_BACKUPS.ordersManual,
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok) throw new Error(started.message);
    const answer = legacy(ctx, 'GetRedisTaskList', { limit: '10', offset: '0', redisId: INSTANCE });
    const page = official('legacy/GetRedisTaskList.json');
    const data = (o: Json) => o.data as Json;
    expect(mismatches(first(data(page).redisTaskSet), first(data(answer).redisTaskSet), false)).toEqual([]);
  });
});
