import { describe, expect, it } from 'vitest';
import { takeLaunchToken } from '../../../renderer/src/api/bridge-client';

describe('launch token', () => {
  it('is read once from the fragment and erased from the address bar', () => {
    const token = 'a'.repeat(64);
    window.history.replaceState(null, '', `/index.html?x=1#token=${token}`);
    expect(takeLaunchToken(window.location, window.history)).toBe(token);
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(takeLaunchToken(window.location, window.history)).toBeUndefined();
  });

  it('ignores anything that is not a 256-bit hex token', () => {
    window.history.replaceState(null, '', '/#token=short');
    expect(takeLaunchToken(window.location, window.history)).toBeUndefined();
  });
});
