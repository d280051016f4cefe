/**
 * Polling cost, in real time (no fake clock): 50 restores started at once through the product's
 * RestoreService (preflight, RestoreInstance once, TaskFollower polling with its back-off) against a
 * `fleet:200` sandbox at 50 ms latency. The sandbox logs every request's arrival, so the figures are what
 * the cloud would see: DescribeTaskInfo calls per restore-minute, and the peak requests in any one-second
 * window per action against the published limit.
 */

import { startBenchCore } from './lib/bench-core';
import { startLoggingSandbox } from './lib/logging-sandbox';
import { type Bench, type Figure, target } from './lib/results';
import { peakInWindow, round, sleep } from './lib/stats';

const PUBLISHED_LIMITS: Readonly<Record<string, number>> = {
  DescribeInstances: 35,
  DescribeInstanceBackups: 50,
  RestoreInstance: 20,
  DescribeTaskInfo: 20,
};
const RESTORES = 50;

/** The fleet seed's password for an instance named `<word>-<ordinal>` (sandbox/seeds/fleet.ts). */
const fleetPassword = (name: string) => `Fleet#${Number(name.split('-').pop())}`;

export const polling: Bench = async ({ quick, log }) => {
  const taskSeconds = quick ? 80 : 200;
  const sandbox = await startLoggingSandbox({ seed: 'fleet:200', latencyMs: 50, taskSeconds });
  const h = await startBenchCore(sandbox);
  const { profile } = h;
  try {
    const fleet = await h.value('fleet:refresh', { profileId: profile.id });
    const targets = fleet.instances.filter((i) => i.status === 'running').slice(0, RESTORES);
    if (targets.length < RESTORES) throw new Error(`only ${targets.length} running instances`);
    await sleep(1200);
    sandbox.clear();
    const t0 = Date.now();
    // What 50 dialogs opened at once would do: list each instance's backups, then start its restore.
    const started = await Promise.all(
      targets.map(async (instance) => {
        const { backups } = await h.value('backups:list', {
          profileId: profile.id,
          region: instance.region,
          instanceId: instance.id,
          span: 7,
        });
        const backup = backups.find((b) => b.restorable);
        if (!backup) throw new Error(`no restorable backup for ${instance.id}`);
        return h.value('restore:start', {
          profileId: profile.id,
          region: instance.region,
          instanceId: instance.id,
          backupId: backup.id,
          password: fleetPassword(instance.name),
          confirmation: instance.name,
        });
      }),
    );
    const sentAt = Date.now();
    log(`polling: ${started.length} restores started in ${sentAt - t0} ms; following for ~${taskSeconds} s`);
    for (;;) {
      await sleep(5000);
      const open = (await h.value('tasks:list', {})).filter((r) => r.phase !== 'done');
      if (open.length === 0 || Date.now() - sentAt > (taskSeconds + 60) * 1000) break;
    }
    const records = await h.value('tasks:list', {});
    const succeeded = records.filter((r) => r.status === 'succeed').length;
    const report = await sandbox.report();
    const { requests } = report;

    // Calls per restore-minute after the first minute, while every task was still running.
    const from = sentAt + 60_000;
    const until = t0 + taskSeconds * 1000;
    const later = requests.filter((r) => r.action === 'DescribeTaskInfo' && r.atMs >= from && r.atMs < until);
    const perRestoreMinute = later.length / RESTORES / ((until - from) / 60_000);
    const firstMinute = requests.filter(
      (r) => r.action === 'DescribeTaskInfo' && r.atMs >= t0 && r.atMs < sentAt + 60_000,
    ).length;
    const restoreCalls = Object.values(report.restoreCalls);

    const figures: Figure[] = [
      {
        name: `${RESTORES} concurrent restores: finished successfully`,
        value: `${succeeded}/${RESTORES}`,
        unit: '',
        target: target('all', succeeded === RESTORES),
      },
      {
        name: 'RestoreInstance calls per restore (max)',
        value: Math.max(...restoreCalls),
        unit: '',
        target: target('exactly 1', restoreCalls.length === RESTORES && restoreCalls.every((c) => c === 1)),
      },
      {
        name: 'DescribeTaskInfo per restore, first minute',
        value: round(firstMinute / RESTORES),
        unit: 'calls',
      },
      {
        name: 'DescribeTaskInfo per restore-minute after the first',
        value: round(perRestoreMinute, 2),
        unit: 'calls/min',
        target: target('≤ 12', perRestoreMinute <= 12),
      },
    ];
    for (const [action, limit] of Object.entries(PUBLISHED_LIMITS)) {
      const times = requests.filter((r) => r.action === action).map((r) => r.atMs);
      if (times.length === 0) continue;
      const peak = peakInWindow(times);
      const refused = report.rateLimited[action] ?? 0;
      figures.push({
        name: `peak ${action} in any 1 s (${times.length} requests)`,
        value: peak,
        unit: 'req/s',
        target: target(`≤ ${limit}/s`, peak <= limit),
        ...(refused > 0 ? { note: `${refused} answered RequestLimitExceeded` } : {}),
      });
    }
    return figures;
  } finally {
    await h.close();
    await sandbox.stop();
  }
};
