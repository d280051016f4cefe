/** Zone ids named from the documented table; an id outside it keeps its number instead of a guessed name. */
import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../../shared/crs-zones';

describe('zoneLabel', () => {
  it('names documented zones: the API name in English, the console name in Chinese', () => {
    expect(zoneLabel(100002, 'en')).toBe('ap-guangzhou-2');
    expect(zoneLabel(100002, 'zh')).toBe('广州二区');
    expect(zoneLabel(700001, 'en')).toBe('ap-shanghai-fsi-1');
    expect(zoneLabel(180001, 'zh')).toBe('首尔一区');
    expect(zoneLabel(100006, 'en')).toBe('ap-guangzhou-6');
    expect(zoneLabel(200004, 'zh')).toBe('上海四区');
  });

  it('names an id it does not know by its number, never derived from its digits', () => {
    expect(zoneLabel(800005, 'en')).toBe('zone 800005');
    expect(zoneLabel(100005, 'en')).toBe('zone 100005');
    expect(zoneLabel(100005, 'zh')).toBe('可用区 100005');
  });

  it('names a documented zone without an API name by its number in English', () => {
    expect(zoneLabel(120001, 'en')).toBe('zone 120001');
    expect(zoneLabel(120001, 'zh')).toBe('广州 Open 专区');
  });
});
