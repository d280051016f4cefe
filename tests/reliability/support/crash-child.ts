/**
 * One life of the app in the crash-recovery suite, run as its own process and SIGKILLed at random points
 * by the parent: it resumes whatever the journal holds, starts the restores the user still wants (those
 * with no record yet, or whose every record provably sent nothing), and exits 0 once all have succeeded.
 */
import { readFileSync } from 'node:fs';
import { isTerminal, type RestoreRecord } from '../../../shared/tasks';
import { startFileCore } from './file-core';

export interface CrashJob {
  region: string;
  instanceId: string;
  name: string;
  backupId: string;
  password?: string;
}

/** Refusals that prove nothing reached the cloud, so starting the restore again is what the user would do. */
const NOTHING_SENT = new Set(['CANCELLED', 'RESTORE_NOT_STARTED']);

/**
 * A lost answer with no task behind it ends as "outcome unknown — check the console". The simulated user does
 * what that asks: the console (the sandbox) ran no task for it — the suite checks this at the end by counting
 * RestoreInstance calls and tasks per instance — so starting again is what they would do.
 */
const checkedInConsole = (r: RestoreRecord) =>
  r.status === 'outcome-unknown' && r.errorCode === 'RESTORE_TASK_NOT_FOUND';

const wanted = (job: CrashJob, records: RestoreRecord[]) => {
  const mine = records.filter((r) => r.instanceId === job.instanceId);
  return mine.every(
    (r) =>
      r.phase === 'done' &&
      ((r.status === 'refused' && NOTHING_SENT.has(r.errorCode ?? '')) || checkedInConsole(r)),
  );
};

async function main(): Promise<void> {
  const [userData, sandboxUrl, jobsFile, profileId, perLife] = process.argv.slice(2);
  if (!userData || !sandboxUrl || !jobsFile || !profileId)
    throw new Error('usage: USERDATA URL JOBS PROFILE [N]');
  const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as CrashJob[];
  const app = await startFileCore(userData, sandboxUrl);
  // Told the parent it is up, so the kill lands while restores are being started and followed.
  process.stdout.write('ready\n');
  // Each life starts only a few new restores, so kills keep landing mid-start across the whole run.
  const todo = jobs
    .filter((job) => wanted(job, app.core.restores.list()))
    .slice(0, Number(perLife ?? Infinity));
  // A few at a time, as a person clicking through dialogs would; RestoreInstance stays within its limit.
  for (let i = 0; i < todo.length; i += 5) {
    await Promise.all(
      todo.slice(i, i + 5).map(async (job) => {
        const started = await app.call('restore:start', {
          profileId,
          region: job.region,
          instanceId: job.instanceId,
          backupId: job.backupId,
          ...(job.password ? { password: job.password } : {}),
          confirmation: job.name,
        });
        if (!started.ok) console.error(`restore of ${job.instanceId}: ${started.error.code}`);
      }),
    );
  }
  const endedAt = new Map<string, number>();
  for (;;) {
    const records = app.core.restores.list();
    // Open = not yet done. A record whose status ended but whose phase never reached done (a life killed
    // between adopting an ended task and finishing it) is stuck if it stays so; the parent's final check
    // reports it, and waiting for it here would only hang.
    const now = Date.now();
    const open = records.filter((r) => {
      if (r.phase === 'done') return false;
      if (!isTerminal(r.status)) return true;
      const since = endedAt.get(r.restoreId) ?? now;
      endedAt.set(r.restoreId, since);
      return now - since < 20_000;
    });
    const missing = jobs.filter((job) => wanted(job, records));
    if (open.length === 0 && missing.length === 0) break;
    if (open.length === 0) {
      console.error(`${missing.length} restore(s) ended without succeeding`);
      process.exit(3);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await app.core.dispose();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
