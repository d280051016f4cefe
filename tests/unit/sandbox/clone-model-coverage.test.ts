// The clone actions' requests and answers against the official SDK's models, read from the SDK's .d.ts
// text: each schema accepts exactly the request model's fields (required as the SDK says), and every
// answer fills every field of its response model and nested rows but the listed ones. Also the deal
// status texts against the TradeDealDetail.Status comment.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLONE_ACTIONS } from '../../../sandbox/api/clone-actions.js';
import type { SdkAction } from '../../../sandbox/api/sdk-models.js';
import { DEAL_STATUS_TEXT } from '../../../sandbox/state/deals.js';
import { inProcessDemo, type Row } from './in-process-demo.js';
import { expectRequestModel, modelFields, rowsAt, unfilled } from './sdk-model-text.js';

/** Fields no rendered answer carries, and why. */
const NEVER_FILLED: Readonly<Record<string, readonly string[]>> = {
  CloneInstancesResponse: [],
  InquiryPriceCreateInstanceResponse: [],
  DescribeInstanceDealDetailResponse: [],
  TradeDealDetail: [],
  DescribeSecondLevelBackupInfoResponse: [],
  SecondLevelBackupMissingTimestamps: [],
  DescribeInstanceSecurityGroupResponse: [],
  InstanceSecurityGroupDetail: [],
  SecurityGroupDetail: [],
  SecurityGroupsInboundAndOutbound: [],
  DescribeProductInfoResponse: [],
  // No published Chinese region names or areas to copy; RegionShortName only where the legacy API has one.
  RegionConf: ['Area'],
  ZoneCapacityConf: [],
  ProductConf: [],
};

const NESTED: ReadonlyArray<readonly [string, SdkAction, readonly string[]]> = [
  ['TradeDealDetail', 'DescribeInstanceDealDetail', ['DealDetails']],
  ['SecondLevelBackupMissingTimestamps', 'DescribeSecondLevelBackupInfo', ['MissingTimestamps']],
  ['InstanceSecurityGroupDetail', 'DescribeInstanceSecurityGroup', ['InstanceSecurityGroupsDetail']],
  [
    'SecurityGroupDetail',
    'DescribeInstanceSecurityGroup',
    ['InstanceSecurityGroupsDetail', 'SecurityGroupDetails'],
  ],
  [
    'SecurityGroupsInboundAndOutbound',
    'DescribeInstanceSecurityGroup',
    ['InstanceSecurityGroupsDetail', 'SecurityGroupDetails', 'InboundRule'],
  ],
  ['RegionConf', 'DescribeProductInfo', ['RegionSet']],
  ['ZoneCapacityConf', 'DescribeProductInfo', ['RegionSet', 'ZoneSet']],
  ['ProductConf', 'DescribeProductInfo', ['RegionSet', 'ZoneSet', 'ProductSet']],
];

/** Tencent's own response examples (tests/fixtures/official/api3/, sources in its README). */
function official(action: string): Row {
  const text = readFileSync(new URL(`../../fixtures/official/api3/${action}.json`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { Response: Row }).Response;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function renderAll(): Map<SdkAction, Row[]> {
  const { clock, state, call, answers } = inProcessDemo();
  const orders = state.instances.get('crs-demo0001');
  const backup = state.backupsOf('crs-demo0001').find((b) => state.backupStatus(b) === 2);
  const placed = call('CloneInstances', {
    InstanceId: 'crs-demo0001',
    GoodsNum: 1,
    ZoneId: orders?.zoneId,
    BillingMode: 0,
    Period: 1,
    SecurityGroupIdList: ['sg-gzdefault'],
    BackupId: backup?.id,
    Password: 'Clone#2024x',
  });
  call('InquiryPriceCreateInstance', {
    TypeId: 15,
    MemSize: 1024,
    GoodsNum: 1,
    Period: 1,
    BillingMode: 0,
    ZoneId: 100003,
  });
  call('DescribeInstanceDealDetail', { DealIds: [placed.DealId] });
  clock.advance(30_000);
  call('DescribeInstanceDealDetail', { DealName: placed.DealName });
  call('DescribeSecondLevelBackupInfo', { InstanceId: 'crs-demo0001' });
  // An instance whose range has no gap answers MissingTimestamps null, as the official example does.
  const ledger = state.instances.get('crs-demo0014');
  if (ledger?.secondLevel) ledger.secondLevel.gaps = [];
  call('DescribeSecondLevelBackupInfo', { InstanceId: 'crs-demo0014' }, 'ap-beijing');
  call('DescribeInstanceSecurityGroup', { InstanceIds: ['crs-demo0001'] });
  call('DescribeProductInfo', {});
  return answers;
}

const ACTIONS = Object.keys(CLONE_ACTIONS) as Array<keyof typeof CLONE_ACTIONS>;

describe('clone actions against the SDK models', () => {
  const answers = renderAll();

  it.each(ACTIONS.filter((a) => a !== 'DescribeProductInfo'))(
    '%s accepts exactly the request model’s fields, required as the SDK says',
    (action) =>
      expectRequestModel(
        action,
        CLONE_ACTIONS[action].schema as Readonly<Record<string, { required?: boolean }>>,
      ),
  );

  it('DescribeProductInfo takes no field (its request model is null)', () => {
    expect(Object.keys(CLONE_ACTIONS.DescribeProductInfo.schema)).toEqual([]);
  });

  it.each(ACTIONS)('%s answers every field of its response model but the expected ones', (action) => {
    const model = `${action}Response`;
    const result = unfilled(model, answers.get(action) ?? []);
    expect(answers.get(action)?.length, action).toBeGreaterThan(0);
    expect(result.never).toEqual(NEVER_FILLED[model]);
    expect(result.extra).toEqual(['RequestId'].filter((f) => !modelFields(model).has(f)));
  });

  it.each(NESTED)('%s rows fill every field but the expected ones', (model, action, path) => {
    const rows = rowsAt(answers.get(action) ?? [], path);
    expect(rows.length, model).toBeGreaterThan(0);
    const result = unfilled(model, rows);
    expect(result.never).toEqual(NEVER_FILLED[model]);
    expect(result.extra).toEqual([]);
  });

  it.each([
    'CloneInstances',
    'InquiryPriceCreateInstance',
    'DescribeInstanceDealDetail',
    'DescribeSecondLevelBackupInfo',
  ] as const)('%s carries every field of the official example, with its JSON type', (action) => {
    const example = official(action);
    const rendered = answers.get(action) ?? [];
    const nested = (row: Row) =>
      action === 'DescribeInstanceDealDetail' ? ((row.DealDetails as Row[])[0] ?? {}) : row;
    for (const [field, value] of Object.entries(nested(example))) {
      if (field === 'RequestId') continue;
      const kinds = new Set(rendered.map((r) => kind(nested(r)[field])));
      expect(kinds, `${action}.${field}`).toContain(kind(value));
    }
  });

  it('names every deal status of the TradeDealDetail.Status comment, as written there', () => {
    const comment = modelFields('TradeDealDetail').get('Status') ?? '';
    const documented = new Map<number, string>();
    for (const m of comment.matchAll(/(\d+)[：:]\s*([^\d]+?)(?=\s+\d+[：:]|\s*$)/g)) {
      documented.set(Number(m[1]), (m[2] ?? '').trim());
    }
    expect(documented.size).toBeGreaterThanOrEqual(9);
    expect(Object.fromEntries(Object.entries(DEAL_STATUS_TEXT))).toEqual(
      Object.fromEntries([...documented].map(([k, v]) => [String(k), v])),
    );
  });
});
