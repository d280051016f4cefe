// A small, explicit parameter checker for API 3.0 actions. It reproduces the common-layer errors the
// real gateway gives: MissingParameter, InvalidParameter (wrong type) and UnknownParameter.

export type FieldType = 'string' | 'int' | 'bool' | 'string[]' | 'int[]' | 'object[]' | 'object';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
}

export type Schema = Readonly<Record<string, FieldSpec>>;
export type Params = Record<string, unknown>;

/** The checker's field type for a model field's type (`number | bigint` arrays are the SDK's int lists). */
type FieldTypeOf<V> = [V] extends [string]
  ? 'string'
  : [V] extends [number]
    ? 'int'
    : [V] extends [boolean]
      ? 'bool'
      : [V] extends [string[]]
        ? 'string[]'
        : [V] extends [Array<number | bigint>]
          ? 'int[]'
          : [V] extends [object[]]
            ? 'object[]'
            : [V] extends [object]
              ? 'object'
              : never;

/**
 * A schema for a request model: exactly the model's fields (a missing or extra name fails the typecheck),
 * each with the checker type of its model type, required exactly when the model requires it.
 */
export type SchemaOf<R> = {
  readonly [K in keyof R]-?: { type: FieldTypeOf<NonNullable<R[K]>> } & (object extends Pick<R, K>
    ? { required?: false }
    : { required: true });
};

/** Checked parameters of a request model: only its field names can be read. */
export type ParamsOf<R> = { readonly [K in keyof R]?: unknown };
export type ParamResult = { ok: true; params: Params } | { ok: false; code: string; message: string };

/** GET requests carry `A.0=x&A.1=y` strings; rebuild arrays so one checker serves both methods. */
export function unflattenQuery(search: URLSearchParams): Params {
  const out: Params = {};
  for (const [key, value] of search) {
    const match = /^([A-Za-z]+)\.(\d+)$/.exec(key);
    if (match?.[1] !== undefined) {
      const list = Array.isArray(out[match[1]]) ? (out[match[1]] as unknown[]) : [];
      list[Number(match[2])] = value;
      out[match[1]] = list;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function coerce(value: unknown, type: 'string' | 'int' | 'bool', fromQuery: boolean): unknown {
  if (!fromQuery || typeof value !== 'string') return value;
  if (type === 'int' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function checkScalar(value: unknown, type: 'string' | 'int' | 'bool'): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'bool') return typeof value === 'boolean';
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function validateParams(schema: Schema, input: Params, fromQuery: boolean): ParamResult {
  const params: Params = {};
  for (const key of Object.keys(input)) {
    if (!(key in schema)) {
      return { ok: false, code: 'UnknownParameter', message: `The parameter \`${key}\` is not recognized.` };
    }
  }
  for (const [name, spec] of Object.entries(schema)) {
    const raw = input[name];
    if (raw === undefined || raw === null) {
      if (spec.required) {
        return {
          ok: false,
          code: 'MissingParameter',
          message: `The request is missing a required parameter \`${name}\`.`,
        };
      }
      continue;
    }
    const wrongType = {
      ok: false as const,
      code: 'InvalidParameter',
      message: `The type of parameter \`${name}\` is not correct: expected ${spec.type}.`,
    };
    if (spec.type === 'object') {
      if (typeof raw !== 'object' || Array.isArray(raw)) return wrongType;
      params[name] = raw;
      continue;
    }
    if (spec.type === 'object[]') {
      if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'object' || item === null))
        return wrongType;
      params[name] = raw;
      continue;
    }
    if (spec.type === 'string[]' || spec.type === 'int[]') {
      const itemType = spec.type === 'string[]' ? 'string' : 'int';
      if (!Array.isArray(raw)) return wrongType;
      const items = raw.map((item) => coerce(item, itemType, fromQuery));
      if (!items.every((item) => checkScalar(item, itemType))) return wrongType;
      params[name] = items;
      continue;
    }
    const value = coerce(raw, spec.type, fromQuery);
    if (!checkScalar(value, spec.type)) return wrongType;
    params[name] = value;
  }
  return { ok: true, params };
}

// Readers of checked parameters; with ParamsOf a misspelt field name fails the typecheck.
type Field<P> = keyof P & string;
export const str = <P extends object>(p: P, name: Field<P>): string | undefined =>
  p[name] as string | undefined;
export const int = <P extends object>(p: P, name: Field<P>): number | undefined =>
  p[name] as number | undefined;
export const strs = <P extends object>(p: P, name: Field<P>): string[] | undefined =>
  p[name] as string[] | undefined;
export const ints = <P extends object>(p: P, name: Field<P>): number[] | undefined =>
  p[name] as number[] | undefined;
