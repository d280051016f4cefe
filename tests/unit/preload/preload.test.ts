import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../../shared/ipc-contract';
import { eventName, invokePath } from '../../../shared/renderer-api';

// The Electron binary cannot exist here; the preload's only Electron calls are faked to observe them.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }));
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeEach(async () => {
  vi.resetModules();
  await import('../../../electron/preload/index');
});

describe('preload', () => {
  it('exposes exactly the contract: one function per channel and per event, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['crs']);
    const api = exposed.crs as Record<string, Record<string, unknown>>;
    const expected: Record<string, string[]> = { on: eventChannels.map(eventName).sort() };
    for (const channel of invokeChannels) {
      const [domain, verb] = invokePath(channel);
      expected[domain] = [...(expected[domain] ?? []), verb].sort();
    }
    const actual = Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.keys(v).sort()]));
    expect(actual).toEqual(expected);
    for (const group of Object.values(api)) {
      for (const fn of Object.values(group)) expect(typeof fn).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipcRenderer/);
  });

  it('forwards a call to its own channel only', async () => {
    const api = exposed.crs as { settings: { update: (r: unknown) => Promise<unknown> } };
    await expect(api.settings.update({ theme: 'dark' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenLastCalledWith('settings:update', { theme: 'dark' });
  });

  it('subscribes without leaking the IPC event and unsubscribes', () => {
    const api = exposed.crs as { on: { settingsChanged: (fn: (p: unknown) => void) => () => void } };
    const received: unknown[] = [];
    const off = api.on.settingsChanged((payload) => received.push(payload));
    listeners.get('settings:changed')?.({ sender: 'ipc-event-with-internals' }, { theme: 'dark' });
    expect(received).toEqual([{ theme: 'dark' }]);
    off();
    expect(listeners.has('settings:changed')).toBe(false);
  });
});
