/**
 * The new-instance path of the restore dialog, server side: the source's pre-filled form (`clone:defaults`),
 * its point-in-time range (`clone:pitr-range`), and a review that prices (`clone:price`) and checks
 * (`clone:preflight`) one frozen plan. `clone:start` is a billable order: sent once per press, never
 * retried; a lost answer locks the button (main reconciles from the order list, never by ordering again).
 * Passwords never enter the store.
 */
import type {
  CloneDefaults,
  ClonePlan,
  ClonePreflight,
  ClonePrice,
  CloneSource,
  PitrRange,
} from '../../../shared/clones';
import type { RestoreRecord } from '../../../shared/tasks';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export interface CloneReview {
  /** The plan priced and checked: what Confirm sends, unchanged. */
  plan: ClonePlan;
  priceStatus: LoadStatus;
  price?: ClonePrice;
  priceError?: UiError;
  preflightStatus: LoadStatus;
  preflight?: ClonePreflight;
  preflightError?: UiError;
}

export interface CloneDialogState {
  source: CloneSource;
  defaultsStatus: LoadStatus;
  defaults?: CloneDefaults;
  defaultsError?: UiError;
  pitrStatus: LoadStatus;
  pitr?: PitrRange;
  pitrError?: UiError;
  review?: CloneReview;
  submitting: boolean;
  startError?: UiError;
  /** The order left but its answer was lost: main reconciles; the user must not order again. */
  outcomeUnknown: boolean;
  started?: RestoreRecord;
}

export interface CloneSlice {
  clone?: CloneDialogState;
  openClone(source: CloneSource): Promise<void>;
  closeClone(): void;
  /**
   * Prices and checks this plan; the review shows both before anything can be ordered. The password goes to
   * the checks only (its format is checked by main too) and is not kept.
   */
  reviewClone(plan: ClonePlan, password?: string): Promise<void>;
  /** Back to the form: the review (and its price) no longer holds. */
  editClone(): void;
  startClone(options: { password?: string; confirmation?: string }): Promise<RestoreRecord | undefined>;
}

const unknownCodes = new Set(['CLONE_OUTCOME_UNKNOWN', 'RESTORE_OUTCOME_UNKNOWN', 'TIMEOUT']);

export const sameSource = (a: CloneSource | undefined, b: CloneSource) =>
  a !== undefined && a.profileId === b.profileId && a.region === b.region && a.instanceId === b.instanceId;

export const createCloneSlice: SliceCreator<CloneSlice> = (api) => (set, get) => {
  const patch = (value: Partial<CloneDialogState>) => {
    const current = get().clone;
    if (current) set({ clone: { ...current, ...value } });
  };
  const patchReview = (plan: ClonePlan, value: Partial<CloneReview>) => {
    const current = get().clone;
    // An answer for a plan the user has since left behind is dropped.
    if (current?.review?.plan === plan)
      set({ clone: { ...current, review: { ...current.review, ...value } } });
  };
  return {
    openClone: async (source) => {
      set({
        clone: {
          source,
          defaultsStatus: 'loading',
          pitrStatus: 'loading',
          submitting: false,
          outcomeUnknown: false,
        },
      });
      const current = () => get().clone?.source === source;
      await Promise.all([
        call(() => api.clone.defaults(source)).then((r) => {
          if (!current()) return;
          if (r.ok) patch({ defaultsStatus: 'ready', defaults: r.value });
          else patch({ defaultsStatus: 'error', defaultsError: r.error });
        }),
        call(() => api.clone.pitrRange(source)).then((r) => {
          if (!current()) return;
          if (r.ok) patch({ pitrStatus: 'ready', pitr: r.value });
          else patch({ pitrStatus: 'error', pitrError: r.error });
        }),
      ]);
    },
    closeClone: () => {
      if (!get().clone?.submitting) set({ clone: undefined });
    },
    reviewClone: async (plan, password) => {
      if (!get().clone || get().clone?.submitting) return;
      patch({
        review: { plan, priceStatus: 'loading', preflightStatus: 'loading' },
        startError: undefined,
      });
      await Promise.all([
        call(() => api.clone.price(plan)).then((r) =>
          patchReview(
            plan,
            r.ok ? { priceStatus: 'ready', price: r.value } : { priceStatus: 'error', priceError: r.error },
          ),
        ),
        call(() => api.clone.preflight({ plan, ...(password !== undefined ? { password } : {}) })).then((r) =>
          patchReview(
            plan,
            r.ok
              ? { preflightStatus: 'ready', preflight: r.value }
              : { preflightStatus: 'error', preflightError: r.error },
          ),
        ),
      ]);
    },
    editClone: () => {
      const current = get().clone;
      if (current && !current.submitting && !current.outcomeUnknown)
        patch({ review: undefined, startError: undefined });
    },
    startClone: async ({ password, confirmation }) => {
      const current = get().clone;
      const review = current?.review;
      if (!current || !review?.price || current.submitting || current.outcomeUnknown) return undefined;
      patch({ submitting: true, startError: undefined });
      const result = await call(() =>
        api.clone.start({
          plan: review.plan,
          priceShown: review.price as ClonePrice,
          ...(password !== undefined ? { password } : {}),
          ...(confirmation !== undefined ? { confirmation } : {}),
        }),
      );
      if (!result.ok) {
        const stale = result.error.code === 'CLONE_PRICE_CHANGED';
        patch({
          submitting: false,
          startError: result.error,
          outcomeUnknown: unknownCodes.has(result.error.code),
          // The price shown no longer holds: nothing can be ordered until the new one is asked for and seen.
          ...(stale ? { review: { ...review, priceStatus: 'idle' as const, price: undefined } } : {}),
        });
        return undefined;
      }
      const record = result.value;
      get().upsertTask(record);
      patch({ submitting: false, started: record });
      return record;
    },
  };
};
