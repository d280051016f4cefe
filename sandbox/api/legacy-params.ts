// Parameter readers shared by the legacy v2 actions: everything arrives as a string, lists arrive as
// `name.0`, `name.1` … and business errors use the documented 11201 InvalidParameter.

export type LegacyResult =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; code: number; codeDesc: string; message: string };

export type LegacyParams = Readonly<Record<string, string>>;

export const invalid = (message: string): LegacyResult => ({
  ok: false,
  code: 11201,
  codeDesc: 'InvalidParameter',
  message,
});

/** undefined = absent, null = present but not an unsigned integer. */
export function uint(params: LegacyParams, name: string): number | null | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** `projectIds.0`, `projectIds.1` … (or `projectIds_0`, which legacy SDKs sign as dots). */
export function list(params: LegacyParams, name: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (new RegExp(`^${name}[._]\\d+$`).test(key)) out.push(value);
  }
  return out;
}
