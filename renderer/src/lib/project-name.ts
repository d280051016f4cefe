/**
 * An instance's project as the UI names it. Project 0 is the default project ("0：默认项目", ProjectId in
 * tencentcloud-sdk-nodejs redis_models.d.ts): it gets the UI language's name, since the cloud's ProjectName
 * for it is Chinese. Other projects are named by their owners and shown as named.
 */
import type { Instance } from '../../../shared/domain';

export function projectName(
  instance: Pick<Instance, 'projectId' | 'projectName'>,
  defaultName: string,
): string {
  if (instance.projectId === 0) return defaultName;
  return instance.projectName || String(instance.projectId);
}
