/**
 * The DescribeInstances answer, checked by hand. It is the one hot response: a 100,000-instance listing is
 * 100 pages of 1000 rows, and the general zod schema spent about a second building a copy of every row only
 * for the client to build the domain object from that copy. This reads each row exactly as
 * `readLenientRow(Api3InstanceShape, API3_INSTANCE_REQUIRED, row)` does (unit-tested against it on sound and
 * broken rows), normalises in place (numeric strings → numbers, null → undefined) and allocates nothing for a
 * complete row. A field that is missing where required, or malformed, is dropped and named: the row is kept
 * as incomplete. Only a page that is not a listing (not an object, no TotalCount, InstanceSet not an array)
 * fails, reported with its path like a zod issue, so the call fails with BAD_RESPONSE.
 */
import { z } from 'zod';
import type { Instance } from '../../../../shared/domain';
import { cloudTimeToIso } from '../parsing/cloud-time';
import { placeholderId } from '../parsing/lenient-rows';
import { api3TypeInfo, instanceStatus } from '../parsing/normalize';
import type { Api3Instance } from './api3-schemas';

type Row = Record<string, unknown>;

class Mismatch extends Error {
  constructor(
    readonly path: Array<string | number>,
    message: string,
  ) {
    super(message);
  }
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `num`: a finite number, or a string holding one (trimmed); NaN when it is neither. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMERIC.test(text) ? Number(text) : Number.NaN;
  }
  return Number.NaN;
}

/** `int`: zod's `.int()` accepts safe integers only; NaN otherwise. */
function toInt(value: unknown): number {
  const n = toNumber(value);
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** Drops `row[key]` and adds `key` to the row's list of incomplete fields, made on the first one. */
function flag(row: Row, key: string, missing: string[] | undefined): string[] {
  row[key] = undefined;
  if (missing === undefined) return [key];
  missing.push(key);
  return missing;
}

const STRING_FIELDS = [
  'InstanceName',
  'Region',
  'InstanceTitle',
  'WanIp',
  'ProjectName',
  'UniqVpcId',
  'UniqSubnetId',
  'Createtime',
  'DeadlineTime',
  'CurrentRedisVersion',
] as const;
const INT_FIELDS = ['ZoneId', 'Port', 'ProjectId'] as const;
const NUM_FIELDS = ['Size', 'SizeUsed'] as const;

function tagsOk(value: unknown[]): boolean {
  for (let t = 0; t < value.length; t++) {
    const tag: unknown = value[t];
    if (!isObject(tag) || typeof tag.TagKey !== 'string') return false;
    const tagValue = tag.TagValue;
    if (tagValue !== null && tagValue !== undefined && typeof tagValue !== 'string') return false;
  }
  return true;
}

/** A required integer (`Status`, `Type`): normalised in place, or flagged when missing or malformed. */
function requiredInt(row: Row, key: string, missing: string[] | undefined): string[] | undefined {
  const value = row[key];
  if (value === null || value === undefined) return flag(row, key, missing);
  const n = toInt(value);
  if (Number.isNaN(n)) return flag(row, key, missing);
  if (n !== value) row[key] = n;
  return missing;
}

/** Checks one row in place; returns the names of its incomplete fields, or undefined when complete. */
function checkRow(row: Row): string[] | undefined {
  let missing: string[] | undefined;
  const id = row.InstanceId;
  if (typeof id !== 'string' || id.length === 0) missing = flag(row, 'InstanceId', missing);
  missing = requiredInt(row, 'Status', missing);
  for (const key of STRING_FIELDS) {
    const value = row[key];
    if (value === null) row[key] = undefined;
    else if (value !== undefined && typeof value !== 'string') missing = flag(row, key, missing);
  }
  missing = requiredInt(row, 'Type', missing);
  for (const key of INT_FIELDS) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    const n = toInt(value);
    if (Number.isNaN(n)) missing = flag(row, key, missing);
    else if (n !== value) row[key] = n;
  }
  for (const key of NUM_FIELDS) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    const n = toNumber(value);
    if (Number.isNaN(n)) missing = flag(row, key, missing);
    else if (n !== value) row[key] = n;
  }
  const noAuth = row.NoAuth;
  if (noAuth !== null && noAuth !== undefined && typeof noAuth !== 'boolean') {
    missing = flag(row, 'NoAuth', missing);
  }
  const tags = row.InstanceTags;
  if (tags !== null && tags !== undefined && !(Array.isArray(tags) && tagsOk(tags))) {
    missing = flag(row, 'InstanceTags', missing);
  }
  return missing;
}

/** An instance row as read: the schema's fields, some possibly absent when the row is incomplete. */
export type Api3InstanceRow = Partial<Api3Instance>;

export interface InstancePage {
  TotalCount: number;
  InstanceSet?: Api3InstanceRow[] | null | undefined;
  /** Incomplete fields by row index; made only when some row of the page is incomplete. */
  incomplete?: Map<number, string[]>;
}

