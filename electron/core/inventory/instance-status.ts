/**
 * One instance as the cloud lists it now: how the instance page stays live while a restore runs without
 * listing the whole region again (DescribeInstances filtered by InstanceIds, as preflight asks it).
 */
import type { Instance } from '../../../shared/domain';
import type { CrsApi } from '../cloud/crs-api';

export async function describeOneInstance(
  api: CrsApi,
  target: { region: string; instanceId: string },
  now: () => number,
): Promise<{ instance?: Instance; fetchedAt: string }> {
  const { instances } = await api.describeInstances({
    region: target.region,
    limit: 10,
    offset: 0,
    instanceIds: [target.instanceId],
  });
  const instance = instances.find((i) => i.id === target.instanceId);
  return { ...(instance ? { instance } : {}), fetchedAt: new Date(now()).toISOString() };
}
