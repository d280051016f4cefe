/** The inspector's hash route: region, instance, backup and view survive a round trip; bad ones fall back. */
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../renderer/src/lib/route';

describe('inspect route', () => {
  it('round-trips region, instance, backup id and view, encoding what needs it', () => {
    const route = {
      name: 'inspect',
      region: 'ap-guangzhou',
      id: 'crs-abcd1234',
      backupId: '64b1:c2/d3',
      view: 'find',
    } as const;
    expect(href(route)).toBe('#/inspect/ap-guangzhou/crs-abcd1234/64b1%3Ac2%2Fd3/find');
    expect(parseRoute(href(route))).toEqual(route);
  });

  it('leaves the default view out of the address and reads it back as the report', () => {
    const hash = href({ name: 'inspect', region: 'r', id: 'i', backupId: 'b', view: 'report' });
    expect(hash).toBe('#/inspect/r/i/b');
    expect(parseRoute(hash)).toMatchObject({ name: 'inspect', view: 'report' });
  });

  it('reads an unknown view as the report and a route without a backup as the fleet', () => {
    expect(parseRoute('#/inspect/r/i/b/nonsense')).toMatchObject({ view: 'report' });
    expect(parseRoute('#/inspect/r/i')).toEqual({ name: 'fleet' });
  });
});
