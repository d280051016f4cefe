import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import {
  MAX_BUSY_RECONCILE_PASSES,
  MAX_EMPTY_RECONCILE_PASSES,
  MAX_UNHEALED_READS,
} from '../../../electron/core/tasks/follow-limits';
import { MAX_POLL_MS } from '../../../electron/core/tasks/follow-schedule';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import { TaskFollower } from '../../../electron/core/tasks/task-follower';
import type { RestoreTask } from '../../../shared/domain';
import { AppError, mapCloudError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import { defaultPreferences } from '../../../shared/settings';
import { CRS_CONSOLE_INSTANCE_LIST_URL, type RestoreRecord } from '../../../shared/tasks';

/** A hand-driven timer queue: the test decides when time passes. */
function fakeTimers() {
  let now = 0;
  const queue: Array<{ at: number; fn: () => void; id: number }> = [];
  let ids = 0;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
    /** Runs timers due up to `until`, letting each step's promises settle. */
    async advanceTo(until: number) {
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > until) break;
        queue.shift();
        now = next.at;
        const before = ids;
        next.fn();
        // The step does real file I/O (the journal); wait until it schedules its next timer or goes quiet.
        for (let i = 0; i < 400 && ids === before; i++) await new Promise((r) => setTimeout(r, 1));
      }
      now = until;
    },
  };
}

const profile = { id: 'p1', name: 'prod' } as StoredProfile;

function record(): RestoreRecord {
  return {
    restoreId: 'r1',
    profileId: 'p1',
    profileName: 'prod',
    region: 'ap-guangzhou',
    instanceId: 'crs-1',
    instanceName: 'one',
    backupId: 'b1',
    phase: 'polling',
    status: 'preparing',
    taskId: '42',
    message: '',
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
    polls: 0,
  };
}

describe('TaskFollower', () => {
  it('polls from 2 s, backs off to 15 s, and costs at most 12 calls a minute after the first minute', async () => {
    const timers = fakeTimers();
    const calls: number[] = [];
    let status: 'running' | 'succeed' = 'running';
    const api = {
      describeTask: async () => {
        calls.push(timers.now());
        return { taskId: '42', status, statusRaw: status, message: '' };
      },
    } as unknown as CrsApi;
    const journal = new RestoreJournal({
      userData: mkdtempSync(join(tmpdir(), 'crs-follow-')),
      logger: createMemoryLogger(),
    });
    await journal.write(record());
    const finished: RestoreRecord[] = [];
    const follower = new TaskFollower({
      journal,
      profile: () => profile,
      api: () => api,
      preferences: () => defaultPreferences,
      now: timers.now,
      logger: createMemoryLogger(),
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
      save: (r) => journal.write(r),
      finish: async (r) => {
        finished.push(r);
        return journal.write({ ...r, phase: 'done' });
      },
    });
    follower.follow(record());
    await timers.advanceTo(10 * 60_000);
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] as number));
    expect(calls[0]).toBe(2000);
    expect(gaps[0]).toBe(3000);
    expect(Math.max(...gaps)).toBe(MAX_POLL_MS);
    for (let minute = 1; minute < 10; minute++) {
      const inMinute = calls.filter((t) => t >= minute * 60_000 && t < (minute + 1) * 60_000).length;
      expect(inMinute).toBeLessThanOrEqual(12);
    }
    status = 'succeed';
    await timers.advanceTo(11 * 60_000);
    expect(finished).toHaveLength(1);
    expect(finished[0]?.status).toBe('succeed');
    const count = calls.length;
    await timers.advanceTo(20 * 60_000);
    expect(calls.length).toBe(count);
  });
});

/** An API 3.0 error as the call runner throws it: the mapped app code, with the cloud code in the details. */
const cloudError = (code: string) =>
  new AppError(mapCloudError({ generation: 'v3', code }).appCode, `${code}: m`, { cloudCode: code });
/** What the clients throw for a status outside the documented set (client-support.ts unknownTaskStatus). */
const strangeStatus = (raw: string) =>
  new AppError('BAD_RESPONSE', `status ${raw}`, { taskId: '42', statusRaw: raw });
