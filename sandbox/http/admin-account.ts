// POST /__sandbox/account: sets the account facts CloneInstances is checked against, so a demo or an
// end-to-end test can reach FailedOperation.PayFailed or LimitExceeded on purpose, or see prices in another
// currency or amount unit. Every field is optional; anything unknown or out of range is refused whole.
import type { Account } from '../state/deals.js';

export interface AccountPatch {
  /** Balance in pent (1/100) of the account's currency. */
  balancePent?: number;
  currency?: Account['currency'];
  amountUnit?: Account['amountUnit'];
  /** Instance quota of every region not named in quotaByRegion. */
  defaultQuota?: number;
  quotaByRegion?: Record<string, number>;
}

const FIELDS = new Set(['balancePent', 'currency', 'amountUnit', 'defaultQuota', 'quotaByRegion']);
const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** Validates untrusted JSON; returns the patch or an error message. */
export function parseAccountPatch(input: unknown): AccountPatch | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'the body must be a JSON object';
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).find((k) => !FIELDS.has(k));
  if (unknown !== undefined) return `unknown field ${unknown}; allowed: ${[...FIELDS].join(', ')}`;
  const patch: AccountPatch = {};
  if (raw.balancePent !== undefined) {
    if (!count(raw.balancePent)) return 'balancePent must be a whole number ≥ 0';
    patch.balancePent = raw.balancePent as number;
  }
  if (raw.currency !== undefined) {
    if (raw.currency !== 'CNY' && raw.currency !== 'USD') return 'currency must be CNY or USD';
    patch.currency = raw.currency;
  }
  if (raw.amountUnit !== undefined) {
    if (raw.amountUnit !== 'pent' && raw.amountUnit !== 'microPent')
      return 'amountUnit must be pent or microPent';
    patch.amountUnit = raw.amountUnit;
  }
  if (raw.defaultQuota !== undefined) {
    if (!count(raw.defaultQuota)) return 'defaultQuota must be a whole number ≥ 0';
    patch.defaultQuota = raw.defaultQuota as number;
  }
  if (raw.quotaByRegion !== undefined) {
    const quotas = raw.quotaByRegion;
    if (typeof quotas !== 'object' || quotas === null || Array.isArray(quotas))
      return 'quotaByRegion must be an object';
    for (const [region, quota] of Object.entries(quotas)) {
      if (!count(quota)) return `quotaByRegion.${region} must be a whole number ≥ 0`;
    }
    patch.quotaByRegion = quotas as Record<string, number>;
  }
  return patch;
}

export function applyAccountPatch(account: Account, patch: AccountPatch): void {
  if (patch.balancePent !== undefined) account.balancePent = patch.balancePent;
  if (patch.currency !== undefined) account.currency = patch.currency;
  if (patch.amountUnit !== undefined) account.amountUnit = patch.amountUnit;
  if (patch.defaultQuota !== undefined) account.defaultQuota = patch.defaultQuota;
  for (const [region, quota] of Object.entries(patch.quotaByRegion ?? {}))
    account.quotaByRegion.set(region, quota);
}

/** The account as GET /__sandbox/state and this route answer it. */
export function accountView(account: Account) {
  return {
    uin: account.uin,
    balancePent: account.balancePent,
    currency: account.currency,
    amountUnit: account.amountUnit,
    defaultQuota: account.defaultQuota,
    quotaByRegion: Object.fromEntries(account.quotaByRegion),
  };
}
