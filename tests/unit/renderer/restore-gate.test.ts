/** The restore gate: opens only when every condition holds; an incomplete instance or backup row keeps it shut. */
import { describe, expect, it } from 'vitest';
import { type GateInput, restoreGate } from '../../../renderer/src/components/restore/restore-gate';

const passed: GateInput = {
  preflightStatus: 'ready',
  preflight: {
    passed: true,
    checks: [{ id: 'backup-found', ok: true, detail: '' }],
    requiresPassword: false,
    requiresTypedConfirmation: false,
    hasSavedPassword: false,
  } as unknown as GateInput['preflight'],
  needsPassword: false,
  password: '',
  useSavedPassword: false,
  needsTyped: false,
  typed: '',
  expected: 'orders',
  fleetUsable: true,
  outcomeUnknown: false,
  incomplete: [],
};

describe('restore gate', () => {
  it('opens when everything holds', () => {
    expect(restoreGate(passed)).toEqual({ enabled: true, missing: [] });
  });

  it('stays shut while a listing row of the instance or the backup is incomplete', () => {
    const gate = restoreGate({ ...passed, incomplete: ['Locked'] });
    expect(gate).toEqual({ enabled: false, missing: ['incomplete'] });
  });
});