const task = (status: RestoreTask['status']): RestoreTask => ({
  taskId: '42',
  status,
  statusRaw: status,
  message: '',
});

/** A follower over a real journal, a hand-driven clock and a scripted API; `finished` collects the ends. */
async function setUp(api: Partial<CrsApi>, start: RestoreRecord = record()) {
  const timers = fakeTimers();
  const journal = new RestoreJournal({
    userData: mkdtempSync(join(tmpdir(), 'crs-follow-')),
    logger: createMemoryLogger(),
  });
  await journal.write(start);
  const finished: RestoreRecord[] = [];
  const follower = new TaskFollower({
    journal,
    profile: () => profile,
    api: () => api as CrsApi,
    preferences: () => defaultPreferences,
    now: timers.now,
    logger: createMemoryLogger(),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    save: (r) => journal.write(r),
    finish: async (r) => {
      finished.push(r);
      return journal.write({ ...r, phase: 'done' });
    },
  });
  return { timers, journal, finished, follower };
}

describe('TaskFollower: following always ends', () => {
  it.each([
    ['a status outside the documented set', () => strangeStatus('Paused')],
    [
      'no CAM permission (UnauthorizedOperation.NoCAMAuthed)',
      () => cloudError('UnauthorizedOperation.NoCAMAuthed'),
    ],
    ['no CAM permission for the action', () => cloudError('InvalidParameter.PermissionDenied')],
    ['a refused signature', () => cloudError('AuthFailure.SignatureFailure')],
    ['a task id the cloud does not know', () => cloudError('InvalidParameter.InvalidParameter')],
    ['a malformed answer', () => new AppError('BAD_RESPONSE', 'no Response envelope')],
    ['a failure that is not an AppError', () => new TypeError('boom')],
  ])('ends as outcome unknown after %s, bounded, with task, instance and console', async (_, error) => {
    const calls: number[] = [];
    const { timers, finished } = await setUp({
      describeTask: async () => {
        calls.push(timers.now());
        throw error();
      },
    }).then((h) => {
      h.follower.follow(record());
      return h;
    });
    await timers.advanceTo(30 * 60_000);
    expect(calls).toHaveLength(MAX_UNHEALED_READS);
    expect(finished).toHaveLength(1);
    const ended = finished[0] as RestoreRecord;
    expect(ended).toMatchObject({
      status: 'outcome-unknown',
      errorCode: 'TASK_OUTCOME_UNKNOWN',
      messageCode: 'outcome-unknown',
    });
    expect(ended.message).toMatch(/^Outcome unknown — check the console\./);
    expect(ended.message).toContain('42');
    expect(ended.message).toContain('crs-1');
    expect(ended.message).toContain(CRS_CONSOLE_INSTANCE_LIST_URL);
    // The app's own words never call it failed or refused (the reason in brackets may quote a code).
    expect(ended.message.replace(/\([^)]*\)/g, '')).not.toMatch(/failed|refused/i);
  });

  it.each([
    ['a network failure', () => new AppError('NETWORK')],
    ['a timeout', () => new AppError('TIMEOUT')],
    ['the rate limit', () => cloudError('RequestLimitExceeded')],
    ['an HTTP 503', () => new AppError('HTTP_ERROR', 'HTTP 503', { httpStatus: 503 })],
    ['InternalError', () => cloudError('InternalError.InternalError')],
    ['FailedOperation.SystemError', () => cloudError('FailedOperation.SystemError')],
  ])('keeps following through %s at the longest interval, then ends as the cloud says', async (_, error) => {
    let failing = true;
    const calls: number[] = [];
    const h = await setUp({
      describeTask: async () => {
        calls.push(h.timers.now());
        if (failing) throw error();
        return task('succeed');
      },
    });
    h.follower.follow(record());
    await h.timers.advanceTo(20 * 60_000);
    expect(h.finished).toEqual([]);
    expect(calls.length).toBeGreaterThan(MAX_UNHEALED_READS * 10);
    expect(calls.slice(1).map((t, i) => t - (calls[i] as number))).toEqual(
      calls.slice(1).map(() => MAX_POLL_MS),
    );
    expect(h.journal.get('r1')?.message).toContain('still following it');
    failing = false;
    await h.timers.advanceTo(21 * 60_000);
    expect(h.finished.map((r) => r.status)).toEqual(['succeed']);
  });

  it('counts only reads in a row: an answer in between starts the count again', async () => {
    let n = 0;
    const h = await setUp({
      describeTask: async () => {
        n++;
        if (n % MAX_UNHEALED_READS === 0) return task('running');
        throw cloudError('InvalidParameter.PermissionDenied');
      },
    });
    h.follower.follow(record());
    await h.timers.advanceTo(10 * 60_000);
    expect(h.finished).toEqual([]);
    expect(n).toBeGreaterThan(MAX_UNHEALED_READS * 3);
  });

  it('the safety backup wait ends too: TASK_OUTCOME_UNKNOWN after the bound, never a guessed status', async () => {
    let calls = 0;
    const h = await setUp({});
    const api = {
      describeTask: async () => {
        calls++;
        throw strangeStatus('Paused');
      },
    } as unknown as CrsApi;
    const waiting = h.follower.waitForTask(api, 'ap-guangzhou', '77').then(
      () => undefined,
      (e: unknown) => e,
    );
    await h.timers.advanceTo(10 * 60_000);
    const error = await waiting;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TASK_OUTCOME_UNKNOWN', details: { taskId: '77' } });
    expect(calls).toBe(MAX_UNHEALED_READS);
  });

  it('the safety backup wait rides out passing failures and returns the real end', async () => {
    let calls = 0;
    const h = await setUp({});
    const api = {
      describeTask: async () => {
        calls++;
        if (calls < MAX_UNHEALED_READS * 3) throw new AppError('NETWORK');
        return task('succeed');
      },
    } as unknown as CrsApi;
    const waiting = h.follower.waitForTask(api, 'ap-guangzhou', '77');
    await h.timers.advanceTo(30 * 60_000);
    expect(await waiting).toBe('succeed');
  });
});

