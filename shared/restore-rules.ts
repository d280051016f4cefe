/**
 * The rules of a restore that both sides must agree on: what the user has to type, whether a password is
 * needed, and what the restore does to this instance's engine. Pure, so the dialog and the core use one copy.
 */
import type { ApiGeneration, Instance } from './domain';
import { type EngineRule, engineRule } from './engine-rules';
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

/**
 * What a restore does to this instance's engine, from the one table in engine-rules.ts. An instance the app
 * could not load, or an engine the table does not know, gets the worst case: overwritten in place, no way back.
 */
export function restoreRule(instance: Pick<Instance, 'generation' | 'typeId'> | undefined): EngineRule {
  return instance ? engineRule(instance.generation, instance.typeId) : engineRule('v3', Number.NaN);
}
