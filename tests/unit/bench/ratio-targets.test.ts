// Issue 19, item 11: the benchmark targets restated as ratios to floors measured in the same run.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../bench/lib/results';
import { markdownTable } from '../../../bench/lib/results';
import { fleetFloor } from '../../../bench/lib/stats';
import { keystrokeRatio } from '../../../bench/renderer-latency';

describe('fleet floor', () => {
  it('is one round trip plus parsing while every page may go at once, else the rate-limit bound', () => {
    expect(fleetFloor(10, 35, 100, 150)).toEqual({ ms: 250, kind: 'round trip + parse' });
    expect(fleetFloor(35, 35, 100, 150)).toEqual({ ms: 250, kind: 'round trip + parse' });
    // 100 pages at 35/s: the last batch leaves 2 s after the first, answered a round trip later.
    expect(fleetFloor(100, 35, 100, 1400)).toEqual({ ms: 2100, kind: 'rate limit' });
  });
});

describe('keystroke ratio', () => {
  const figures = (app: number, bare: number): Figure[] => [
    { name: '100,000 rows: search, per keystroke p95', value: app, unit: 'ms' },
    { name: 'bare page, 16 rows × 10 cells rewritten per key (floor) p95', value: bare, unit: 'ms' },
  ];

  it('divides the app p95 by the bare page p95 and meets at ≤ 1.1×', () => {
    expect(keystrokeRatio(figures(22, 20), 100_000)).toMatchObject({ value: 1.1, target: { met: true } });
    expect(keystrokeRatio(figures(23, 20), 100_000)).toMatchObject({ value: 1.15, target: { met: false } });
    expect(keystrokeRatio(figures(22, 20), 10_000)).toBeNull();
  });

  it('prints MET or MISSED in the table', () => {
    const ratio = keystrokeRatio(figures(22, 20), 100_000) as Figure;
    const table = markdownTable([{ bench: 'renderer', figures: [ratio], seconds: 1 }]);
    expect(table).toContain('MET: ≤ 1.1×');
  });
});
