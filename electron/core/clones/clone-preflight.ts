/**
 * The checks a clone must pass before its order may be placed, each reported so the dialog can show it: the
 * source exists and runs, the backup is restorable (or the point in time is covered by second-level
 * backups), the zone sells this spec under this billing, the name is valid and not taken (so a lost answer can
 * be reconciled by name), the password meets the engine's documented rules, and the network is complete.
 * Account quota and balance have no query action in the CRS API: that check says `unknown` and names the
 * cloud codes that would refuse the order (LimitExceeded.ReachTheAmountLimit, FailedOperation.PayFailed).
 */
import { BACKUP_RETENTION_MAX_DAYS } from '../../../shared/backup-span';
import {
  billingModeCode,
  CLONE_NAME_PATTERN,
  type CloneCheck,
  type ClonePlan,
  type CloneSpec,
} from '../../../shared/clones';
import type { Instance } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { CrsApi } from '../cloud/crs-api';
import { backupWindows, findBackupInWindows, walkFloor } from '../inventory/backup-windows';
import { pitrRange, timeCovered } from './clone-defaults';
import { passwordRule } from './clone-password';

const LOOKUP_LEAD_MS = 60_000;

type Check = (
  id: CloneCheck['id'],
  state: CloneCheck['state'],
  detail: string,
  reason: string,
  params?: Record<string, string>,
) => void;

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : 'INTERNAL';
}

export interface ClonePreflightOutcome {
  checks: CloneCheck[];
  passed: boolean;
  instance?: Instance;
}

export async function runClonePreflight(
  api: CrsApi,
  plan: ClonePlan,
  spec: CloneSpec | undefined,
  password: string | undefined,
  now: number,
): Promise<ClonePreflightOutcome> {
  const checks: CloneCheck[] = [];
  const check: Check = (id, state, detail, reason, params = {}) =>
    checks.push({ id, state, detail, reason, params });
  let instance: Instance | undefined;
  try {
    const { instances } = await api.describeInstances({
      region: plan.region,
      limit: 1,
      offset: 0,
      instanceIds: [plan.sourceInstanceId],
    });
    check('endpoint-reachable', 'pass', 'The CRS endpoint answered.', 'ok');
    instance = instances.find((i) => i.id === plan.sourceInstanceId);
  } catch (error) {
    check('endpoint-reachable', 'fail', `The instance could not be read (${codeOf(error)}).`, 'error', {
      code: codeOf(error),
    });
    return { checks, passed: false };
  }
  if (!instance || instance.incomplete) {
    check(
      'source-found',
      'fail',
      `No complete listing of ${plan.sourceInstanceId} in ${plan.region}.`,
      'missing',
    );
    return { checks, passed: false };
  }
  check('source-found', 'pass', `${instance.name} in ${plan.region}`, 'ok');
  check(
    'source-running',
    instance.status === 'running' ? 'pass' : 'fail',
    instance.status === 'running' ? 'Running.' : `The instance is ${instance.status}.`,
    instance.status === 'running' ? 'ok' : 'status',
    { status: instance.status },
  );
  await checkPoint(api, plan, instance, now, check);
  await checkZone(api, plan, spec, check);
  await checkName(api, plan, check);
  checkPassword(plan, instance, password, check);
  checkNetwork(plan, check);
  return { checks, passed: checks.every((c) => c.state !== 'fail'), instance };
}

async function checkPoint(api: CrsApi, plan: ClonePlan, instance: Instance, now: number, check: Check) {
  const point = plan.point;
  if (point.kind === 'time') {
    try {
      const range = await pitrRange(
        api,
        { profileId: plan.profileId, region: plan.region, instanceId: plan.sourceInstanceId },
        now,
      );
      if (!range.enabled)
        check('point-in-range', 'fail', 'The instance has no second-level backups.', 'not-enabled');
      else if (!timeCovered(range, point.time))
        check('point-in-range', 'fail', `No second-level backup covers ${point.time}.`, 'not-covered', {
          time: point.time,
        });
      else check('point-in-range', 'pass', `Covered by second-level backups.`, 'ok', { time: point.time });
    } catch (error) {
      check(
        'point-in-range',
        'fail',
        `The second-level backups could not be read (${codeOf(error)}).`,
        'error',
        { code: codeOf(error) },
      );
    }
    return;
  }
  try {
    const end = now + LOOKUP_LEAD_MS;
    const windows = backupWindows(end, walkFloor(end, BACKUP_RETENTION_MAX_DAYS, instance.createdAt));
    const backup = await findBackupInWindows(
      api,
      { region: plan.region, instanceId: plan.sourceInstanceId },
      windows,
      point.backupId,
    );
    if (!backup)
      check('backup-restorable', 'fail', 'No backup with this id in the instance’s retention.', 'missing');
    else if (!backup.restorable)
      check(
        'backup-restorable',
        'fail',
        `Not restorable: ${backup.notRestorableReason ?? 'unknown'}.`,
        'not-restorable',
        {
          reason: backup.notRestorableReason ?? 'unknown-status',
        },
      );
    else
      check('backup-restorable', 'pass', 'Normal and unlocked.', 'ok', {
        ...(backup.startTime ? { startTime: backup.startTime } : {}),
      });
  } catch (error) {
    check('backup-restorable', 'fail', `The backups could not be read (${codeOf(error)}).`, 'error', {
      code: codeOf(error),
    });
  }
}

