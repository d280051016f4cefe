/**
 * What restores and clones do to their shared journal alike: every change stamped and announced, the end
 * written once with its audit entry, the cloud's own words kept from a refusal, and an unfinished record
 * resumed by the phase it stopped in. Each service keeps its own rules (what to send, what to audit, which
 * texts to show); only these steps are common.
 */
import type { AuditOutcome } from '../../../shared/audit';
import { AppError, describeError, isAppErrorCode } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import type { Preferences } from '../../../shared/settings';
import { isTerminal, type RestoreRecord, type TaskMessageCode, taskText } from '../../../shared/tasks';
import type { AuditLog } from '../audit/audit-log';
import type { AuditText } from '../audit/audit-text';
import { taskSaid } from '../audit/audit-text';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';
import type { TimerFns } from './follow-schedule';
import type { RestoreJournal } from './restore-journal';

/** What a restore or clone service is built with (app-core.ts builds both from one such object). */
export interface TaskServiceDeps extends TimerFns {
  journal: RestoreJournal;
  audit: AuditLog;
  profile: (id: string) => StoredProfile;
  api: (profile: StoredProfile) => CrsApi;
  preferences: () => Preferences;
  now: () => number;
  logger: Logger;
  onUpdate: (record: RestoreRecord) => void;
  onFinished: (record: RestoreRecord) => void;
}

export interface RecordWriterDeps {
  journal: RestoreJournal;
  now: () => number;
  onUpdate: (record: RestoreRecord) => void;
  onFinished: (record: RestoreRecord) => void;
  /** The service's own audit entry for a record. */
  audit: (record: RestoreRecord, outcome: AuditOutcome, text: AuditText) => Promise<void>;
}

export class RecordWriter {
  readonly #deps: RecordWriterDeps;

  constructor(deps: RecordWriterDeps) {
    this.#deps = deps;
  }

  /** Writes the record with a fresh updatedAt and tells the window. */
  async save(record: RestoreRecord): Promise<RestoreRecord> {
    const saved = await this.#deps.journal.write({
      ...record,
      updatedAt: new Date(this.#deps.now()).toISOString(),
    });
    this.#deps.onUpdate(saved);
    return saved;
  }

  /** Marks the record done, audits how it ended and announces the end. */
  async finish(record: RestoreRecord): Promise<RestoreRecord> {
    const ended = await this.save({
      ...record,
      phase: 'done',
      endedAt: new Date(this.#deps.now()).toISOString(),
    });
    await this.#deps.audit(ended, auditOutcome(ended.status), taskSaid(ended));
    this.#deps.onFinished(ended);
    return ended;
  }

  /**
   * Closes the send of a request that threw. A lost answer (`rules.unknownCode`) may hide a request that
   * arrived: the record is reconciled, never sent again. Any other error is a refusal, keeping the cloud's
   * own code, message and request id.
   */
  async sendFailed(record: RestoreRecord, error: unknown, rules: SendFailureRules): Promise<void> {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (code === rules.unknownCode) {
      const unknown = await this.save({
        ...record,
        phase: 'reconciling',
        status: 'unknown',
        errorCode: code,
        ...taskText(rules.reconciling),
      });
      await this.#deps.audit(unknown, 'unknown', rules.unanswered);
      rules.reconcile(unknown);
      return;
    }
    const message = isAppErrorCode(code) ? describeError(code).message : rules.refused;
    const cloud = error instanceof AppError ? cloudWords(error.details) : undefined;
    await this.finish({
      ...record,
      status: 'refused',
      errorCode: code,
      ...(cloud ? { errorDetails: cloud } : {}),
      ...taskText('error', { text: message }),
    });
  }
}

export interface SendFailureRules {
  /** The error code of a request sent whose answer was lost. */
  unknownCode: 'RESTORE_OUTCOME_UNKNOWN' | 'CLONE_OUTCOME_UNKNOWN';
  reconciling: TaskMessageCode;
  /** The audit entry of a lost answer. */
  unanswered: AuditText;
  /** What a refusal says when its code is not in the catalog. */
  refused: string;
  reconcile: (record: RestoreRecord) => void;
}

/** How every new record starts: accepted after its preflight passed, nothing sent, not yet polled. */
export function acceptedFields(at: string) {
  return {
    phase: 'accepted',
    status: 'pending',
    ...taskText('preflight-passed'),
    createdAt: at,
    updatedAt: at,
    polls: 0,
  } satisfies Partial<RestoreRecord>;
}

/** The audit outcome of a record's status: a status that has not ended is not an outcome the app knows. */
export function auditOutcome(status: RestoreRecord['status']): AuditOutcome {
  if (status === 'unknown' || status === 'pending') return 'unknown';
  if (status === 'preparing' || status === 'running') return 'started';
  return status;
}

/** The cloud's code, message and request id from an error's details, when the cloud answered. */
export function cloudWords(details: Record<string, unknown> | undefined): RestoreRecord['errorDetails'] {
  const pick = (key: string) => (typeof details?.[key] === 'string' ? (details[key] as string) : undefined);
  const words = {
    ...(pick('cloudCode') ? { cloudCode: pick('cloudCode') } : {}),
    ...(pick('cloudMessage') ? { cloudMessage: pick('cloudMessage') } : {}),
    ...(pick('requestId') ? { requestId: pick('requestId') } : {}),
  };
  return Object.keys(words).length > 0 ? words : undefined;
}

export interface ResumeSteps {
  writer: RecordWriter;
  /** Follows a record whose request is known to have left with an answer. */
  follow: (record: RestoreRecord) => void;
  /** Looks for a request that may have left unanswered; never sends it again. */
  reconcile: (record: RestoreRecord) => void;
  /** Whether a record in the polling phase can be followed (a restore needs its task id). */
  canFollow: (record: RestoreRecord) => boolean;
  texts: { reconciling: TaskMessageCode; stoppedBeforeSend: TaskMessageCode };
}

/**
 * Resumes one unfinished record by the phase it stopped in. A record whose status already ended is finished
 * (the app may have died between learning the outcome and recording it); one that may have been sent is
 * reconciled; one stopped before sending is closed as refused, since nothing reached the cloud.
 */
export async function resumeRecord(record: RestoreRecord, steps: ResumeSteps): Promise<void> {
  const { writer } = steps;
  if (isTerminal(record.status)) await writer.finish(record);
  else if (record.phase === 'polling' && steps.canFollow(record)) steps.follow(record);
  else if (record.phase === 'sending' || record.phase === 'reconciling') {
    steps.reconcile(
      await writer.save({
        ...record,
        phase: 'reconciling',
        status: 'unknown',
        ...taskText(steps.texts.reconciling),
      }),
    );
  } else {
    await writer.finish({
      ...record,
      status: 'refused',
      errorCode: 'CANCELLED',
      ...taskText(steps.texts.stoppedBeforeSend),
    });
  }
}
