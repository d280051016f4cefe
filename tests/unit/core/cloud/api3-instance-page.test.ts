// The hand-written DescribeInstances checker accepts and rejects exactly what the zod schema does, and
// gives the same values, on sound rows and on thousands of seeded random breakages.
import { describe, expect, it } from 'vitest';
import { instancePageSchema } from '../../../../electron/core/cloud/api3-instance-page';
import { DescribeInstancesResponseSchema } from '../../../../electron/core/cloud/api3-schemas';

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

/** Both checkers on their own copy (the hand one normalises in place). */
function both(page: unknown) {
  const zod = DescribeInstancesResponseSchema.safeParse(structuredClone(page));
  const fast = instancePageSchema.safeParse(structuredClone(page));
  return { zod, fast };
}

/** The fields the schema knows, from a row the hand checker passed (it keeps the others in place). */
function known(value: unknown): unknown {
  const page = value as { TotalCount: number; InstanceSet?: Array<Record<string, unknown>> | null };
  const keys = Object.keys(DescribeInstancesResponseSchema.shape.InstanceSet.unwrap().unwrap().element.shape);
  return {
    TotalCount: page.TotalCount,
    InstanceSet:
      page.InstanceSet?.map((r) => {
        const kept = Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]]));
        const tags = kept.InstanceTags as Array<Record<string, unknown>> | undefined;
        if (Array.isArray(tags))
          kept.InstanceTags = tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
        return kept;
      }) ?? page.InstanceSet,
  };
}

function expectSame(page: unknown) {
  const { zod, fast } = both(page);
  expect(fast.success, JSON.stringify(page)).toBe(zod.success);
  if (zod.success && fast.success) expect(known(fast.data)).toEqual(zod.data);
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

  it('rejects what the schema rejects, naming the field', () => {
    const { fast } = both({ TotalCount: 1, InstanceSet: [row(), { ...row(), Status: 'running' }] });
    expect(fast.success).toBe(false);
    if (!fast.success) expect(fast.error.issues[0]?.path).toEqual(['InstanceSet', 1, 'Status']);
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
