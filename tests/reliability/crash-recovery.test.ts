/**
 * Crash recovery: a child process running the core is SIGKILLed at random points while it starts and
 * follows restores against a sandbox running here; a new child is started over the same user-data folder
 * each time, as the user reopening the app would. At the end a fresh core must find every restore in the
 * journal, finished and succeeded, and the sandbox must prove that none was sent twice and none was lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox/index';
import { InstanceStatus } from '../../sandbox/state/catalog';
import type { RestoreRecord } from '../../shared/tasks';
import type { CrashJob } from './support/crash-child';
import { startFileCore } from './support/file-core';
import { recordFigures, SEED, seededRandom, sized } from './support/scale';

const JOBS = sized(10, 100);
const KILLS = sized(8, 30);
/** New restores each killed life may start; the last life starts whatever is left. */
const PER_LIFE = sized(2, 4);
const root = join(import.meta.dirname, '../..');

let sandbox: RunningSandbox | undefined;
let userData: string | undefined;

afterAll(async () => {
  await sandbox?.stop();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

function runChild(args: string[]): {
  child: ChildProcess;
  exited: Promise<number | null>;
  ready: Promise<void>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/crash-child.ts'), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[child ${child.pid}] ${chunk}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then(() => resolve());
  });
  return { child, exited, ready };
}

/** The journal's last state per restore, read straight from the file as the next start will. */
function journalPhases(dir: string): Record<string, number> {
  let text = '';
  try {
    text = readFileSync(join(dir, 'restores.jsonl'), 'utf8');
  } catch {
    return {};
  }
  const last = new Map<string, string>();
  for (const line of text.split('\n')) {
    try {
      const record = JSON.parse(line) as RestoreRecord;
      last.set(record.restoreId, record.phase);
    } catch {
      // A line torn by the kill; the app skips it the same way.
    }
  }
  const phases: Record<string, number> = {};
  for (const phase of last.values()) phases[phase] = (phases[phase] ?? 0) + 1;
  return phases;
}

/** Restores the journal still shows open, for the failure message. */
function openRecords(dir: string): string {
  const last = new Map<string, RestoreRecord>();
  for (const line of readFileSync(join(dir, 'restores.jsonl'), 'utf8').split('\n')) {
    try {
      const record = JSON.parse(line) as RestoreRecord;
      last.set(record.restoreId, record);
    } catch {
      // torn line
    }
  }
  return JSON.stringify(
    [...last.values()].filter((r) => r.phase !== 'done'),
    null,
    1,
  );
}

