/**
 * The point-in-time timeline's rules, apart from its drawing: which instants can be chosen (inside the range,
 * outside every gap the cloud reported in MissingTimestamps) and where a key press moves to. A gap's two ends
 * count as missing: the model (SecondLevelBackupMissingTimestamps) does not say whether they are inclusive,
 * so the worst case is taken.
 */

export interface PitrWindow {
  /** Epoch milliseconds, whole seconds. */
  start: number;
  end: number;
  gaps: ReadonlyArray<{ start: number; end: number }>;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export function gapAt(window: PitrWindow, time: number) {
  return window.gaps.find((g) => time >= g.start && time <= g.end);
}

export function isSelectable(window: PitrWindow, time: number): boolean {
  return time >= window.start && time <= window.end && gapAt(window, time) === undefined;
}

/** The nearest selectable instant from `time` going in `direction` (+1 later, -1 earlier), if any. */
function walk(window: PitrWindow, time: number, direction: 1 | -1): number | undefined {
  let t = Math.min(window.end, Math.max(window.start, time));
  // Each hop leaves one gap, so this ends after at most gaps.length + 1 rounds.
  for (let i = 0; i <= window.gaps.length; i++) {
    const gap = gapAt(window, t);
    if (!gap) return t;
    t = direction > 0 ? gap.end + SECOND : gap.start - SECOND;
    if (t < window.start || t > window.end) return undefined;
  }
  return undefined;
}

/**
 * Where a move of `delta` ms lands: jumps over a gap in the direction of travel, stops at the range's ends,
 * and never lands in a gap (if nothing selectable lies that way, the time stays where it was).
 */
export function step(window: PitrWindow, from: number, delta: number): number {
  const direction = delta >= 0 ? 1 : -1;
  const target = Math.min(window.end, Math.max(window.start, from + delta));
  return walk(window, target, direction) ?? walk(window, target, direction > 0 ? -1 : 1) ?? from;
}

/** The selectable instant nearest to `time` (a click on a gap lands on its nearer edge). */
export function nearestSelectable(window: PitrWindow, time: number): number | undefined {
  const t = Math.round(Math.min(window.end, Math.max(window.start, time)) / SECOND) * SECOND;
  const later = walk(window, t, 1);
  const earlier = walk(window, t, -1);
  if (later === undefined) return earlier;
  if (earlier === undefined) return later;
  return later - t <= t - earlier ? later : earlier;
}

/** The newest selectable instant: the timeline's starting point. */
export const latestSelectable = (window: PitrWindow) => walk(window, window.end, -1);

/** What a key does to the time, or undefined for a key the slider leaves alone. */
export function keyDelta(key: string, shift: boolean): number | 'start' | 'end' | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return shift ? SECOND : MINUTE;
    case 'ArrowLeft':
    case 'ArrowDown':
      return shift ? -SECOND : -MINUTE;
    case 'PageUp':
      return HOUR;
    case 'PageDown':
      return -HOUR;
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    default:
      return undefined;
  }
}
