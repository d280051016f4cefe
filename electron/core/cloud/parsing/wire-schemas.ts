/**
 * Zod building blocks for cloud responses. Both generations have been seen sending numbers as strings
 * (legacy docs show `"status":"2"`, an API 3.0 example shows `"TaskId": "6954227"`), so numeric fields
 * accept either; everything the app does not strictly need is optional, so a sparse answer still parses.
 */
import { z } from 'zod';

/** A number, or a string holding one (`"2"`, `"-1"`, `"4096.5"`). */
export const num = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

/** An integer, or a string holding one. */
export const int = num.pipe(z.number().int());

/** A non-negative integer id (task ids), normalized to its decimal string. */
export const idDigits = z.union([
  z.number().int().nonnegative().transform(String),
  z.string().trim().regex(/^\d+$/, 'expected a decimal id'),
]);

/** A string that may be absent or null; absent and null both read as undefined. */
export const optString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

/** Human-readable summary of a zod failure: the first few issues with their paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses JSON text without throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
