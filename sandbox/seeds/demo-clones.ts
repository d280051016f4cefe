// The demo seed's side of restoring into a new instance: an account balance and per-region instance
// quota (so FailedOperation.PayFailed and LimitExceeded come from real state), and second-level backups
// with gaps on two instances (BackupMode SecondLevelBackup; MissingTimestamps). Documented in
// sandbox/README.md.
import type { SandboxState } from '../state/store.js';
import { DAY_MS, nightlyStart } from './factory.js';

const HOUR_MS = 3600_000;

/** 2,000.00 CNY: enough for a month of any demo clone, not for a year of the larger ones. */
export const DEMO_BALANCE_PENT = 200_000;

/** ap-shanghai's quota equals the instances the demo holds there: any clone there is over quota. */
export const DEMO_QUOTAS: ReadonlyMap<string, number> = new Map([['ap-shanghai', 4]]);
export const DEMO_DEFAULT_QUOTA = 20;

export function seedCloneDemo(state: SandboxState, now: number): void {
  const { account } = state.clones;
  account.balancePent = DEMO_BALANCE_PENT;
  account.defaultQuota = DEMO_DEFAULT_QUOTA;
  for (const [region, quota] of DEMO_QUOTAS) account.quotaByRegion.set(region, quota);

  const orders = state.instances.get('crs-demo0001');
  if (orders) {
    // Switched on an hour after the nightly backup of three days ago, so every point in the range has an
    // RDB at or before it; two spans without log.
    orders.secondLevel = {
      sinceMs: nightlyStart(now, 3) + HOUR_MS,
      gaps: [
        { fromMs: now - 30 * HOUR_MS, toMs: now - 29.5 * HOUR_MS },
        { fromMs: now - 5 * HOUR_MS, toMs: now - 5 * HOUR_MS + 10 * 60_000 },
      ],
    };
  }
  const ledger = state.instances.get('crs-demo0014');
  if (ledger) {
    // On for weeks: the range is the last seven days, with one three-hour gap.
    ledger.secondLevel = {
      sinceMs: now - 20 * DAY_MS,
      gaps: [{ fromMs: now - 50 * HOUR_MS, toMs: now - 47 * HOUR_MS }],
    };
  }
  state.instancesChanged();
}
