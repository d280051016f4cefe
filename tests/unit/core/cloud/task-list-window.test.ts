/**
 * The task-list queries reconciliation relies on (API 3.0 DescribeTaskList, legacy GetRedisTaskList) ask
 * with the documented `YYYY-MM-DD HH:mm:ss` in Beijing time, within the 30 days the list keeps, and never
 * with a time in the future (no EndTime at all: the list ends at the cloud's present).
 */
import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { TASK_LIST_DAYS, taskListBegin } from '../../../../electron/core/cloud/parsing/client-support';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply } from './fakes';

const BEIJING = 480;
// The fake clock's start, 2026-06-01 02:00:00 UTC, is 10:00:00 in Beijing.
const NOW = Date.UTC(2026, 5, 1, 2, 0, 0);
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('taskListBegin', () => {
  it('writes the documented format in Beijing time', () => {
    expect(taskListBegin('2026-06-01T01:58:00.000Z', NOW, BEIJING)).toBe('2026-06-01 09:58:00');
  });

  it('never asks from a time in the future', () => {
    expect(taskListBegin('2026-06-01T03:00:00.000Z', NOW, BEIJING)).toBe('2026-06-01 10:00:00');
  });

  it('never asks from before the 30 days the list keeps', () => {
    const begin = taskListBegin('2026-01-01T00:00:00.000Z', NOW, BEIJING);
    expect(begin).toBe('2026-05-02 10:00:00');
    expect(TASK_LIST_DAYS).toBe(30);
  });

  it('refuses a time it cannot read, clearly', () => {
    expect(() => taskListBegin('yesterday', NOW, BEIJING)).toThrow(AppError);
  });
});

describe.each([
  [
    'API 3.0 DescribeTaskList',
    () => {
      const h = harness([jsonReply({ Response: { TotalCount: 0, Tasks: [], RequestId: 'r' } })]);
      return { h, client: new Api3CrsClient(h.options), read: (body: string) => JSON.parse(body) };
    },
    'BeginTime',
    'EndTime',
  ],
  [
    'legacy GetRedisTaskList',
    () => {
      const h = harness([
        jsonReply({ code: 0, message: '', codeDesc: 'Success', data: { totalCount: 0, redisTaskSet: [] } }),
      ]);
      return {
        h,
        client: new LegacyCrsClient(h.options),
        read: (body: string) => Object.fromEntries(new URLSearchParams(body)),
      };
    },
    'beginTime',
    'endTime',
  ],
] as const)('%s', (_, make, beginField, endField) => {
  it('asks from `since` in the documented format and sends no end time', async () => {
    const { h, client, read } = make();
    await client.listRestoreTasks({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      since: '2026-06-01T01:58:00.000Z',
    });
    const sent = read(h.fetch.calls[0]?.init.body ?? '');
    expect(sent[beginField]).toMatch(WALL_CLOCK);
    expect(sent[beginField]).toBe('2026-06-01 09:58:00');
    expect(sent[endField]).toBeUndefined();
  });

  it('clamps a `since` in the future to now', async () => {
    const { h, client, read } = make();
    await client.listRestoreTasks({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      since: '2026-06-01T05:00:00.000Z',
    });
    expect(read(h.fetch.calls[0]?.init.body ?? '')[beginField]).toBe('2026-06-01 10:00:00');
  });
});

describe('task-list statuses outside the documented set', () => {
  it('API 3.0: a Result other than 0, 1, 2, 4 is marked unknown, never read as failed', async () => {
    const h = harness([
      jsonReply({
        Response: {
          TotalCount: 2,
          Tasks: [
            { TaskId: 7, TaskType: '010', InstanceId: 'crs-1', Result: 3, StartTime: '2026-06-01 09:59:00' },
            { TaskId: 8, TaskType: '010', InstanceId: 'crs-1', Result: 4, StartTime: '2026-06-01 09:59:30' },
          ],
          RequestId: 'r',
        },
      }),
    ]);
    const tasks = await new Api3CrsClient(h.options).listRestoreTasks({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      since: '2026-06-01T01:58:00.000Z',
    });
    expect(tasks).toEqual([
      { taskId: '7', status: 'running', unknownStatus: '3', startTime: '2026-06-01T01:59:00.000Z' },
      { taskId: '8', status: 'failed', startTime: '2026-06-01T01:59:30.000Z' },
    ]);
  });

  it('legacy: a status other than 0, 1, 2, 3, -1 is marked unknown, never read as an error', async () => {
    const h = harness([
      jsonReply({
        code: 0,
        message: '',
        codeDesc: 'Success',
        data: {
          totalCount: 1,
          redisTaskSet: [
            { redisId: 'crs-1', taskName: 'restoreBackup', status: 9, startTime: '2026-06-01 09:59:00' },
          ],
        },
      }),
    ]);
    const tasks = await new LegacyCrsClient(h.options).listRestoreTasks({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      since: '2026-06-01T01:58:00.000Z',
    });
    expect(tasks).toEqual([{ status: 'running', unknownStatus: '9', startTime: '2026-06-01T01:59:00.000Z' }]);
  });
});

describe('legacy GetRedisTaskList entries', () => {
  it('count only backup restores: restoreStream is another flow, not what RestoreInstance starts', async () => {
    const task = (taskName: string, status: number) => ({
      startTime: '2026-06-01 10:00:00',
      taskName,
      redisName: 'orders',
      redisId: 'crs-1',
      projectId: 0,
      status,
      progress: 0,
    });
    const h = harness([
      jsonReply({
        code: 0,
        message: '',
        codeDesc: 'Success',
        data: { totalCount: 2, redisTaskSet: [task('restoreStream', 1), task('restoreBackup', 2)] },
      }),
    ]);
    const tasks = await new LegacyCrsClient(h.options).listRestoreTasks({
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      since: '2026-06-01T01:58:00.000Z',
    });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.status).toBe('succeed');
  });
});