/** Same contract as `DescribeInstancesResponseSchema.safeParse`, failures as a ZodError with paths. */
export const instancePageSchema = {
  safeParse(value: unknown): { success: true; data: InstancePage } | { success: false; error: z.ZodError } {
    try {
      if (!isObject(value)) throw new Mismatch([], 'expected an object');
      const total = toInt(value.TotalCount);
      if (Number.isNaN(total)) throw new Mismatch(['TotalCount'], 'expected an integer');
      const set = value.InstanceSet;
      let incomplete: Map<number, string[]> | undefined;
      if (set !== null && set !== undefined) {
        if (!Array.isArray(set)) throw new Mismatch(['InstanceSet'], 'expected an array');
        for (let at = 0; at < set.length; at++) {
          let row: unknown = set[at];
          // A row that is not an object is kept as one with every field missing.
          if (!isObject(row)) {
            row = {};
            set[at] = row;
          }
          const missing = checkRow(row as Row);
          if (missing !== undefined) {
            incomplete ??= new Map();
            incomplete.set(at, missing);
          }
        }
      }
      const data: InstancePage = { TotalCount: total, InstanceSet: set as InstancePage['InstanceSet'] };
      if (incomplete) data.incomplete = incomplete;
      return { success: true, data };
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error;
      const issue = { code: 'custom' as const, path: error.path, message: error.message, input: value };
      return { success: false, error: new z.ZodError([issue]) };
    }
  },
};

/** A checked page's rows as instances; a row missing its id gets a placeholder the IPC contract refuses. */
export function instancesOfPage(
  data: InstancePage,
  region: string,
  offset: number,
  tzOffset: number,
): Instance[] {
  const pool = new Map<string, string>();
  const set = data.InstanceSet ?? [];
  const incomplete = data.incomplete;
  const instances = new Array<Instance>(set.length);
  for (let at = 0; at < set.length; at++) {
    const raw = set[at] as Api3InstanceRow;
    const missing = incomplete?.get(at);
    const instance = toInstance(raw, region, pool, tzOffset);
    if (missing !== undefined) {
      if (raw.InstanceId === undefined) instance.id = placeholderId(region, offset + at);
      instance.incomplete = missing;
    }
    instances[at] = instance;
  }
  return instances;
}

/**
 * One row as the app's Instance, written as plain assignments in the schema's field order (no spread of
 * temporary objects): a 100,000-instance listing builds 100,000 of these. Optional fields stay absent.
 */
function toInstance(
  raw: Api3InstanceRow,
  region: string,
  pool: Map<string, string>,
  tzOffset: number,
): Instance {
  const type = raw.Type ?? 0;
  const info = api3TypeInfo(type);
  const instance: Instance = {
    id: raw.InstanceId as string,
    name: raw.InstanceName ?? '',
    // The asked-for region's string, shared by the page, rather than one parsed copy per instance.
    region: raw.Region == null || raw.Region === region ? region : raw.Region,
  } as Instance;
  if (raw.ZoneId != null) instance.zoneId = raw.ZoneId;
  instance.engine = info.engine;
  if (info.engineVersion) instance.engineVersion = info.engineVersion;
  instance.architecture = info.architecture;
  instance.typeId = type;
  instance.sizeMb = Math.max(0, raw.Size ?? 0);
  if (raw.SizeUsed != null) instance.usedMb = Math.max(0, raw.SizeUsed);
  instance.status = instanceStatus(raw.Status);
  instance.statusRaw = raw.Status ?? 0;
  if (raw.InstanceTitle) instance.statusText = sharedCopy(pool, raw.InstanceTitle);
  instance.wanIp = raw.WanIp ?? '';
  instance.port = Math.max(0, raw.Port ?? 0);
  instance.tags = (raw.InstanceTags ?? []).map((t) => ({ key: t.TagKey, value: t.TagValue ?? '' }));
  instance.projectId = raw.ProjectId ?? 0;
  if (raw.ProjectName) instance.projectName = sharedCopy(pool, raw.ProjectName);
  instance.noAuth = raw.NoAuth ?? false;
  if (raw.UniqVpcId) instance.vpcId = sharedCopy(pool, raw.UniqVpcId);
  if (raw.UniqSubnetId) instance.subnetId = sharedCopy(pool, raw.UniqSubnetId);
  const createdAt = cloudTimeToIso(raw.Createtime, tzOffset);
  if (createdAt !== undefined) instance.createdAt = createdAt;
  const expiresAt = cloudTimeToIso(raw.DeadlineTime, tzOffset);
  if (expiresAt !== undefined) instance.expiresAt = expiresAt;
  instance.generation = 'v3';
  return instance;
}

/** Status texts, projects and VPCs repeat across a page: its instances share one copy of each. */
function sharedCopy(pool: Map<string, string>, text: string): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  pool.set(text, text);
  return text;
}
