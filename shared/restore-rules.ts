/**
 * The rules of a restore that both sides must agree on: what the user has to type, whether a password is
 * needed, and what the restore does to this instance's engine. Pure, so the dialog and the core use one copy.
 */
import type { ApiGeneration, Instance } from './domain';
import type { EnvironmentTag } from './profiles';
import type { Preferences } from './settings';

/** The text the user must type to enable Restore: the name, or the id when the name is empty. */
export function confirmationText(instance: Pick<Instance, 'id' | 'name'>): string {
  return instance.name.trim() === '' ? instance.id : instance.name.trim();
}

/** Typed confirmation is always required on production profiles, whatever the preference says. */
export function requiresTypedConfirmation(
  environment: EnvironmentTag,
  preference: Preferences['typedConfirmation'],
): boolean {
  return environment === 'production' || preference === 'always';
}

/** The legacy API always checks the password; API 3.0 skips it for password-free instances. */
export function requiresPassword(instance: Pick<Instance, 'noAuth'>, generation: ApiGeneration): boolean {
  return generation === 'legacy-v2' || !instance.noAuth;
}

export type RestoreSemantics = 'overwrite-in-place' | 'clone-and-swap';

/**
 * Tencent documents two behaviours: Memory Edition Redis 2.8 and CKV restore in place, overwriting the data;
 * other Memory Edition versions clone a complete instance from the backup and swap addresses, so a rollback
 * by swapping back stays possible for a while.
 */
export function restoreSemantics(instance: Pick<Instance, 'engine' | 'engineVersion'>): RestoreSemantics {
  const engine = instance.engine.toLowerCase();
  if (engine.includes('ckv')) return 'overwrite-in-place';
  if (instance.engineVersion === '2.8' || /\b2\.8\b/.test(engine)) return 'overwrite-in-place';
  return 'clone-and-swap';
}
