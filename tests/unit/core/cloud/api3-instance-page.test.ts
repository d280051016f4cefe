// The hand-written DescribeInstances checker reads exactly what the zod reference does (the page schema,
// then each row field by field with lenient-rows.ts): the same pages fail, the same values are kept and the
// same fields are named incomplete, on sound rows and on thousands of seeded random breakages.
import { describe, expect, it } from 'vitest';
import { instancePageSchema } from '../../../../electron/core/cloud/api3/api3-instance-page';
import {
  API3_INSTANCE_REQUIRED,
  Api3InstanceShape,
  DescribeInstancesResponseSchema,
} from '../../../../electron/core/cloud/api3/api3-schemas';
import { readLenientRow } from '../../../../electron/core/cloud/parsing/lenient-rows';

const row = () => ({
  InstanceName: 'orders',
  InstanceId: 'crs-abcdefgh',
  Appid: 1250000000,
  ProjectId: 1,
  ZoneId: 100004,
  Status: 2,
  WanIp: '10.1.2.3',
  Port: 6379,
  Createtime: '2026-10-30 19:25:03',
  Size: 2048,
  SizeUsed: 757,
  Type: 15,
  DeadlineTime: '2027-01-30 19:25:03',
  UniqVpcId: 'vpc-1',
  UniqSubnetId: 'subnet-1',
  InstanceTitle: '运行中',
  InstanceTags: [{ TagKey: 'env', TagValue: 'prod' }],
  ProjectName: 'project-1',
  NoAuth: false,
  Region: 'ap-guangzhou',
  CurrentRedisVersion: '6.2',
  NodeSet: [{ NodeType: 0 }],
});

/** The zod reference: the page, then each row on its own. */
function reference(page: unknown) {
  const parsed = DescribeInstancesResponseSchema.safeParse(structuredClone(page));
  if (!parsed.success) return { success: false as const };
  const rows = parsed.data.InstanceSet?.map((r) =>
    readLenientRow(Api3InstanceShape, API3_INSTANCE_REQUIRED, r),
  );
  return { success: true as const, total: parsed.data.TotalCount, rows };
}

/** Both checkers on their own copy (the hand one normalises in place). */
function both(page: unknown) {
  return { zod: reference(page), fast: instancePageSchema.safeParse(structuredClone(page)) };
}

/** The fields the reference keeps, from a row the hand checker read (it keeps the others in place). */
function known(r: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(
    Object.keys(Api3InstanceShape)
      .filter((k) => r[k] != null)
      .map((k) => [k, r[k]]),
  );
  const tags = kept.InstanceTags as Array<Record<string, unknown>> | undefined;
  if (Array.isArray(tags)) kept.InstanceTags = tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
  return kept;
}

function expectSame(page: unknown) {
  const { zod, fast } = both(page);
  expect(fast.success, JSON.stringify(page)).toBe(zod.success);
  if (!zod.success || !fast.success) return;
  expect(fast.data.TotalCount).toBe(zod.total);
  const set = fast.data.InstanceSet as Array<Record<string, unknown>> | null | undefined;
  expect(set?.length).toBe(zod.rows?.length);
  zod.rows?.forEach((ref, at) => {
    const row = set?.[at] ?? {};
    expect(known(row), JSON.stringify(page)).toEqual(
      Object.fromEntries(Object.entries(ref.row).filter(([, v]) => v != null)),
    );
    expect([...(fast.data.incomplete?.get(at) ?? [])].sort()).toEqual([...(ref.incomplete ?? [])].sort());
  });
}

describe('the DescribeInstances page checker', () => {
  it('agrees with the zod schema on sound pages, sparse rows and numbers sent as strings', () => {
    expectSame({ TotalCount: 1, InstanceSet: [row()] });
    expectSame({ TotalCount: 0, InstanceSet: null });
    expectSame({ TotalCount: 0 });
    expectSame({ TotalCount: '3', InstanceSet: [{ InstanceId: 'crs-1', Status: ' 2 ' }] });
    expectSame({
      TotalCount: 1,
      InstanceSet: [{ ...row(), Size: '4096.5', Port: '6379', InstanceName: null }],
    });
  });

  it('keeps a row with a missing, null or malformed field, naming it, and allocates nothing for complete rows', () => {
    const { fast } = both({
      TotalCount: 4,
      InstanceSet: [row(), { ...row(), Status: 'running' }, { ...row(), InstanceId: null, Type: null }, 7],
    });
    expect(fast.success).toBe(true);
    if (!fast.success) return;
    expect(fast.data.InstanceSet).toHaveLength(4);
    expect(fast.data.incomplete?.has(0)).toBe(false);
    expect(fast.data.incomplete?.get(1)).toEqual(['Status']);
    expect(fast.data.incomplete?.get(2)).toEqual(['InstanceId', 'Type']);
    expect(fast.data.incomplete?.get(3)).toEqual(['InstanceId', 'Status', 'Type']);
    const sound = instancePageSchema.safeParse({ TotalCount: 2, InstanceSet: [row(), row()] });
    expect(sound.success && sound.data.incomplete).toBeUndefined();
  });

  it('fails only a page that is not a listing, naming where', () => {
    const { fast } = both({ TotalCount: 1, InstanceSet: {} });
    expect(fast.success).toBe(false);
    if (!fast.success) expect(fast.error.issues[0]?.path).toEqual(['InstanceSet']);
    for (const page of [null, [], { TotalCount: 1.5 }, { TotalCount: 1, InstanceSet: {} }]) expectSame(page);
  });

  it('agrees on thousands of seeded random breakages', () => {
    let seed = 11;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const junk: unknown[] = [
      null,
      undefined,
      '',
      ' 7 ',
      '7.5',
      '-3',
      'x',
      7.5,
      -1,
      2 ** 53,
      Number.NaN,
      true,
      {},
      [],
      [{ TagKey: 'a' }],
      [{ TagKey: 1 }],
      [{ TagKey: 'a', TagValue: null }],
      [null],
      'running',
    ];
    const fields = Object.keys(row()).concat(['Size', 'TotalCount']);
    for (let n = 0; n < 3000; n++) {
      const page: Record<string, unknown> = { TotalCount: 2, InstanceSet: [row(), row()] };
      const target = (page.InstanceSet as Array<Record<string, unknown>>)[Math.floor(rand() * 2)] ?? {};
      const field = fields[Math.floor(rand() * fields.length)] ?? 'Status';
      const value = junk[Math.floor(rand() * junk.length)];
      if (field === 'TotalCount') page.TotalCount = value;
      else if (rand() < 0.1) delete target[field];
      else target[field] = value;
      expectSame(page);
    }
  });
});
