import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../electron/browser/bridge-protocol';

describe('bridge wire format', () => {
  it('reads hello and invoke frames', () => {
    expect(parseClientMessage('{"hello":"abc"}')).toEqual({ kind: 'hello', token: 'abc' });
    expect(parseClientMessage('{"id":3,"channel":"app:info","request":{}}')).toEqual({
      kind: 'invoke',
      id: 3,
      channel: 'app:info',
      request: {},
    });
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    '42',
    'null',
    '{"id":"1","channel":"app:info"}',
    '{"id":1.5,"channel":"x"}',
    '{"id":1}',
  ])('marks %j invalid instead of throwing', (text) => {
    expect(parseClientMessage(text).kind).toBe('invalid');
  });
});
