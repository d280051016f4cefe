/**
 * When the new-instance path may go on: the form to its review (name, password, point), and the review to
 * the order (price shown, every check passed, the typed name, a live fleet). Pure functions, so each rule is
 * tested on its own and the dialog lists exactly what is still missing.
 *
 * Name and password formats: the CloneInstancesRequest comments of the official models
 * (tencentcloud-sdk-nodejs 4.1.313 services/redis/v20180412/redis_models.d.ts). The password comment names
 * Redis 2.8, 4.0 and 5.0 and CKV 3.2 only; for other engines no format is documented, so only what the
 * contract needs is asked here and the cloud judges the rest. The same reading as the core's
 * electron/core/clones/clone-password.ts (which the renderer cannot import), so the form and the checks agree.
 */
import { CLONE_NAME_PATTERN, type ClonePreflight, type ClonePrice } from '../../../../shared/clones';
import type { LoadStatus } from '../../store/types';

export type NameProblem = 'empty' | 'format';
export type PasswordProblem = 'empty' | 'length' | 'too-long' | 'classes' | 'chars' | 'slash';

/** Which documented password format applies: by API 3.0 Type (InstanceSet.Type in the models). */
export type PasswordRule = 'redis' | 'ckv' | 'undocumented';
const REDIS_RULE_TYPES = new Set([2, 5, 6, 7, 8, 9]);
const CKV_RULE_TYPES = new Set([3, 4]);
export const passwordRuleFor = (typeId: number | undefined): PasswordRule =>
  typeId === undefined
    ? 'undocumented'
    : CKV_RULE_TYPES.has(typeId)
      ? 'ckv'
      : REDIS_RULE_TYPES.has(typeId)
        ? 'redis'
        : 'undocumented';

export function nameProblem(name: string): NameProblem | undefined {
  if (name.trim() === '') return 'empty';
  return CLONE_NAME_PATTERN.test(name) ? undefined : 'format';
}

/** The special characters the Redis password rule lists: ()`~!@#$%^&*-+=_|{}[]:;<>,.?/ */
const REDIS_SPECIALS = '()`~!@#$%^&*-+=_|{}[]:;<>,.?/';

/** The longest password the IPC contract carries. */
const PASSWORD_MAX = 64;

export function passwordProblem(password: string, rule: PasswordRule): PasswordProblem | undefined {
  if (password === '') return 'empty';
  const length = [...password].length;
  if (length > PASSWORD_MAX) return 'too-long';
  if (rule === 'undocumented') return undefined;
  if (length < 8 || length > 30) return 'length';
  if (rule === 'ckv') {
    // "8-30个字符，必须包含字母和数字，且不包含其他字符"
    if (!/^[A-Za-z0-9]+$/.test(password)) return 'chars';
    return /[A-Za-z]/.test(password) && /[0-9]/.test(password) ? undefined : 'classes';
  }
  // "8-30个字符，至少包含小写字母、大写字母、数字和字符 … 中的2种，不能以"/"开头". Other characters are not
  // forbidden by the text, so they are left to the cloud.
  if (password.startsWith('/')) return 'slash';
  const special = [...password].some((c) => REDIS_SPECIALS.includes(c));
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(password)).length + (special ? 1 : 0);
  return classes >= 2 ? undefined : 'classes';
}

export type CloneFormReason = 'defaults' | 'name' | 'password' | 'point' | 'incomplete';

export interface CloneFormInput {
  defaultsReady: boolean;
  name: string;
  noAuth: boolean;
  password: string;
  passwordRule: PasswordRule;
  /** A backup chosen, or a point in time inside the range and outside every gap. */
  pointValid: boolean;
  incomplete: readonly string[];
}

/** What keeps the form from its review. */
export function cloneFormGate(input: CloneFormInput): { enabled: boolean; missing: CloneFormReason[] } {
  const missing: CloneFormReason[] = [];
  if (!input.defaultsReady) missing.push('defaults');
  if (input.incomplete.length > 0) missing.push('incomplete');
  if (nameProblem(input.name)) missing.push('name');
  if (!input.noAuth && passwordProblem(input.password, input.passwordRule)) missing.push('password');
  if (!input.pointValid) missing.push('point');
  return { enabled: missing.length === 0, missing };
}

export type CloneGateReason = 'price' | 'preflight' | 'typed' | 'stale' | 'unknown';

export interface CloneGateInput {
  priceStatus: LoadStatus;
  price?: ClonePrice;
  preflightStatus: LoadStatus;
  preflight?: ClonePreflight;
  needsTyped: boolean;
  typed: string;
  expected: string;
  fleetUsable: boolean;
  outcomeUnknown: boolean;
}

/**
 * Both the summary flag and every check must agree. A check the API cannot make here (`unknown`) does not
 * block: the dialog shows it, and the cloud decides when the order is placed.
 */
export function clonePreflightPassed(status: LoadStatus, preflight?: ClonePreflight): boolean {
  return (
    status === 'ready' &&
    preflight !== undefined &&
    preflight.passed &&
    preflight.checks.length > 0 &&
    preflight.checks.every((c) => c.state !== 'fail')
  );
}

/** What keeps the review from the order. */
export function cloneGate(input: CloneGateInput): { enabled: boolean; missing: CloneGateReason[] } {
  const missing: CloneGateReason[] = [];
  if (input.outcomeUnknown) missing.push('unknown');
  if (!input.fleetUsable) missing.push('stale');
  // A bill nobody saw is never ordered.
  if (input.priceStatus !== 'ready' || !input.price) missing.push('price');
  if (!clonePreflightPassed(input.preflightStatus, input.preflight)) missing.push('preflight');
  if (input.needsTyped && input.typed !== input.expected) missing.push('typed');
  return { enabled: missing.length === 0, missing };
}
