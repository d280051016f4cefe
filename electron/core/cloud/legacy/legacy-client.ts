/**
 * CRS over the legacy v2 API (`/v2/index.php`, form POST, HmacSHA1 or HmacSHA256). Tencent retired it on
 * the public cloud; it remains for older private deployments and the sandbox. Same CrsApi contract as the
 * API 3.0 client, same call lifecycle (CallRunner), different envelope: `{code, message, codeDesc, data}`.
 */
import type { z } from 'zod';
import type { Instance, RestoreTask } from '../../../../shared/domain';
import { AppError, mapCloudError } from '../../../../shared/errors';
import type {
  BackupDetail,
  BackupDownloadFile,
  BackupDownloadRestriction,
  BackupFileParams,
  BackupsPage,
  CloneOrder,
  CrsApi,
  CrsClientOptions,
  DealDetail,
  DescribeBackupsParams,
  DescribeInstancesParams,
  DescribeTaskParams,
  InstanceSecurityGroups,
  InstanceSpec,
  ListRestoreTasksParams,
  ManualBackupParams,
  PriceQuote,
  RestoreInstanceParams,
  RestoreTaskSummary,
  SecondLevelBackupInfo,
  ZoneSale,
} from '../crs-api';
import {
  cloudTimeParam,
  optionalIds,
  taskListBegin,
  unknownTaskStatus,
  withTime,
} from '../parsing/client-support';
import { CLOUD_UTC_OFFSET_MINUTES, cloudTimeToIso } from '../parsing/cloud-time';
import { placeholderId } from '../parsing/lenient-rows';
import { legacyTaskStatusOf } from '../parsing/normalize';
import { describeIssues, parseJson } from '../parsing/wire-schemas';
import { CallRunner, type CallSpec, type Parsed } from '../transport/call-runner';
import { DEFAULT_LEGACY_ENDPOINT, type Endpoint, parseEndpoint } from '../transport/endpoint';
import type { CrsOperation } from '../transport/rate-limiter';
import type { WireResponse } from '../transport/transport';
import { legacyBackup, legacyInstance } from './legacy-rows';
import * as S from './legacy-schemas';
import { type LegacyParams, legacyFormBody, legacySign, legacyStringToSign } from './legacy-signer';

export const LEGACY_PATH = '/v2/index.php';

export class LegacyCrsClient implements CrsApi {
  readonly generation = 'legacy-v2' as const;
  readonly #options: CrsClientOptions;
  readonly #endpoint: Endpoint;
  readonly #runner: CallRunner;
  readonly #tzOffset: number;

  constructor(options: CrsClientOptions) {
    this.#options = options;
    this.#endpoint = parseEndpoint(options.endpoint, DEFAULT_LEGACY_ENDPOINT);
    this.#runner = new CallRunner(options, 'legacy-v2', options.logger.child('crs-legacy'));
    this.#tzOffset = options.cloudUtcOffsetMinutes ?? CLOUD_UTC_OFFSET_MINUTES;
  }

  get clockOffsetMs(): number {
    return this.#runner.clockOffsetMs;
  }

  async describeInstances(
    params: DescribeInstancesParams,
  ): Promise<{ total: number; instances: Instance[] }> {
    const ids = params.instanceIds ?? [];
    // DescribeRedis filters by one redisId only; several ids become one lookup each, merged.
    if (ids.length > 1) {
      const instances: Instance[] = [];
      for (const id of ids) {
        const page = await this.describeInstances({ ...params, instanceIds: [id], offset: 0, limit: 1 });
        instances.push(...page.instances);
      }
      return { total: instances.length, instances };
    }
    const query: LegacyParams = { limit: params.limit, offset: params.offset };
    if (ids[0]) query.redisId = ids[0];
    if (params.searchKeys?.[0]) query.redisName = params.searchKeys[0];
    if (params.orderBy === 'projectId' || params.orderBy === 'createtime') query.orderBy = params.orderBy;
    if (params.orderType !== undefined) query.orderType = params.orderType;
    params.projectIds?.forEach((id, index) => {
      query[`projectIds.${index}`] = id;
    });
    const data = await this.#call(
      'DescribeInstances',
      'DescribeRedis',
      params.region,
      query,
      S.DescribeRedisResponseSchema,
      {
        instanceIds: optionalIds(ids),
      },
      undefined,
      params.once ? 1 : undefined,
    );
    const set = data.data.redisSet ?? [];
    const instances = set.map((raw, at) =>
      legacyInstance(raw, params.region, placeholderId(params.region, params.offset + at), this.#tzOffset),
    );
    return { total: data.totalCount ?? data.data.totalCount ?? instances.length, instances };
  }

