// Pre-serialised JSON inside an answer. A 1000-row DescribeInstances page is over a megabyte of JSON; building,
// stringifying and UTF-8 encoding it on every request was most of the sandbox's time per page, on its one
// thread, while a real cloud serves pages in parallel. Rows that have not changed are encoded once (as
// UTF-8 bytes, ready for the socket) and spliced in.

/**
 * UTF-8 JSON text, in pieces, to be written as it is where a value would be serialised. `T` names the
 * model the text encodes (e.g. the SDK's `InstanceSet[]`), so an answer's type still says what is in it.
 */
export class RawJson<T = unknown> {
  /** Never set: carries `T`, which would otherwise be erased structurally. */
  declare readonly model?: T;

  constructor(readonly chunks: readonly Buffer[]) {}

  /** Anything that stringifies an answer without `encodeAnswer` still gets the same JSON, slowly. */
  toJSON(): unknown {
    return JSON.parse(Buffer.concat(this.chunks).toString('utf8'));
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
};

function containsRaw(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const v = value[key];
    if (v instanceof RawJson || (isPlainObject(v) && containsRaw(v))) return true;
  }
  return false;
}

function collect(value: unknown, out: Array<string | Buffer>): void {
  if (value instanceof RawJson) {
    out.push(...value.chunks);
    return;
  }
  if (!isPlainObject(value) || !containsRaw(value)) {
    out.push(JSON.stringify(value));
    return;
  }
  out.push('{');
  let first = true;
  for (const key in value) {
    const v = value[key];
    // JSON.stringify leaves these properties out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    collect(v, out);
  }
  out.push('}');
}

/**
 * The UTF-8 bytes of `JSON.stringify(value)`, except that a RawJson met in a plain object's property is
 * written as its bytes. Plain objects are walked (the envelope, `Response`); anything else is stringified.
 */
export function encodeAnswer(value: unknown): Buffer {
  const parts: Array<string | Buffer> = [];
  collect(value, parts);
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}