describe('TaskFollower: reconciliation never says refused', () => {
  const lost = (): RestoreRecord => ({
    ...record(),
    phase: 'reconciling',
    status: 'unknown',
    taskId: undefined,
    errorCode: 'RESTORE_OUTCOME_UNKNOWN',
  });

  it('no matching task: outcome unknown after a bounded number of looks, with instance and console', async () => {
    let lists = 0;
    const h = await setUp(
      {
        listRestoreTasks: async () => {
          lists++;
          return [];
        },
        describeInstances: async () => ({ total: 1, instances: [{ status: 'running' }] }) as never,
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(30 * 60_000);
    expect(lists).toBe(MAX_EMPTY_RECONCILE_PASSES);
    expect(h.finished).toHaveLength(1);
    const ended = h.finished[0] as RestoreRecord;
    expect(ended).toMatchObject({
      status: 'outcome-unknown',
      errorCode: 'RESTORE_TASK_NOT_FOUND',
      messageCode: 'reconcile-unknown',
    });
    expect(ended.status).not.toBe('refused');
    expect(ended.message).toMatch(/^Outcome unknown — check the console\./);
    expect(ended.message).toContain('crs-1');
    expect(ended.message).toContain(CRS_CONSOLE_INSTANCE_LIST_URL);
  });

  it('an instance in process keeps it looking for a while, but not for ever', async () => {
    let lists = 0;
    const h = await setUp(
      {
        listRestoreTasks: async () => {
          lists++;
          return [];
        },
        describeInstances: async () => ({ total: 1, instances: [{ status: 'processing' }] }) as never,
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(10 * 60_000);
    expect(h.finished).toEqual([]);
    expect(lists).toBeGreaterThan(MAX_EMPTY_RECONCILE_PASSES);
    await h.timers.advanceTo(3 * 3600_000);
    expect(lists).toBe(MAX_BUSY_RECONCILE_PASSES);
    expect(h.finished).toHaveLength(1);
    expect(h.finished[0]).toMatchObject({ status: 'outcome-unknown', errorCode: 'RESTORE_TASK_NOT_FOUND' });
  });

  it('never adopts a restore that started well after the request left: someone else started it', async () => {
    const sentAt = new Date(3600_000).toISOString();
    const lostSent = (): RestoreRecord => ({ ...lost(), sentAt });
    const h = await setUp(
      {
        // A console restore of the same instance, ten minutes after ours was sent (and never reached the cloud).
        listRestoreTasks: async () => [
          { taskId: '77', status: 'succeed', startTime: new Date(3600_000 + 10 * 60_000).toISOString() },
        ],
        describeInstances: async () => ({ total: 1, instances: [{ status: 'running' }] }) as never,
      },
      lostSent(),
    );
    h.follower.reconcile(lostSent());
    await h.timers.advanceTo(2 * 3600_000);
    expect(h.finished).toHaveLength(1);
    expect(h.finished[0]?.taskId).toBeUndefined();
    expect(h.finished[0]).toMatchObject({ status: 'outcome-unknown' });
  });

  it('adopts the task that started right after the request left', async () => {
    const sentAt = new Date(3600_000).toISOString();
    const lostSent = (): RestoreRecord => ({ ...lost(), sentAt });
    const h = await setUp(
      {
        listRestoreTasks: async () => [
          { taskId: '78', status: 'succeed', startTime: new Date(3600_000 + 20_000).toISOString() },
        ],
      },
      lostSent(),
    );
    h.follower.reconcile(lostSent());
    await h.timers.advanceTo(2 * 3600_000);
    expect(h.finished.map((r) => [r.status, r.taskId])).toEqual([['succeed', '78']]);
  });

  it('a listed task with an undocumented status is followed by its id, not read as failed', async () => {
    const h = await setUp(
      {
        listRestoreTasks: async () => [
          { taskId: '99', status: 'running', unknownStatus: '3', startTime: new Date(0).toISOString() },
        ],
        describeTask: async () => ({ ...task('succeed'), taskId: '99' }),
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(30 * 60_000);
    expect(h.finished.map((r) => [r.status, r.taskId])).toEqual([['succeed', '99']]);
  });

  it('a legacy list that only shows an undocumented status ends as outcome unknown after the bound', async () => {
    let lists = 0;
    const h = await setUp(
      {
        listRestoreTasks: async () => {
          lists++;
          return [{ status: 'running', unknownStatus: '7', startTime: new Date(0).toISOString() }];
        },
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(60 * 60_000);
    expect(lists).toBe(MAX_UNHEALED_READS);
    expect(h.finished[0]).toMatchObject({ status: 'outcome-unknown', messageCode: 'reconcile-unreadable' });
    expect(h.finished[0]?.message).toContain('status “7”');
  });

  it('a task list it cannot read ends as outcome unknown too, after the bound', async () => {
    let lists = 0;
    const h = await setUp(
      {
        listRestoreTasks: async () => {
          lists++;
          throw cloudError('InvalidParameter.PermissionDenied');
        },
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(60 * 60_000);
    expect(lists).toBe(MAX_UNHEALED_READS);
    expect(h.finished[0]).toMatchObject({ status: 'outcome-unknown', messageCode: 'reconcile-unreadable' });
    expect(h.finished[0]?.message).toContain('CAM_API_DENIED: InvalidParameter.PermissionDenied');
  });

  it('a task that shows up on a later look is adopted and followed, not closed', async () => {
    let lists = 0;
    const h = await setUp(
      {
        listRestoreTasks: async () => {
          lists++;
          return lists < MAX_EMPTY_RECONCILE_PASSES
            ? []
            : [{ taskId: '99', status: 'running', startTime: new Date(0).toISOString() }];
        },
        describeInstances: async () => ({ total: 1, instances: [{ status: 'running' }] }) as never,
        describeTask: async () => ({ ...task('succeed'), taskId: '99' }),
      },
      lost(),
    );
    h.follower.reconcile(lost());
    await h.timers.advanceTo(30 * 60_000);
    expect(h.finished).toHaveLength(1);
    expect(h.finished[0]).toMatchObject({ status: 'succeed', taskId: '99' });
  });
});
