/**
 * When the Restore button may be pressed, as one pure function so the rule is tested on its own and the
 * dialog can list exactly what is still missing. The rules themselves come from shared/restore-rules.ts.
 */
import type { PreflightResult } from '../../../../shared/ipc-contract';
import type { LoadStatus } from '../../store/types';

export type GateReason = 'preflight' | 'password' | 'typed' | 'stale' | 'unknown' | 'incomplete';

export interface GateInput {
  preflightStatus: LoadStatus;
  preflight?: PreflightResult;
  needsPassword: boolean;
  password: string;
  useSavedPassword: boolean;
  needsTyped: boolean;
  typed: string;
  expected: string;
  fleetUsable: boolean;
  outcomeUnknown: boolean;
  /**
   * Fields the cloud left out of, or sent malformed in, the listing rows of the instance and the backup
   * (as the fleet, the backups list and the preflight saw them). Any one refuses the restore.
   */
  incomplete: readonly string[];
}

export function preflightPassed(status: LoadStatus, preflight?: PreflightResult): boolean {
  // Both the summary flag and every single check must agree: a core bug in one must not open the gate.
  return (
    status === 'ready' && preflight !== undefined && preflight.passed && preflight.checks.every((c) => c.ok)
  );
}

export function restoreGate(input: GateInput): { enabled: boolean; missing: GateReason[] } {
  const missing: GateReason[] = [];
  if (input.outcomeUnknown) missing.push('unknown');
  if (!input.fleetUsable) missing.push('stale');
  if (input.incomplete.length > 0) missing.push('incomplete');
  if (!preflightPassed(input.preflightStatus, input.preflight)) missing.push('preflight');
  if (input.needsPassword && !input.useSavedPassword && input.password.length === 0) missing.push('password');
  // Exact match, as main checks it again with the same text.
  if (input.needsTyped && input.typed !== input.expected) missing.push('typed');
  return { enabled: missing.length === 0, missing };
}
