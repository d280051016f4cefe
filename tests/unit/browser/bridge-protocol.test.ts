import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../electron/browser/bridge-protocol';

describe('bridge wire format', () => {
  it('reads hello and invoke frames', () => {
    expect(parseClientMessage('{"hello":{"code":"abc"}}')).toEqual({
      kind: 'hello',
      credential: { code: 'abc' },
    });
    expect(parseClientMessage('{"hello":{"resume":"def"}}')).toEqual({
      kind: 'hello',
      credential: { resume: 'def' },
    });
    expect(parseClientMessage('{"id":3,"channel":"app:info","request":{}}')).toEqual({
      kind: 'invoke',
      id: 3,
      channel: 'app:info',
      request: {},
    });
  });

  it.each([
    '{"hello":"a bare token, as before launch codes"}',
    '{"hello":{"code":"a","resume":"b"}}',
    '{"hello":{"code":1}}',
    '{"hello":null}',
  ])('reads %j as a hello without a credential', (text) => {
    expect(parseClientMessage(text)).toEqual({ kind: 'hello', credential: undefined });
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