describe('crash recovery', () => {
  it(`${JOBS} restores survive ${KILLS} SIGKILLs of the core: all found, reconciled, finished, none twice`, async () => {
    const random = seededRandom(SEED + 7);
    sandbox = await startSandbox({ seed: `fleet:${JOBS * 2 + 20}`, taskSeconds: sized(2, 3) });
    const state = sandbox.state;
    // A slow RestoreInstance widens the moment that matters most: the request on the wire, its answer not yet
    // in the journal. Kills landing there must be reconciled from the task list, never resent.
    sandbox.faults.add({ kind: 'latency', action: 'RestoreInstance', ms: 700, count: 'always' });
    const jobs: CrashJob[] = [...state.instances.values()]
      .filter((i) => i.status === InstanceStatus.Running)
      .slice(0, JOBS)
      .map((i) => {
        const backup = state.backupsOf(i.id).find((b) => state.backupStatus(b) === 2);
        if (!backup) throw new Error(`no backup for ${i.id}`);
        return {
          region: i.region,
          instanceId: i.id,
          name: i.name,
          backupId: backup.id,
          ...(i.password ? { password: i.password } : {}),
        };
      });
    expect(jobs).toHaveLength(JOBS);
    userData = mkdtempSync(join(tmpdir(), 'crs-crash-'));
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ preferences: { pollIntervalSeconds: 1 } }),
    );
    const jobsFile = join(userData, 'jobs.json');
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const setup = await startFileCore(userData, sandbox.url);
    const profile = await setup.value('profiles:create', {
      name: 'crash',
      secretId: sandbox.credentials.secretId,
      secretKey: sandbox.credentials.secretKey,
      generation: 'v3',
      endpoint: sandbox.url,
      regions: [...new Set(jobs.map((j) => j.region))],
      defaultRegion: jobs[0]?.region ?? 'ap-guangzhou',
      environment: 'testing',
      requestTimeoutSeconds: 10,
    });
    await setup.core.dispose();
    const args = [userData, sandbox.url, jobsFile, profile.id];

    const atKill: Record<string, number> = {};
    let exitedBeforeKill = 0;
    for (let k = 0; k < KILLS; k++) {
      const { child, exited, ready } = runChild([...args, String(PER_LIFE)]);
      await ready;
      const delay = Math.floor(random() * 1500);
      const early = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), delay)),
      ]);
      if (early) {
        exitedBeforeKill++;
        continue;
      }
      child.kill('SIGKILL');
      await exited;
      for (const [phase, n] of Object.entries(journalPhases(userData)))
        if (phase !== 'done') atKill[phase] = (atKill[phase] ?? 0) + n;
    }
    // The last life runs to the end: every restore resumed, reconciled or started, and followed to success.
    const last = runChild(args);
    const code = await Promise.race([
      last.exited,
      new Promise<string>((r) => setTimeout(() => r('timeout'), sized(60_000, 180_000))),
    ]);
    if (code === 'timeout') {
      last.child.kill('SIGKILL');
      console.error(openRecords(userData));
    }
    expect(code).toBe(0);

    const final = await startFileCore(userData, sandbox.url);
    const records = await final.value('tasks:list', {});
    await final.core.dispose();
    // Finished means phase done: ended in the journal and the audit log, and the user notified.
    const stuck = records.filter((r) => r.phase !== 'done');
    const cloudTasks = [...state.tasks.values()].filter((t) => t.kind === 'restore');
    recordFigures('crash-recovery', {
      restores: JOBS,
      kills: KILLS - exitedBeforeKill,
      livesThatFinishedBeforeTheirKill: exitedBeforeKill,
      'restores open when killed (summed over kills): accepted': atKill.accepted ?? 0,
      'restores open when killed (summed over kills): sending': atKill.sending ?? 0,
      'restores open when killed (summed over kills): reconciling': atKill.reconciling ?? 0,
      'restores open when killed (summed over kills): polling': atKill.polling ?? 0,
      journalRecords: records.length,
      'closed unsent and restarted': records.length - JOBS,
      restoreInstanceCalls: [...state.restoreCalls.values()].reduce((a, b) => a + b, 0),
      cloudRestoreTasks: cloudTasks.length,
      'finished with a terminal status but left open (phase not done)': stuck.length,
    });
    for (const job of jobs) {
      const mine = records.filter((r) => r.instanceId === job.instanceId);
      const succeeded = mine.filter((r) => r.status === 'succeed');
      expect(succeeded, job.instanceId).toHaveLength(1);
      expect(
        mine
          .filter((r) => r.status !== 'succeed')
          .every((r) =>
            ['CANCELLED', 'RESTORE_NOT_STARTED', 'RESTORE_TASK_NOT_FOUND'].includes(r.errorCode ?? ''),
          ),
      ).toBe(true);
      // Sent once, ever: the cloud counted one RestoreInstance and ran one task, the one the app followed.
      expect(state.restoreCalls.get(job.instanceId), job.instanceId).toBe(1);
      const ran = cloudTasks.filter((t) => t.instanceId === job.instanceId);
      expect(ran).toHaveLength(1);
      expect(succeeded[0]?.taskId).toBe(String(ran[0]?.id));
    }
    expect(stuck, `restores never finished: ${JSON.stringify(stuck)}`).toEqual([]);
  });
});
