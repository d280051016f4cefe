// Injected failures for client tests. "before" faults hit the request before the service sees it (as a
// broken network or gateway would); "after" faults let the service act and then spoil the answer, so a
// test can check that a client copes with "the restore started but I never heard back".
import type { SandboxState } from '../state/store.js';
import type { TaskKind } from '../state/types.js';

export const FAULT_KINDS = [
  'latency',
  'reset',
  'drop',
  'http5xx',
  'malformedJson',
  'rateLimit',
  'failTask',
  'hang',
  'apiError',
  'cutDownload',
  'restrictDownload',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests for this action (API 3.0 or legacy name); all actions when absent. */
  action?: string;
  /** How many matching requests (or tasks) it affects; "always" until cleared. Default 1. */
  count?: number | 'always';
  /** latency: extra milliseconds. */
  ms?: number;
  /** http5xx: status code (500–599, default 502). */
  status?: number;
  /** failTask: the TaskMessage of the failed task. */
  message?: string;
  /** apiError: the API 3.0 code answered instead of running the action (one of API_ERROR_CODES). */
  code?: string;
  /** cutDownload: body bytes sent before the connection is cut. */
  bytes?: number;
}

/**
 * Codes in the official per-action error lists (Go SDK tencentcloud/redis/v20180412/client.go) that no
 * seeded state can produce: faults of Tencent's own systems (errors.go: SystemError "内部系统错误，和业务
 * 无关", CommitFlowError "提交工作流失败", DbOperationFailed "统一的 DB 操作错误", InternalError "内部错误",
 * Unknown — described there only as "weekday输入无效数据"), and UnsupportedOperation, for which no trigger
 * is documented. apiError answers one of them (legacy: 6000) without running the action.
 */
export const API_ERROR_CODES = [
  'FailedOperation.SystemError',
  'FailedOperation.Unknown',
  'FailedOperation.CommitFlowError',
  'InternalError.DbOperationFailed',
  'InternalError.InternalError',
  'UnsupportedOperation',
  // DescribeBackupUrl's list (client.go) also names these; errors.go describes them as a whitelist miss,
  // "redis 集群版不允许接入安全组", "自动续费标识错误" and "只有集群版实例支持导出备份" — none with a trigger
  // this action documents.
  'UnauthorizedOperation.UserNotInWhiteList',
  'UnsupportedOperation.ClusterInstanceAccessedDeny',
  'UnsupportedOperation.IsAutoRenewError',
  'UnsupportedOperation.OnlyClusterInstanceCanExportBackup',
] as const;

export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number | 'always';
}

const AFTER_KINDS: ReadonlySet<FaultKind> = new Set(['malformedJson', 'hang']);

/**
 * Faults of the backup file server (sandbox/files/file-server.ts), never of the API: cutDownload cuts the
 * connection after `bytes` body bytes; restrictDownload answers 403 as a download restricted to a VPC.
 */
export const FILE_FAULT_KINDS: ReadonlySet<FaultKind> = new Set(['cutDownload', 'restrictDownload']);

/** Validates untrusted JSON from the admin endpoint; returns the spec or an error message. */
export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'a fault must be an object';
  const raw = input as Record<string, unknown>;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  }
  const spec: FaultSpec = { kind: kind as FaultKind };
  if (raw.action !== undefined) {
    if (typeof raw.action !== 'string' || raw.action === '') return 'action must be a non-empty string';
    spec.action = raw.action;
  }
  if (raw.count !== undefined) {
    const ok = raw.count === 'always' || (Number.isInteger(raw.count) && (raw.count as number) >= 1);
    if (!ok) return 'count must be a positive integer or "always"';
    spec.count = raw.count as number | 'always';
  }
  if (raw.ms !== undefined) {
    if (!Number.isInteger(raw.ms) || (raw.ms as number) < 0 || (raw.ms as number) > 600_000)
      return 'ms must be 0..600000';
    spec.ms = raw.ms as number;
  }
  if (raw.status !== undefined) {
    if (!Number.isInteger(raw.status) || (raw.status as number) < 500 || (raw.status as number) > 599) {
      return 'status must be 500..599';
    }
    spec.status = raw.status as number;
  }
  if (raw.message !== undefined) {
    if (typeof raw.message !== 'string') return 'message must be a string';
    spec.message = raw.message;
  }
  if (raw.code !== undefined || spec.kind === 'apiError') {
    if (typeof raw.code !== 'string' || !(API_ERROR_CODES as readonly string[]).includes(raw.code)) {
      return `code must be one of ${API_ERROR_CODES.join(', ')}`;
    }
    spec.code = raw.code;
  }
  if (FILE_FAULT_KINDS.has(spec.kind) && spec.action !== undefined) {
    return `${spec.kind} applies to the file server, which has no actions: leave out "action"`;
  }
  if (raw.bytes !== undefined || spec.kind === 'cutDownload') {
    if (!Number.isInteger(raw.bytes) || (raw.bytes as number) < 0) return 'bytes must be an integer ≥ 0';
    spec.bytes = raw.bytes as number;
  }
  if (spec.kind === 'failTask' && spec.count === 'always') return 'failTask needs a numeric count';
  return spec;
}

export class FaultBook {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly state: SandboxState) {}

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    if (spec.kind === 'failTask') {
      // Task failures belong to the state: the next created task(s) of that kind carry them.
      const kind: TaskKind | null =
        spec.action === 'RestoreInstance'
          ? 'restore'
          : spec.action === 'ManualBackupInstance'
            ? 'backup'
            : null;
      const count = typeof spec.count === 'number' ? spec.count : 1;
      for (let i = 0; i < count; i++) {
        this.state.plannedFailures.push({
          kind,
          message: spec.message ?? 'Task failed (injected by the sandbox).',
        });
      }
      return id;
    }
    this.faults.push({ ...spec, id, remaining: spec.count ?? 1 });
    return id;
  }

  clear(): void {
    this.faults = [];
    this.state.plannedFailures.length = 0;
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Consumes the faults that apply to one request: every matching latency adds up, and the first
   * matching fault of the given phase decides the outcome.
   */
  take(action: string, phase: 'before' | 'after'): { latencyMs: number; fault: ActiveFault | null } {
    let latencyMs = 0;
    let fault: ActiveFault | null = null;
    for (const f of this.faults) {
      if (FILE_FAULT_KINDS.has(f.kind)) continue;
      if (f.action !== undefined && f.action !== action) continue;
      const isAfter = AFTER_KINDS.has(f.kind);
      if (phase === 'before' && f.kind === 'latency') {
        latencyMs += f.ms ?? 1000;
        this.consume(f);
      } else if (f.kind !== 'latency' && isAfter === (phase === 'after') && fault === null) {
        fault = { ...f };
        this.consume(f);
      }
    }
    this.faults = this.faults.filter((f) => f.remaining === 'always' || f.remaining > 0);
    return { latencyMs, fault };
  }

  /** Consumes the first file-server fault, if any (one per file request). */
  takeFile(): ActiveFault | null {
    const fault = this.faults.find((f) => FILE_FAULT_KINDS.has(f.kind));
    if (!fault) return null;
    this.consume(fault);
    this.faults = this.faults.filter((f) => f.remaining === 'always' || f.remaining > 0);
    return { ...fault };
  }

  private consume(fault: ActiveFault): void {
    if (fault.remaining !== 'always') fault.remaining -= 1;
  }
}
