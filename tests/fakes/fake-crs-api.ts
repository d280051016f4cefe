/**
 * A scriptable CrsApi for service tests: each method answers from a script (a function, or a queue of
 * answers and errors), every call is logged with its parameters, and a method nobody scripted throws
 * "not scripted: <method>". Built on a Proxy, so a method added to CrsApi later needs no change here.
 */
import type { CrsApi } from '../../electron/core/cloud/crs-api';

type Method = Exclude<keyof CrsApi, 'generation' | 'clockOffsetMs'>;
type Params<M extends Method> = Parameters<CrsApi[M]>[0];
type Answer<M extends Method> = Awaited<ReturnType<CrsApi[M]>>;

/** One step of a queue: an answer, an error to throw, or a promise the test settles by hand. */
export type Step<M extends Method> = Answer<M> | Error | Promise<Answer<M>>;

export interface CallRecord {
  method: Method;
  params: unknown;
}

export interface FakeCrsApi {
  /** The CrsApi the service under test receives. */
  readonly api: CrsApi;
  /** Every call in order. */
  readonly calls: CallRecord[];
  /** Answers `method` with `fn` from now on. */
  script<M extends Method>(method: M, fn: (params: Params<M>) => Answer<M> | Promise<Answer<M>>): FakeCrsApi;
  /** Answers `method` with these steps in turn; the last one repeats. */
  queue<M extends Method>(method: M, ...steps: Step<M>[]): FakeCrsApi;
  /** Makes the next call of `method` throw `error` (fault injection), then the script answers again. */
  failNext<M extends Method>(method: M, error: Error): FakeCrsApi;
  /** Runs `fn` at each call of `method`, before it is answered (to look at the world at that moment). */
  tap<M extends Method>(method: M, fn: (params: Params<M>) => void | Promise<void>): FakeCrsApi;
  /** How many times `method` was called. */
  count(method: Method): number;
  /** The parameters of each call of `method`. */
  paramsOf<M extends Method>(method: M): Params<M>[];
}

export function fakeCrsApi(generation: CrsApi['generation'] = 'v3'): FakeCrsApi {
  const scripts = new Map<Method, (params: unknown) => unknown>();
  const faults = new Map<Method, Error[]>();
  const taps = new Map<Method, (params: unknown) => void | Promise<void>>();
  const calls: CallRecord[] = [];
  const api = new Proxy({} as CrsApi, {
    get(_target, key) {
      if (key === 'generation') return generation;
      if (key === 'clockOffsetMs') return 0;
      // Not a thenable: `await api` must not look for a `then` method.
      if (typeof key !== 'string' || key === 'then') return undefined;
      const method = key as Method;
      return async (params: unknown) => {
        calls.push({ method, params });
        await taps.get(method)?.(params);
        const fault = faults.get(method)?.shift();
        if (fault) throw fault;
        const fn = scripts.get(method);
        if (!fn) throw new Error(`not scripted: ${method}`);
        return fn(params);
      };
    },
  });
  const fake: FakeCrsApi = {
    api,
    calls,
    script(method, fn) {
      scripts.set(method, fn as (params: unknown) => unknown);
      return fake;
    },
    queue(method, ...steps) {
      let at = 0;
      scripts.set(method, () => {
        const step = steps[Math.min(at++, steps.length - 1)];
        if (step instanceof Error) throw step;
        return step;
      });
      return fake;
    },
    failNext(method, error) {
      faults.set(method, [...(faults.get(method) ?? []), error]);
      return fake;
    },
    tap(method, fn) {
      taps.set(method, fn as (params: unknown) => void | Promise<void>);
      return fake;
    },
    count: (method) => calls.filter((c) => c.method === method).length,
    paramsOf: <M extends Method>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.params as Params<M>),
  };
  return fake;
}