  /**
   * GetRedisBackupList has no status filter (its inputs are limit, offset, redisId, beginTime, endTime:
   * crs-api.md §1.6), so the answer lists whatever statuses the server returns by default and says so.
   */
  async describeBackups(params: DescribeBackupsParams): Promise<BackupsPage> {
    const query: LegacyParams = { redisId: params.instanceId, limit: params.limit, offset: params.offset };
    const begin = cloudTimeParam(params.beginTime, 'beginTime', this.#tzOffset);
    const end = cloudTimeParam(params.endTime, 'endTime', this.#tzOffset);
    if (begin) query.beginTime = begin;
    if (end) query.endTime = end;
    const data = await this.#call(
      'DescribeInstanceBackups',
      'GetRedisBackupList',
      params.region,
      query,
      S.GetRedisBackupListResponseSchema,
      { instanceId: params.instanceId },
    );
    const nowMs = this.#options.now();
    const scope = params.beginTime ?? '';
    const backups = (data.data.redisBackupSet ?? []).map((raw, at) =>
      legacyBackup(raw, params.instanceId, nowMs, placeholderId(scope, params.offset + at), this.#tzOffset),
    );
    const total = data.totalCount ?? data.data.totalCount ?? backups.length;
    return { total, backups, statusCoverage: 'server-default' };
  }

  async restoreInstance(params: RestoreInstanceParams): Promise<{ taskId: string }> {
    // The legacy API always verifies the password; an empty one gets the cloud's own error (10712).
    const query: LegacyParams = {
      redisId: params.instanceId,
      backupId: params.backupId,
      password: params.password ?? '',
    };
    const data = await this.#call(
      'RestoreInstance',
      'RestoreInstance',
      params.region,
      query,
      S.LegacyTaskCreatedSchema,
      { instanceId: params.instanceId, backupId: params.backupId },
      'RESTORE_OUTCOME_UNKNOWN',
    );
    return { taskId: data.data.requestId };
  }

  async describeTask(params: DescribeTaskParams): Promise<RestoreTask> {
    const data = await this.#call(
      'DescribeTaskInfo',
      'DescribeTaskInfo',
      params.region,
      { requestId: params.taskId },
      S.LegacyTaskInfoSchema,
      { taskId: params.taskId },
    );
    const status = legacyTaskStatusOf(data.data.status);
    if (!status) throw unknownTaskStatus(data.data.status, params.taskId);
    // The legacy task answer carries only a status; there is no message or start time to pass on.
    return { taskId: params.taskId, status, statusRaw: data.data.status, message: '' };
  }