/**
 * DescribeProductInfo's zone and product for this spec. A zone or product the answer does not list, or lists
 * sold out, fails; an answer that cannot be read leaves the check `unknown` (the cloud refuses a sold-out
 * spec with ResourceUnavailable.SaleOut at no cost).
 */
async function checkZone(api: CrsApi, plan: ClonePlan, spec: CloneSpec | undefined, check: Check) {
  let zones: Awaited<ReturnType<CrsApi['describeProductInfo']>>;
  try {
    zones = await api.describeProductInfo({ region: plan.region });
  } catch (error) {
    check(
      'zone-sells-spec',
      'unknown',
      `The sale information could not be read (${codeOf(error)}).`,
      'error',
      { code: codeOf(error) },
    );
    check(
      'quota',
      'unknown',
      'Quota and balance are checked by the cloud when the order is placed.',
      'checked-at-order',
    );
    return;
  }
  const zone = zones.find((z) => z.zoneId === plan.zoneId);
  const product = spec ? zone?.products.find((p) => p.typeId === spec.typeId) : undefined;
  const params = { zoneId: String(plan.zoneId), ...(zone?.zoneName ? { zoneName: zone.zoneName } : {}) };
  const lists = (values: string[], n: number) => values.length === 0 || values.includes(String(n));
  if (!zone)
    check(
      'zone-sells-spec',
      'fail',
      `Zone ${plan.zoneId} is not among the region’s zones.`,
      'zone-missing',
      params,
    );
  else if (zone.saleOut)
    check('zone-sells-spec', 'fail', `Zone ${plan.zoneId} is sold out.`, 'zone-sold-out', params);
  else if (!spec)
    check('zone-sells-spec', 'unknown', 'The source’s spec could not be read.', 'spec-unread', params);
  else if (!product || product.saleOut)
    check('zone-sells-spec', 'fail', `The zone does not sell type ${spec.typeId}.`, 'type-not-sold', {
      ...params,
      typeId: String(spec.typeId),
    });
  else if (
    product.payModes.length > 0 &&
    !product.payModes.includes(String(billingModeCode[plan.billingMode]))
  )
    check('zone-sells-spec', 'fail', `The zone does not sell it ${plan.billingMode}.`, 'billing-not-sold', {
      ...params,
      billingMode: plan.billingMode,
    });
  else if (!lists(product.shardNum, spec.shardNum) || !lists(product.replicaNum, spec.replicasNum))
    check(
      'zone-sells-spec',
      'fail',
      'The zone does not sell this shard or replica count.',
      'shape-not-sold',
      {
        ...params,
        shardNum: String(spec.shardNum),
        replicasNum: String(spec.replicasNum),
      },
    );
  else check('zone-sells-spec', 'pass', 'The zone sells this spec.', 'ok', params);
  if (product?.maxBuyNum !== undefined && product.maxBuyNum < 1)
    check('quota', 'fail', 'The zone sells none of this product now.', 'none-buyable');
  else
    check(
      'quota',
      'unknown',
      'Quota and balance are checked by the cloud when the order is placed.',
      'checked-at-order',
    );
}

/** A lost answer is reconciled by the new instance's name, so the name must be unique in the region. */
async function checkName(api: CrsApi, plan: ClonePlan, check: Check) {
  if (!CLONE_NAME_PATTERN.test(plan.instanceName)) {
    check('name-valid', 'fail', 'Up to 59 letters, digits, Chinese characters, - or _.', 'pattern');
    return;
  }
  try {
    const { instances } = await api.describeInstances({
      region: plan.region,
      limit: 100,
      offset: 0,
      searchKeys: [plan.instanceName],
    });
    const taken = instances.some((i) => i.name === plan.instanceName);
    if (taken)
      check(
        'name-valid',
        'fail',
        `An instance named ${plan.instanceName} exists in ${plan.region}.`,
        'taken',
        { name: plan.instanceName },
      );
    else check('name-valid', 'pass', 'The name is free in the region.', 'ok', { name: plan.instanceName });
  } catch (error) {
    check('name-valid', 'fail', `The instance list could not be read (${codeOf(error)}).`, 'error', {
      code: codeOf(error),
    });
  }
}

function checkPassword(plan: ClonePlan, instance: Instance, password: string | undefined, check: Check) {
  if (plan.noAuth) {
    check('password-valid', 'pass', 'Password-free access: no password is set.', 'no-auth');
    return;
  }
  if (!password) {
    check('password-valid', 'fail', 'A password is needed.', 'missing');
    return;
  }
  const verdict = passwordRule(instance.typeId, password);
  if (verdict === 'ok') check('password-valid', 'pass', 'Meets the engine’s rules.', 'ok');
  else if (verdict === 'undocumented')
    check(
      'password-valid',
      'unknown',
      'No documented rule for this engine; the cloud checks it.',
      'undocumented',
    );
  else check('password-valid', 'fail', 'Does not meet the engine’s rules.', verdict);
}

/** SecurityGroupIdList is a required field; a subnet belongs to a VPC. */
function checkNetwork(plan: ClonePlan, check: Check) {
  if (plan.securityGroupIds.length === 0)
    check('network', 'fail', 'At least one security group is needed.', 'no-security-group');
  else if (plan.vpcId && !plan.subnetId) check('network', 'fail', 'A VPC needs a subnet.', 'no-subnet');
  else if (!plan.vpcId && plan.subnetId) check('network', 'fail', 'A subnet needs its VPC.', 'no-vpc');
  else check('network', 'pass', plan.vpcId ? `${plan.vpcId} / ${plan.subnetId}` : 'Basic network.', 'ok');
}
