/**
 * Equality of plain JSON-like values, for telling an unchanged fleet listing from a changed one (the core
 * before it answers a refresh, the renderer before it replaces its rows).
 *
 * Objects compare key by key and arrays item by item. A key whose value is `undefined` counts as absent, as
 * in JSON: Electron's IPC (structured clone) keeps such keys, the bridge's JSON drops them, and the same
 * instance may come either way.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (value === undefined) continue;
    defined++;
    // hasOwn: `right.__proto__` would read the prototype, which compares equal to an empty object.
    if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) return false;
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) defined--;
  return defined === 0;
}

/** Two lists of the same values in the same order (compared item by item with `sameJson`). */
export function sameList<T>(
  left: readonly T[],
  right: readonly unknown[],
  of: (item: T) => unknown = (x) => x,
) {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) if (!sameJson(of(left[i] as T), right[i])) return false;
  return true;
}