  async manualBackup(params: ManualBackupParams): Promise<{ taskId: string; backupId?: string }> {
    // Legacy ManualBackupInstance takes redisId and remark; it has no retention parameter.
    const query: LegacyParams = { redisId: params.instanceId };
    if (params.remark) query.remark = params.remark;
    const data = await this.#call(
      'ManualBackupInstance',
      'ManualBackupInstance',
      params.region,
      query,
      S.LegacyTaskCreatedSchema,
      { instanceId: params.instanceId },
      'BACKUP_OUTCOME_UNKNOWN',
    );
    return { taskId: data.data.requestId, ...(data.data.backupId ? { backupId: data.data.backupId } : {}) };
  }

  async listRestoreTasks(params: ListRestoreTasksParams): Promise<RestoreTaskSummary[]> {
    const query: LegacyParams = {
      redisId: params.instanceId,
      limit: 100,
      offset: 0,
      'taskType.0': 'task_restoreBackup',
    };
    query.beginTime = taskListBegin(params.since, this.#options.now() + this.clockOffsetMs, this.#tzOffset);
    const data = await this.#call(
      'DescribeTaskList',
      'GetRedisTaskList',
      params.region,
      query,
      S.LegacyTaskListSchema,
      {
        instanceId: params.instanceId,
      },
    );
    // The legacy list has no task id: reconciliation then follows the task through this list. Only a backup
    // restore counts: restoreStream (the list's other restore flow, 回档) is not what RestoreInstance starts.
    return (data.data.redisTaskSet ?? [])
      .filter(
        (t) =>
          (!t.redisId || t.redisId === params.instanceId) &&
          (t.taskName ?? 'restoreBackup') === 'restoreBackup',
      )
      .map((t) => {
        const status = legacyTaskStatusOf(t.status);
        return {
          status: status ?? 'running',
          ...withTime('startTime', cloudTimeToIso(t.startTime, this.#tzOffset)),
          ...(status ? {} : { unknownStatus: String(t.status) }),
        };
      });
  }

  // Restore into a new instance (issue 20): the legacy v2 API documents no clone, price inquiry, order,
  // second-level backup, security group or sale-information action (the legacy Redis pages of
  // tencentyun/qcloud-documents, api/数据库/云存储Redis/), so each says so instead of guessing.
  cloneInstances(): Promise<CloneOrder> {
    return notInLegacy('CloneInstances');
  }

  inquiryPriceCreateInstance(): Promise<PriceQuote> {
    return notInLegacy('InquiryPriceCreateInstance');
  }

  describeDeals(): Promise<DealDetail[]> {
    return notInLegacy('DescribeInstanceDealDetail');
  }

  describeSecondLevelBackupInfo(): Promise<SecondLevelBackupInfo> {
    return notInLegacy('DescribeSecondLevelBackupInfo');
  }

  describeInstanceSecurityGroups(): Promise<InstanceSecurityGroups> {
    return notInLegacy('DescribeInstanceSecurityGroup');
  }

  describeProductInfo(): Promise<ZoneSale[]> {
    return notInLegacy('DescribeProductInfo');
  }

  describeInstanceSpec(): Promise<InstanceSpec | undefined> {
    return notInLegacy('DescribeInstances (clone spec)');
  }

  /**
   * GetBackupDownloadUrl answers one link per network and no file name or size (查询备份下载地址.md): the file
   * is named after the link's path (its example serves `/download/dump.rdb`), else `dump.rdb`.
   */
  async describeBackupUrl(params: BackupFileParams): Promise<BackupDownloadFile[]> {
    const data = await this.#call(
      'DescribeBackupUrl',
      'GetBackupDownloadUrl',
      params.region,
      { redisId: params.instanceId, backupId: params.backupId },
      S.LegacyBackupDownloadUrlSchema,
      { instanceId: params.instanceId, backupId: params.backupId },
    );
    const { extranet, intranet } = data.data;
    if (!extranet && !intranet) return [];
    return [
      {
        fileName: fileNameOf(extranet ?? intranet ?? '') ?? 'dump.rdb',
        ...(extranet ? { url: extranet } : {}),
        ...(intranet ? { innerUrl: intranet } : {}),
      },
    ];
  }

  /** The legacy API has no backup detail action: whether a backup is encrypted cannot be known. */
  async describeBackupDetail(_params: BackupFileParams): Promise<BackupDetail> {
    return {};
  }

  /** No legacy counterpart of DescribeBackupDownloadRestriction exists (the legacy Redis API list). */
  async describeBackupDownloadRestriction(_params: {
    region: string;
  }): Promise<BackupDownloadRestriction | undefined> {
    return undefined;
  }

  #call<T>(
    operation: CrsOperation,
    action: string,
    region: string,
    actionParams: LegacyParams,
    schema: z.ZodType<T>,
    ids: CallSpec<T>['ids'],
    unknownOutcome?: 'RESTORE_OUTCOME_UNKNOWN' | 'BACKUP_OUTCOME_UNKNOWN',
    maxAttempts?: number,
  ): Promise<T> {
    const endpoint = this.#endpoint;
    const method = this.#options.signatureMethod ?? 'HmacSHA1';
    const spec: CallSpec<T> = {
      operation,
      action,
      region,
      ids,
      ...(unknownOutcome ? { write: { unknownOutcome } } : {}),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      build: (credentials, timestamp) => {
        const params: LegacyParams = {
          ...actionParams,
          Action: action,
          Region: region,
          Timestamp: timestamp,
          // A fresh positive Nonce per attempt: a retry must not look like a replay (code 4500).
          Nonce: 1 + Math.floor(this.#options.random() * 2_147_483_646),
          SecretId: credentials.secretId,
        };
        if (method === 'HmacSHA256') params.SignatureMethod = 'HmacSHA256';
        if (credentials.token) params.Token = credentials.token;
        const stringToSign = legacyStringToSign('POST', endpoint.host, LEGACY_PATH, params);
        const signature = legacySign(stringToSign, credentials.secretKey, method);
        return {
          url: `${endpoint.origin}${LEGACY_PATH}`,
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: legacyFormBody(params, signature),
        };
      },
      parse: (response) => parseLegacy(response, schema),
    };
    return this.#runner.run(spec);
  }
}

/** The last path segment of a link, when it looks like a file name. */
function fileNameOf(link: string): string | undefined {
  try {
    const last = new URL(link).pathname.split('/').pop() ?? '';
    return /^[\w.-]{1,200}$/.test(last) ? last : undefined;
  } catch {
    return undefined;
  }
}

/** Legacy envelope: `code` 0 is success (number or string); anything else is a cloud error. */
export function parseLegacy<T>(response: WireResponse, schema: z.ZodType<T>): Parsed<T> {
  const json = parseJson(response.body);
  if (!json.ok) return { kind: 'bad-response', reason: 'body is not JSON' };
  const envelope = S.LegacyEnvelopeSchema.safeParse(json.value);
  if (!envelope.success)
    return { kind: 'bad-response', reason: `no legacy envelope (${describeIssues(envelope.error)})` };
  if (envelope.data.code !== 0) {
    const message = [envelope.data.codeDesc, envelope.data.message].filter(Boolean).join(' ');
    const mapping = mapCloudError({ generation: 'legacy-v2', code: envelope.data.code, message });
    return { kind: 'cloud-error', mapping };
  }
  const data = schema.safeParse(json.value);
  if (!data.success) return { kind: 'bad-response', reason: describeIssues(data.error) };
  return { kind: 'ok', value: data.data };
}

/** Refused before anything is sent: the legacy API has no such action. */
function notInLegacy(action: string): Promise<never> {
  return Promise.reject(new AppError('NOT_IN_LEGACY_API', undefined, { action }));
}
