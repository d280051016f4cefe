/**
 * When the new-instance path may go on: the form to its review (name, password, point), and the review to
 * the order (price shown, every check passed, the typed name, a live fleet). Pure functions, so each rule is
 * tested on its own and the dialog lists exactly what is still missing.
 *
 * Name and password formats: the CloneInstancesRequest comments of the official models
 * (tencentcloud-sdk-nodejs 4.1.313 services/redis/v20180412/redis_models.d.ts). The password comment names
 * Redis 2.8, 4.0 and 5.0 and CKV 3.2; newer Redis and Valkey are held to the Redis rule (an assumption,
 * written down in docs/CLOUD-FIDELITY.md): a password the cloud would refuse never leaves the app, and the
 * cloud still judges the rest.
 */
import { CLONE_NAME_PATTERN, type ClonePreflight, type ClonePrice } from '../../../../shared/clones';
import type { LoadStatus } from '../../store/types';

export type NameProblem = 'empty' | 'format';
export type PasswordProblem = 'empty' | 'length' | 'classes' | 'chars' | 'slash';

export function nameProblem(name: string): NameProblem | undefined {
  if (name.trim() === '') return 'empty';
  return CLONE_NAME_PATTERN.test(name) ? undefined : 'format';
}

/** The special characters the Redis password rule lists: ()`~!@#$%^&*-+=_|{}[]:;<>,.?/ */
const REDIS_SPECIALS = '()`~!@#$%^&*-+=_|{}[]:;<>,.?/';

export function passwordProblem(password: string, ckv: boolean): PasswordProblem | undefined {
  if (password === '') return 'empty';
  if (password.length < 8 || password.length > 30) return 'length';
  if (ckv) {
    // "8-30个字符，必须包含字母和数字，且不包含其他字符"
    if (!/^[A-Za-z0-9]+$/.test(password)) return 'chars';
    return /[A-Za-z]/.test(password) && /[0-9]/.test(password) ? undefined : 'classes';
  }
  // "8-30个字符，至少包含小写字母、大写字母、数字和字符 … 中的2种，不能以"/"开头"
  if ([...password].some((c) => !/[A-Za-z0-9]/.test(c) && !REDIS_SPECIALS.includes(c))) return 'chars';
  if (password.startsWith('/')) return 'slash';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return classes >= 2 ? undefined : 'classes';
}

export type CloneFormReason = 'defaults' | 'name' | 'password' | 'point' | 'incomplete';

export interface CloneFormInput {
  defaultsReady: boolean;
  name: string;
  noAuth: boolean;
  password: string;
  ckv: boolean;
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
  if (!input.noAuth && passwordProblem(input.password, input.ckv)) missing.push('password');
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
