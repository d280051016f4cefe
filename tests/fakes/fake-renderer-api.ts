/** A renderer API backed by plain functions, for component tests: the same shape the preload exposes. */
import type { EventChannel, InvokeChannel } from '../../shared/ipc-contract';
import { buildRendererApi, type RendererApi } from '../../shared/renderer-api';
import type { Envelope } from '../../shared/result';

export interface FakeApi {
  api: RendererApi;
  calls: Array<{ channel: InvokeChannel; request: unknown }>;
  emit(channel: EventChannel, payload: unknown): void;
}

export function createFakeApi(
  answer: (channel: InvokeChannel, request: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>,
): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const api = buildRendererApi(
    async (channel, request) => {
      calls.push({ channel, request });
      return answer(channel, request);
    },
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  );
  return {
    api,
    calls,
    emit: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  };
}
