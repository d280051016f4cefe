/**
 * Listing rows read field by field: a row with a missing, null or malformed field is kept, with that field
 * dropped and named, instead of failing the whole page. Only a page that is not a listing at all fails.
 * Used for the rows of every listing except API 3.0 DescribeInstances, which has its own allocation-free
 * reader (api3-instance-page.ts) with the same rule.
 */
import { z } from 'zod';

export interface LenientRow<T> {
  row: Partial<T>;
  /** Fields that were required but missing or null, or present but malformed; absent when complete. */
  incomplete?: string[];
}

/**
 * Reads `value` against `shape`. A field fails when its schema refuses it (it is then named and dropped),
 * or when it is in `required` and absent or null. A value that is not an object counts as a row with every
 * required field missing.
 */
export function readLenientRow<S extends z.ZodRawShape>(
  shape: S,
  required: readonly (keyof S & string)[],
  value: unknown,
): LenientRow<z.infer<z.ZodObject<S>>> {
  const source: Record<string, unknown> =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const row: Record<string, unknown> = {};
  const incomplete: string[] = [];
  for (const key of Object.keys(shape)) {
    const raw = source[key];
    if (raw === undefined || raw === null) {
      if (required.includes(key)) incomplete.push(key);
      continue;
    }
    const parsed = (shape[key] as z.ZodType).safeParse(raw);
    if (parsed.success) {
      if (parsed.data !== undefined) row[key] = parsed.data;
    } else {
      incomplete.push(key);
    }
  }
  return incomplete.length > 0
    ? { row: row as Partial<z.infer<z.ZodObject<S>>>, incomplete }
    : { row: row as Partial<z.infer<z.ZodObject<S>>> };
}

/** A listing's row array: an array, or null/absent read as empty; anything else is not a listing. */
export const RowArraySchema = z.array(z.unknown()).nullish();

/**
 * The id given to a row the cloud sent without one: unique within the listing, and shaped so the IPC
 * contract's id patterns refuse it (`?` is in neither), so nothing can ever be sent for it.
 */
export function placeholderId(scope: string, at: number): string {
  return `?${scope}#${at}`;
}
