// The types every API 3.0 action handler shares. A module of their own so the handlers split out of
// v3-actions.ts (backup-listing.ts, task-list-actions.ts) and the table that lists them import these,
// not each other.
import type { SandboxState } from '../state/store.js';
import type { Principal } from '../state/types.js';
import type { Answer, ResponseOf, SdkAction } from './sdk-models.js';

export interface ActionContext {
  state: SandboxState;
  region: string;
  principal: Principal;
}

export type Refusal = { ok: false; code: string; message: string };
export type ActionResult<T extends object = object> = { ok: true; data: T } | Refusal;

/** Answer fields sent as pre-serialised rows (instance-listing.ts). */
interface RawFields {
  DescribeInstances: 'InstanceSet';
}

/** What an action's handler answers: the SDK's response model of that action (sdk-models.ts). */
export type ActionAnswer<A extends SdkAction> = Answer<
  A,
  A extends keyof RawFields ? RawFields[A] & keyof ResponseOf<A> : never
>;
