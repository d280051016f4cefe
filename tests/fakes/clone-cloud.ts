/**
 * A small cloud for clone tests on top of fake-crs-api.ts: a source instance with its spec, security groups,
 * backups, zone sale information and price; CloneInstances creates an order and a new instance in memory,
 * and the test moves them through their states. Orders are counted: "never a second order" is `orders.length`.
 */
import type { DealDetail, ZoneSale } from '../../electron/core/cloud/crs-api';
import type { ClonePlan, DealState } from '../../shared/clones';
import type { Instance } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { fakeBackup, fakeInstance } from './fake-backup-api';
import type { World } from './services';

export interface FakeOrder {
  dealId: string;
  dealName: string;
  instanceId: string;
  state: DealState;
  status: number;
}

const STATUS: Partial<Record<DealState, number>> = {
  unpaid: 1,
  paid: 2,
  delivering: 3,
  delivered: 4,
  'delivery-failed': 5,
};

export const ZONE = 100003;

export function cloneCloud(w: World) {
  const source = fakeInstance({
    id: 'crs-src00001',
    name: 'orders',
    zoneId: ZONE,
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    projectId: 3,
    tags: [{ key: 'team', value: 'dba' }],
    createdAt: new Date(w.clock.now() - 30 * 86_400_000).toISOString(),
  });
  const instances: Instance[] = [source];
  const orders: FakeOrder[] = [];
  const backups = [fakeBackup('b-1', w.clock.now() - 3_600_000, { instanceId: source.id })];
  const zones: ZoneSale[] = [
    {
      region: 'ap-guangzhou',
      zoneId: ZONE,
      zoneCode: 'ap-guangzhou-3',
      saleOut: false,
      products: [
        {
          typeId: 15,
          saleOut: false,
          shardNum: ['1'],
          replicaNum: ['1', '2'],
          totalSizeGb: [],
          shardSizeGb: [],
          payModes: ['0', '1'],
          maxBuyNum: 30,
        },
      ],
    },
  ];
  const cloud = {
    source,
    instances,
    orders,
    backups,
    zones,
    price: 30400,
    secondLevel: {
      startTime: undefined as string | undefined,
      missing: [] as Array<{ start: string; end: string }>,
    },
    /** When set, CloneInstances places the order and then loses its answer. */
    loseAnswer: false,
    /** When set, CloneInstances places no order and loses its answer. */
    dropRequest: false,
    /** Moves an order (and its instance) to a state. */
    progress(dealName: string, state: DealState, instanceStatus?: Instance['status']) {
      const order = orders.find((o) => o.dealName === dealName);
      if (!order) throw new Error(`no order ${dealName}`);
      order.state = state;
      order.status = STATUS[state] ?? 99;
      const instance = instances.find((i) => i.id === order.instanceId);
      if (instance && instanceStatus) instance.status = instanceStatus;
    },
  };
  w.cloud
    .script('describeInstances', async (p) => {
      let list = instances;
      if (p.instanceIds?.length) list = list.filter((i) => p.instanceIds?.includes(i.id));
      const key = p.searchKeys?.[0];
      if (key) list = list.filter((i) => i.name.includes(key));
      return { total: list.length, instances: list.map((i) => ({ ...i })) };
    })
    .script('describeInstanceSpec', async (p) =>
      p.instanceId === source.id
        ? {
            instanceId: source.id,
            typeId: 15,
            sizeMb: 1024,
            shardNum: 1,
            replicasNum: 1,
            billingMode: 0 as const,
          }
        : undefined,
    )
    .script('describeInstanceSecurityGroups', async () => ({
      [source.id]: [{ id: 'sg-aaaa1111', name: 'web' }],
    }))
    .script('describeProductInfo', async () => zones)
    .script('inquiryPriceCreateInstance', async () => ({ price: cloud.price }))
    .script('describeBackups', async () => ({
      total: backups.length,
      backups,
      statusCoverage: 'all' as const,
    }))
    .script('describeSecondLevelBackupInfo', async (p) => ({
      ...(p.time && cloud.secondLevel.startTime ? { backupId: 'b-1', backupTime: p.time } : {}),
      ...(cloud.secondLevel.startTime ? { startTime: cloud.secondLevel.startTime } : {}),
      missing: cloud.secondLevel.missing,
    }))
    .script('cloneInstances', async (p) => {
      if (cloud.dropRequest) throw new AppError('CLONE_OUTCOME_UNKNOWN', undefined, { cause: 'TIMEOUT' });
      const n = orders.length + 1;
      const instance: Instance = {
        ...source,
        id: `crs-new0000${n}`,
        name: p.instanceName ?? '',
        status: 'initializing',
        statusRaw: 0,
        wanIp: `10.0.9.${n}`,
        port: p.vPort ?? 6379,
        createdAt: new Date(w.clock.now()).toISOString(),
      };
      instances.push(instance);
      const order: FakeOrder = {
        dealId: String(9000 + n),
        dealName: `2026120700000${n}`,
        instanceId: instance.id,
        state: 'paid',
        status: 2,
      };
      orders.push(order);
      if (cloud.loseAnswer) throw new AppError('CLONE_OUTCOME_UNKNOWN', undefined, { cause: 'TIMEOUT' });
      return { dealId: order.dealId, dealName: order.dealName, instanceIds: [instance.id] };
    })
    .script('describeDeals', async (p) =>
      orders
        .filter((o) => o.dealName === p.dealName || p.dealIds?.includes(o.dealId))
        .map(
          (o): DealDetail => ({
            dealId: o.dealId,
            dealName: o.dealName,
            status: o.status,
            state: o.state,
            instanceIds: o.state === 'delivered' || o.state === 'delivering' ? [o.instanceId] : [],
          }),
        ),
    );
  return cloud;
}

/** A plan for the fake cloud's source, from a backup, pay-as-you-go. */
export function clonePlan(w: World, extra: Partial<ClonePlan> = {}): ClonePlan {
  return {
    profileId: w.profile.id,
    region: 'ap-guangzhou',
    sourceInstanceId: 'crs-src00001',
    point: { kind: 'backup', backupId: 'b-1' },
    zoneId: ZONE,
    billingMode: 'pay-as-you-go',
    period: 1,
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    securityGroupIds: ['sg-aaaa1111'],
    instanceName: 'orders-restored',
    noAuth: false,
    projectId: 3,
    tags: [],
    ...extra,
  };
}
