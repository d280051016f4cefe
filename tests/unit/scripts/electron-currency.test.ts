import { describe, expect, it } from 'vitest';
import { electronCurrency } from '../../../scripts/lib/electron-currency.mjs';

const registry = [
  '39.8.10',
  '40.0.0',
  '43.1.0',
  '43.2.1',
  '44.0.0',
  '44.3.0',
  '45.6.0',
  '45.6.1',
  '46.0.0-beta.2',
];

describe('Electron currency (available security fixes)', () => {
  it('passes the newest patch of a supported major', () => {
    expect(electronCurrency('45.6.1', registry)).toMatchObject({ ok: true, supported: [45, 44, 43] });
    expect(electronCurrency('43.2.1', registry).ok).toBe(true);
  });

  it('fails a version that lacks a newer patch of its own major', () => {
    const result = electronCurrency('45.6.0', registry);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toContain('Electron 45.6.1 has fixes that 45.6.0 lacks');
  });

  it('fails a major that is out of support, even at its newest patch', () => {
    const result = electronCurrency('39.8.10', registry);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toContain('Electron 39 is no longer supported');
  });

  it('ignores pre-releases when counting supported majors and newest patches', () => {
    expect(electronCurrency('45.6.1', [...registry, '45.7.0-alpha.1']).ok).toBe(true);
  });
});
