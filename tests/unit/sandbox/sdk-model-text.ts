// Reads the official Node SDK's redis models from their .d.ts text (not from our own types), so a field or
// an enum code added in a newer SDK shows up in the tests that compare the sandbox with it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const sdkRoot = dirname(require.resolve('tencentcloud-sdk-nodejs/package.json'));
const modelsText = readFileSync(
  join(sdkRoot, 'tencentcloud/services/redis/v20180412/redis_models.d.ts'),
  'utf8',
);

/** The SDK version the text was read from, for messages. */
export const SDK_VERSION: string = (require('tencentcloud-sdk-nodejs/package.json') as { version: string })
  .version;

/** Field name → its doc comment (HTML tags removed), in declaration order, of one model interface. */
export function modelFields(model: string): Map<string, string> {
  const start = modelsText.indexOf(`export interface ${model} {`);
  if (start < 0) throw new Error(`${model} is not a model of the SDK's redis_models.d.ts`);
  const end = modelsText.indexOf('\n}', start);
  const body = modelsText.slice(start, end);
  const fields = new Map<string, string>();
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+)\??:/g)) {
    const comment = (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/^\s*\*/gm, '');
    fields.set(m[2] ?? '', comment);
  }
  return fields;
}

/** The fields a model interface declares required (`Name:` rather than `Name?:`). */
export function requiredFields(model: string): Set<string> {
  const start = modelsText.indexOf(`export interface ${model} {`);
  if (start < 0) throw new Error(`${model} is not a model of the SDK's redis_models.d.ts`);
  const body = modelsText.slice(start, modelsText.indexOf('\n}', start));
  return new Set([...body.matchAll(/^\s+(\w+):/gm)].map((m) => m[1] ?? ''));
}

/**
 * `code → text` pairs of an enum documented in a field's comment, in either of the SDK's two styles:
 * `<li>2： Redis 2.8 …。</li>` and `- 2：Redis 2.8 …。`.
 */
export function enumCodes(model: string, field: string): Map<string, string> {
  const comment = modelFields(model).get(field);
  if (comment === undefined) throw new Error(`${model}.${field} is not in the SDK`);
  const codes = new Map<string, string>();
  for (const m of comment.matchAll(/(?:^|\s|-)\s*(-?\d+)\s*[：:]\s*([^。\n]+)。?/g)) {
    codes.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  return codes;
}

type Row = Record<string, unknown>;

/** The rows under `path` in every answer (lists flattened at each step; an absent or null value is none). */
export function rowsAt(answers: readonly Row[], path: readonly string[]): Row[] {
  let rows: unknown[] = [...answers];
  for (const key of path) {
    rows = rows.flatMap((r) => {
      const v = (r as Row)[key];
      return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    });
  }
  return rows as Row[];
}

/** A model's fields no row fills (`never`), and the fields rows carry that the model lacks (`extra`). */
export function unfilled(model: string, rows: readonly Row[]) {
  const fields = [...modelFields(model).keys()];
  const seen = new Set(rows.flatMap((r) => Object.keys(r)));
  return {
    never: fields.filter((f) => !seen.has(f)),
    extra: [...seen].filter((f) => !fields.includes(f)),
  };
}

/** Asserts an action's schema takes exactly its request model's fields, each required as the SDK says. */
export function expectRequestModel(action: string, schema: Readonly<Record<string, { required?: boolean }>>) {
  const model = modelFields(`${action}Request`);
  expect(Object.keys(schema).sort()).toEqual([...model.keys()].sort());
  const required = requiredFields(`${action}Request`);
  for (const name of model.keys()) expect(schema[name]?.required ?? false, name).toBe(required.has(name));
}
