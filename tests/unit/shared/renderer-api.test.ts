import { describe, expect, it } from 'vitest';
import { invokeChannels, invokeContract, isInvokeChannel } from '../../../shared/ipc-contract';
import { buildRendererApi, eventName, invokePath } from '../../../shared/renderer-api';
import { ok } from '../../../shared/result';

describe('contract', () => {
  it('names every channel domain:verb in kebab case', () => {
    for (const channel of invokeChannels) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('has a request and a response schema for every channel', () => {
    for (const channel of invokeChannels) {
      expect(typeof invokeContract[channel].request.safeParse).toBe('function');
      expect(typeof invokeContract[channel].response.safeParse).toBe('function');
    }
  });

  it('does not treat inherited object keys as channels', () => {
    for (const key of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      expect(isInvokeChannel(key)).toBe(false);
    }
  });

  it('derives camelCase names', () => {
    expect(invokePath('settings:update')).toEqual(['settings', 'update']);
    expect(invokePath('fleet:list-page' as never)).toEqual(['fleet', 'listPage']);
    expect(eventName('task:updated' as never)).toBe('taskUpdated');
  });

  it('builds an API whose functions use their own channel', async () => {
    const calls: unknown[] = [];
    const api = buildRendererApi(
      async (channel, request) => {
        calls.push([channel, request]);
        return ok(null);
      },
      () => () => undefined,
    );
    await api.app.info({});
    await api.settings.update({ language: 'zh-CN' });
    expect(calls).toEqual([
      ['app:info', {}],
      ['settings:update', { language: 'zh-CN' }],
    ]);
  });
});
