/**
 * The API the renderer sees (`window.crs`), derived from the contract: `'settings:update'` becomes
 * `crs.settings.update(request)`, `'fleet:list-page'` would become `crs.fleet.listPage(request)`, and
 * event `'task:updated'` becomes `crs.on.taskUpdated(listener)` returning an unsubscribe function.
 */
import type { EventChannel, EventPayloadOf, InvokeChannel, RequestOf, ResponseOf } from './ipc-contract';
import { eventChannels, invokeChannels } from './ipc-contract';
import type { Envelope } from './result';

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

export type InvokeFn<C extends InvokeChannel> = (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;

export type RendererApi = {
  [D in DomainOf<InvokeChannel>]: {
    [C in InvokeChannel as C extends `${D}:${string}` ? Camel<VerbOf<C>> : never]: InvokeFn<C>;
  };
} & {
  on: {
    [E in EventChannel as Camel<`${DomainOf<E>}-${VerbOf<E>}`>]: (
      listener: (payload: EventPayloadOf<E>) => void,
    ) => () => void;
  };
};

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Where a channel lives on the API object: `['settings', 'update']`. */
export function invokePath(channel: InvokeChannel): [string, string] {
  const [domain = '', verb = ''] = channel.split(':');
  return [domain, camel(verb)];
}

/** The `on.*` name of an event: `'task:updated'` → `'taskUpdated'`. */
export function eventName(channel: EventChannel): string {
  return camel(channel.replace(':', '-'));
}

/**
 * Builds the API object from two transport functions. The preload passes `ipcRenderer`-backed ones; the
 * browser-mode bridge passes WebSocket-backed ones. Only contract channels ever get a function.
 */
export function buildRendererApi(
  invoke: (channel: InvokeChannel, request: unknown) => Promise<Envelope<unknown>>,
  subscribe: (channel: EventChannel, listener: (payload: unknown) => void) => () => void,
): RendererApi {
  const api: Record<string, Record<string, unknown>> = { on: {} };
  for (const channel of invokeChannels) {
    const [domain, verb] = invokePath(channel);
    api[domain] ??= {};
    (api[domain] as Record<string, unknown>)[verb] = (request: unknown) => invoke(channel, request ?? {});
  }
  for (const channel of eventChannels) {
    (api.on as Record<string, unknown>)[eventName(channel)] = (listener: (payload: unknown) => void) =>
      subscribe(channel, listener);
  }
  return api as unknown as RendererApi;
}
