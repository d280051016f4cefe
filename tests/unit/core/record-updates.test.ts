/**
 * The journal steps restores and clones share (record-updates.ts): a record resumed by the phase it stopped
 * in, its end audited with the outcome its status means, and only the cloud's own words kept from a refusal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import {
  acceptedFields,
  auditOutcome,
  cloudWords,
  RecordWriter,
  resumeRecord,
} from '../../../electron/core/tasks/record-updates';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import type { AuditOutcome } from '../../../shared/audit';
import { AppError, describeError } from '../../../shared/errors';
import { isCancellable, type RestoreRecord } from '../../../shared/tasks';

const at = '2026-01-01T00:00:00.000Z';
const base: RestoreRecord = {
  restoreId: '00000000-0000-4000-8000-0000000000aa',
  profileId: '00000000-0000-4000-8000-000000000001',
  profileName: 'prod',
  region: 'ap-guangzhou',
  instanceId: 'crs-1',
  instanceName: 'one',
  backupId: 'b1',
  phase: 'accepted',
  status: 'pending',
  message: '',
  createdAt: at,
  updatedAt: at,
  polls: 0,
};

function setUp() {
  const userData = mkdtempSync(join(tmpdir(), 'crs-records-'));
  const updates: RestoreRecord[] = [];
  const finished: RestoreRecord[] = [];
  const audited: AuditOutcome[] = [];
  const writer = new RecordWriter({
    journal: new RestoreJournal({ userData, logger: createMemoryLogger() }),
    now: () => Date.parse('2026-01-01T00:05:00.000Z'),
    onUpdate: (r) => updates.push(r),
    onFinished: (r) => finished.push(r),
    audit: async (_r, outcome) => {
      audited.push(outcome);
    },
  });
  const followed: string[] = [];
  const reconciled: RestoreRecord[] = [];
  const resume = (record: RestoreRecord, canFollow = true) =>
    resumeRecord(record, {
      writer,
      follow: (r) => followed.push(r.restoreId),
      reconcile: (r) => reconciled.push(r),
      canFollow: () => canFollow,
      texts: { reconciling: 'reconciling', stoppedBeforeSend: 'stopped-before-send' },
    });
  return { writer, updates, finished, audited, followed, reconciled, resume };
}

describe('resuming a record by its phase', () => {
  it('finishes one whose status already ended, auditing that outcome', async () => {
    const w = setUp();
    await w.resume({ ...base, phase: 'polling', status: 'succeed' });
    expect(w.finished.map((r) => [r.phase, r.status, r.endedAt])).toEqual([
      ['done', 'succeed', '2026-01-01T00:05:00.000Z'],
    ]);
    expect(w.audited).toEqual(['succeed']);
  });

  it('follows a polling record only when the service can follow it', async () => {
    const w = setUp();
    await w.resume({ ...base, phase: 'polling', status: 'running' });
    expect(w.followed).toEqual([base.restoreId]);
    const v = setUp();
    await v.resume({ ...base, phase: 'polling', status: 'running' }, false);
    expect(v.followed).toEqual([]);
    expect(v.finished.map((r) => r.errorCode)).toEqual(['CANCELLED']);
  });

  it('reconciles one that may have been sent, saved as unknown first, never finished', async () => {
    const w = setUp();
    await w.resume({ ...base, phase: 'sending', status: 'pending' });
    expect(w.reconciled.map((r) => [r.phase, r.status, r.messageCode])).toEqual([
      ['reconciling', 'unknown', 'reconciling'],
    ]);
    expect(w.updates).toHaveLength(1);
    expect(w.finished).toEqual([]);
  });

  it('closes one stopped before sending as refused and cancelled', async () => {
    const w = setUp();
    await w.resume({ ...base, phase: 'safety-backup', status: 'pending' });
    expect(w.finished.map((r) => [r.status, r.errorCode, r.messageCode])).toEqual([
      ['refused', 'CANCELLED', 'stopped-before-send'],
    ]);
    expect(w.audited).toEqual(['refused']);
  });
});

describe('a send that threw', () => {
  const rules = (reconciled: RestoreRecord[]) => ({
    unknownCode: 'RESTORE_OUTCOME_UNKNOWN' as const,
    reconciling: 'reconciling' as const,
    unanswered: { message: 'unanswered', messageCode: 'restore-unanswered' as const },
    refused: 'The request failed.',
    reconcile: (r: RestoreRecord) => reconciled.push(r),
  });
  const sending = { ...base, phase: 'sending' as const };

  it('is reconciled, never refused, when its answer was lost', async () => {
    const w = setUp();
    await w.writer.sendFailed(sending, new AppError('RESTORE_OUTCOME_UNKNOWN'), rules(w.reconciled));
    expect(w.reconciled.map((r) => [r.phase, r.status, r.errorCode])).toEqual([
      ['reconciling', 'unknown', 'RESTORE_OUTCOME_UNKNOWN'],
    ]);
    expect(w.audited).toEqual(['unknown']);
    expect(w.finished).toEqual([]);
  });

  it('is refused with the catalog text and the cloud’s own words otherwise', async () => {
    const w = setUp();
    const error = new AppError('PAY_FAILED', undefined, {
      cloudCode: 'FailedOperation.PayFailed',
      requestId: 'r-9',
    });
    await w.writer.sendFailed(sending, error, rules(w.reconciled));
    expect(w.reconciled).toEqual([]);
    const [ended] = w.finished;
    expect(ended).toMatchObject({
      phase: 'done',
      status: 'refused',
      errorCode: 'PAY_FAILED',
      errorDetails: { cloudCode: 'FailedOperation.PayFailed', requestId: 'r-9' },
      message: describeError('PAY_FAILED').message,
    });
  });

  it('is refused as INTERNAL when it was not an app error', async () => {
    const w = setUp();
    await w.writer.sendFailed(sending, new TypeError('boom'), rules(w.reconciled));
    expect(w.finished.map((r) => [r.status, r.errorCode, r.errorDetails])).toEqual([
      ['refused', 'INTERNAL', undefined],
    ]);
  });
});

describe('a new record', () => {
  it('starts accepted and pending, sent nowhere and never polled, saying its preflight passed', () => {
    const fresh = acceptedFields(at);
    // Still cancellable: nothing has left for the cloud.
    expect(isCancellable(fresh)).toBe(true);
    expect(fresh.status).toBe('pending');
    expect(fresh.messageCode).toBe('preflight-passed');
    expect([fresh.createdAt, fresh.updatedAt, fresh.polls]).toEqual([at, at, 0]);
  });
});

describe('the audit outcome of a status', () => {
  it.each([
    ['pending', 'unknown'],
    ['unknown', 'unknown'],
    ['preparing', 'started'],
    ['running', 'started'],
    ['failed', 'failed'],
    ['outcome-unknown', 'outcome-unknown'],
  ] as const)('%s is audited as %s', (status, outcome) => {
    expect(auditOutcome(status)).toBe(outcome);
  });
});

describe("the cloud's words from an error", () => {
  it('keeps only the string code, message and request id', () => {
    expect(
      cloudWords({ cloudCode: 'FailedOperation', requestId: 'r-1', cloudMessage: 7, other: 'x' }),
    ).toEqual({ cloudCode: 'FailedOperation', requestId: 'r-1' });
  });

  it('is nothing when the cloud said nothing', () => {
    expect(cloudWords({ other: 'x' })).toBeUndefined();
    expect(cloudWords(undefined)).toBeUndefined();
  });
});
