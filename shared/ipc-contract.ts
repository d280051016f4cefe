/**
 * The one IPC contract. Every operation the renderer may ask of main is a `domain:verb` channel with a
 * request and a response schema; every push from main is an event with a payload schema. The preload,
 * the browser-mode bridge, the renderer's API type and main's handler table are all derived from here.
 */
import { z } from 'zod';
import { PreferencesPatchSchema, PreferencesSchema } from './settings';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** A request that carries nothing; still strict, so stray fields are refused. */
const Empty = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which shell is running the core: the Electron app or browser mode. */
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** Where credentials live: the OS keychain, or this session's memory only. */
  secretStore: z.enum(['keychain', 'session']),
});

export type AppInfo = z.infer<typeof AppInfoSchema>;

export const invokeContract = {
  'app:info': channel(Empty, AppInfoSchema),
  'settings:get': channel(Empty, PreferencesSchema),
  'settings:update': channel(PreferencesPatchSchema, PreferencesSchema),
} as const;

export const eventContract = {
  'settings:changed': PreferencesSchema,
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof typeof eventContract;

export type RequestOf<C extends InvokeChannel> = z.input<InvokeContract[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<InvokeContract[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<InvokeContract[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];
export const eventChannels = Object.keys(eventContract) as EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventContract, value);
}
