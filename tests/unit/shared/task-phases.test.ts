import { describe, expect, it } from 'vitest';
import {
  isActive,
  isAwaitingCloud,
  isCancellable,
  type RestoreRecord,
  SENDING_QUIET_MS,
} from '../../../shared/tasks';

const at = Date.parse('2026-12-07T03:00:00.000Z');
const record = (over: Partial<RestoreRecord>): Pick<RestoreRecord, 'phase' | 'status' | 'updatedAt'> => ({
  phase: 'accepted',
  status: 'pending',
  updatedAt: new Date(at).toISOString(),
  ...over,
});

describe('restore phases', () => {
  it('may be cancelled only before RestoreInstance leaves', () => {
    expect(isCancellable(record({ phase: 'accepted' }))).toBe(true);
    expect(isCancellable(record({ phase: 'safety-backup' }))).toBe(true);
    for (const phase of ['sending', 'reconciling', 'polling', 'done'] as const)
      expect(isCancellable(record({ phase })), phase).toBe(false);
    expect(isCancellable(record({ phase: 'safety-backup', status: 'refused' }))).toBe(false);
  });

  it('are active until done or terminal', () => {
    expect(isActive(record({ phase: 'polling', status: 'running' }))).toBe(true);
    expect(isActive(record({ phase: 'reconciling', status: 'unknown' }))).toBe(true);
    expect(isActive(record({ phase: 'done', status: 'succeed' }))).toBe(false);
    expect(isActive(record({ phase: 'polling', status: 'outcome-unknown' }))).toBe(false);
  });

  it('say "waiting for the cloud" only after a quiet while in sending', () => {
    const sending = record({ phase: 'sending' });
    expect(isAwaitingCloud(sending, at + SENDING_QUIET_MS - 1)).toBe(false);
    expect(isAwaitingCloud(sending, at + SENDING_QUIET_MS)).toBe(true);
    expect(isAwaitingCloud(record({ phase: 'polling' }), at + 60_000)).toBe(false);
    expect(isAwaitingCloud(record({ phase: 'safety-backup' }), at + 60_000)).toBe(false);
  });
});
