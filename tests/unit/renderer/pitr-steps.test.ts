/** The point-in-time timeline's rules: gaps are never selectable, keys jump over them, ends clamp. */
import { describe, expect, it } from 'vitest';
import {
  gapAt,
  HOUR,
  isSelectable,
  keyDelta,
  latestSelectable,
  MINUTE,
  nearestSelectable,
  type PitrWindow,
  SECOND,
  step,
} from '../../../renderer/src/components/clone/pitr-steps';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const w: PitrWindow = {
  start: T0,
  end: T0 + 6 * HOUR,
  gaps: [
    { start: T0 + 1 * HOUR, end: T0 + 1 * HOUR + 10 * MINUTE },
    { start: T0 + 3 * HOUR, end: T0 + 3 * HOUR + 30 * SECOND },
  ],
};

describe('point-in-time steps', () => {
  it('counts both ends of a gap as missing, and the range ends as selectable', () => {
    expect(isSelectable(w, T0)).toBe(true);
    expect(isSelectable(w, T0 + 6 * HOUR)).toBe(true);
    expect(isSelectable(w, T0 + HOUR)).toBe(false);
    expect(isSelectable(w, T0 + HOUR + 10 * MINUTE)).toBe(false);
    expect(isSelectable(w, T0 + HOUR + 10 * MINUTE + SECOND)).toBe(true);
    expect(isSelectable(w, T0 - SECOND)).toBe(false);
    expect(isSelectable(w, T0 + 6 * HOUR + SECOND)).toBe(false);
    expect(gapAt(w, T0 + 3 * HOUR + 5 * SECOND)).toEqual(w.gaps[1]);
  });

  it('jumps over a gap in the direction of travel', () => {
    expect(step(w, T0 + HOUR - MINUTE, MINUTE)).toBe(T0 + HOUR + 10 * MINUTE + SECOND);
    expect(step(w, T0 + HOUR + 10 * MINUTE + SECOND, -MINUTE)).toBe(T0 + HOUR - SECOND);
    expect(step(w, T0 + 3 * HOUR - SECOND, SECOND)).toBe(T0 + 3 * HOUR + 31 * SECOND);
  });

  it('never lands in a gap, whatever the step', () => {
    for (let from = w.start; from <= w.end; from += 7 * MINUTE) {
      if (!isSelectable(w, from)) continue;
      for (const delta of [SECOND, -SECOND, MINUTE, -MINUTE, HOUR, -HOUR]) {
        expect(isSelectable(w, step(w, from, delta))).toBe(true);
      }
    }
  });

  it('stops at the ends of the range', () => {
    expect(step(w, w.end, HOUR)).toBe(w.end);
    expect(step(w, w.start, -MINUTE)).toBe(w.start);
  });

  it('stays put when nothing selectable lies that way', () => {
    const edge: PitrWindow = {
      start: T0,
      end: T0 + HOUR,
      gaps: [{ start: T0 + 30 * MINUTE, end: T0 + HOUR }],
    };
    // Later than 30 min there is nothing: the step turns back to the last selectable instant.
    expect(step(edge, T0 + 29 * MINUTE, 5 * MINUTE)).toBe(T0 + 30 * MINUTE - SECOND);
    const none: PitrWindow = { start: T0, end: T0 + HOUR, gaps: [{ start: T0, end: T0 + HOUR }] };
    expect(step(none, T0, MINUTE)).toBe(T0);
    expect(latestSelectable(none)).toBeUndefined();
    expect(nearestSelectable(none, T0)).toBeUndefined();
  });

  it('puts a click on a gap on its nearer edge, and starts from the newest instant', () => {
    expect(nearestSelectable(w, T0 + HOUR + 2 * MINUTE)).toBe(T0 + HOUR - SECOND);
    expect(nearestSelectable(w, T0 + HOUR + 9 * MINUTE)).toBe(T0 + HOUR + 10 * MINUTE + SECOND);
    expect(latestSelectable(w)).toBe(w.end);
  });

  it('maps the slider keys', () => {
    expect(keyDelta('ArrowRight', false)).toBe(MINUTE);
    expect(keyDelta('ArrowLeft', true)).toBe(-SECOND);
    expect(keyDelta('PageUp', false)).toBe(HOUR);
    expect(keyDelta('PageDown', false)).toBe(-HOUR);
    expect(keyDelta('Home', false)).toBe('start');
    expect(keyDelta('End', false)).toBe('end');
    expect(keyDelta('a', false)).toBeUndefined();
  });
});
