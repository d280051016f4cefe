import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import { MAX_POLL_MS, TaskFollower } from '../../../electron/core/tasks/task-follower';
import type { StoredProfile } from '../../../shared/profiles';
import { defaultPreferences } from '../../../shared/settings';
import type { RestoreRecord } from '../../../shared/tasks';

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
