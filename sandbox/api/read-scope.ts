// Resource-level CAM checks for the read actions. A key limited to some projects may list (the sandbox
// filters nothing out of a plain listing), but a request that names an instance, task or project outside
// its projects is refused with InvalidParameter.PermissionDenied — a code in the official error list of
// every read action the app calls (Go SDK tencentcloud/redis/v20180412/client.go: DescribeInstances,
// DescribeInstanceBackups, DescribeTaskInfo, DescribeTaskList). Which requests the real service refuses
// this way cannot be checked without an account; this is the sandbox's reading of "接口没有cam权限".
import type { SandboxState } from '../state/store.js';
import type { Principal } from '../state/types.js';
import type { ActionResult } from './action-types.js';

export function denied(principal: Principal, what: string): ActionResult {
  return {
    ok: false,
    code: 'InvalidParameter.PermissionDenied',
    message: `Key ${principal.secretId} may not read ${what}.`,
  };
}

/** The first project id the principal may not read, if any. */
export function forbiddenProject(principal: Principal, projectIds: readonly number[]): number | undefined {
  const allowed = principal.allowedProjects;
  return allowed ? projectIds.find((p) => !allowed.includes(p)) : undefined;
}

/** The first named instance (that exists) the principal may not read, if any. */
export function forbiddenInstance(
  state: SandboxState,
  principal: Principal,
  instanceIds: readonly string[],
): string | undefined {
  const allowed = principal.allowedProjects;
  if (!allowed) return undefined;
  return instanceIds.find((id) => {
    const instance = state.instances.get(id);
    return instance !== undefined && !allowed.includes(instance.projectId);
  });
}

/** Refusal for a read naming resources outside the principal's projects, or null. */
export function readScopeRefusal(
  state: SandboxState,
  principal: Principal,
  named: { instanceIds?: readonly (string | undefined)[]; projectIds?: readonly number[] | undefined },
): ActionResult | null {
  const project = forbiddenProject(principal, named.projectIds ?? []);
  if (project !== undefined) return denied(principal, `project ${project}`);
  const ids = (named.instanceIds ?? []).filter((id): id is string => typeof id === 'string');
  const instance = forbiddenInstance(state, principal, ids);
  return instance ? denied(principal, `instance ${instance}`) : null;
}
