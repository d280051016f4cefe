/**
 * The DescribeInstances answer, checked by hand. It is the one hot response: a 100,000-instance listing is
 * 100 pages of 1000 rows, and the general zod schema (`DescribeInstancesResponseSchema`) spent about a
 * second building a copy of every row only for the client to build the domain object from that copy. This
 * checks exactly what the schema checks, field for field (unit-tested against it on valid and broken rows),
 * normalises in place (numeric strings → numbers, null → undefined) and allocates nothing per row; a row that
 * does not fit is reported with its path, like a zod issue, so the call fails with BAD_RESPONSE as before.
 */
import { z } from 'zod';
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

/** `num`: a finite number, or a string holding one (trimmed). */
function toNumber(value: unknown, path: Array<string | number>): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new Mismatch(path, 'expected a finite number');
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (NUMERIC.test(text)) return Number(text);
    throw new Mismatch(path, 'expected a number');
  }
  throw new Mismatch(path, `expected a number, received ${value === null ? 'null' : typeof value}`);
}

function toInt(value: unknown, path: Array<string | number>): number {
  const n = toNumber(value, path);
  // zod's `.int()` accepts safe integers only.
  if (!Number.isSafeInteger(n)) throw new Mismatch(path, 'expected an integer');
  return n;
}

/** Checks `row[key]` with `check` unless it is null or absent (`.nullish()`); writes back a normalised value. */
function nullish(
  row: Row,
  key: string,
  at: number,
  check: (v: unknown, p: Array<string | number>) => unknown,
) {
  const value = row[key];
  if (value === null || value === undefined) return;
  const next = check(value, ['InstanceSet', at, key]);
  if (next !== value) row[key] = next;
}

/** `optString`: a string; null reads as undefined. */
function optString(row: Row, key: string, at: number): void {
  const value = row[key];
  if (value === null) row[key] = undefined;
  else if (value !== undefined && typeof value !== 'string') {
    throw new Mismatch(['InstanceSet', at, key], `expected a string, received ${typeof value}`);
  }
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
const INT_FIELDS = ['ZoneId', 'Type', 'Port', 'ProjectId'] as const;

function checkTags(value: unknown, path: Array<string | number>): unknown {
  if (!Array.isArray(value)) throw new Mismatch(path, 'expected an array');
  for (let t = 0; t < value.length; t++) {
    const tag: unknown = value[t];
    if (!isObject(tag)) throw new Mismatch([...path, t], 'expected an object');
    if (typeof tag.TagKey !== 'string') throw new Mismatch([...path, t, 'TagKey'], 'expected a string');
    const tagValue = tag.TagValue;
    if (tagValue !== null && tagValue !== undefined && typeof tagValue !== 'string') {
      throw new Mismatch([...path, t, 'TagValue'], 'expected a string');
    }
  }
  return value;
}

function checkRow(row: unknown, at: number): Api3Instance {
  if (!isObject(row)) throw new Mismatch(['InstanceSet', at], 'expected an object');
  if (typeof row.InstanceId !== 'string' || row.InstanceId.length === 0) {
    throw new Mismatch(['InstanceSet', at, 'InstanceId'], 'expected a non-empty string');
  }
  const status = toInt(row.Status, ['InstanceSet', at, 'Status']);
  if (status !== row.Status) row.Status = status;
  for (const key of STRING_FIELDS) optString(row, key, at);
  for (const key of INT_FIELDS) nullish(row, key, at, toInt);
  nullish(row, 'Size', at, toNumber);
  nullish(row, 'SizeUsed', at, toNumber);
  nullish(row, 'NoAuth', at, (v, p) => {
    if (typeof v !== 'boolean') throw new Mismatch(p, 'expected a boolean');
    return v;
  });
  nullish(row, 'InstanceTags', at, checkTags);
  return row as unknown as Api3Instance;
}

export interface InstancePage {
  TotalCount: number;
  InstanceSet?: Api3Instance[] | null | undefined;
}

/** Same contract as `DescribeInstancesResponseSchema.safeParse`, failures as a ZodError with paths. */
export const instancePageSchema = {
  safeParse(value: unknown): { success: true; data: InstancePage } | { success: false; error: z.ZodError } {
    try {
      if (!isObject(value)) throw new Mismatch([], 'expected an object');
      const total = toInt(value.TotalCount, ['TotalCount']);
      const set = value.InstanceSet;
      if (set !== null && set !== undefined) {
        if (!Array.isArray(set)) throw new Mismatch(['InstanceSet'], 'expected an array');
        for (let at = 0; at < set.length; at++) checkRow(set[at], at);
      }
      return {
        success: true,
        data: { TotalCount: total, InstanceSet: set as Api3Instance[] | null | undefined },
      };
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error;
      const issue = { code: 'custom' as const, path: error.path, message: error.message, input: value };
      return { success: false, error: new z.ZodError([issue]) };
    }
  },
};
