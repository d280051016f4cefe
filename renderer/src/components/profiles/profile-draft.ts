/** The profile form's draft and its validation, with the shared schemas as the judge. */
import {
  EnvironmentTagSchema,
  isInsecureEndpoint,
  type ProfileInput,
  ProfileInputSchema,
  type ProfileView,
  REDIRECTING_FIELDS,
} from '../../../../shared/profiles';

export interface Draft {
  name: string;
  secretId: string;
  secretKey: string;
  generation: 'v3' | 'legacy-v2';
  endpoint: string;
  token: string;
  clearToken: boolean;
  regions: string;
  defaultRegion: string;
  environment: ProfileInput['environment'];
  requestTimeoutSeconds: number;
  /** The user accepts a plain-http endpoint off this machine (shown only for such an endpoint). */
  confirmInsecure: boolean;
}

export const environments = EnvironmentTagSchema.options;

export function draftOf(profile?: ProfileView): Draft {
  return {
    name: profile?.name ?? '',
    secretId: profile?.secretId ?? '',
    secretKey: '',
    generation: profile?.generation ?? 'v3',
    endpoint: profile?.endpoint ?? '',
    token: '',
    clearToken: false,
    regions: profile?.regions.join(' ') ?? 'ap-guangzhou',
    defaultRegion: profile?.defaultRegion ?? '',
    environment: profile?.environment ?? 'production',
    requestTimeoutSeconds: profile?.requestTimeoutSeconds ?? 30,
    confirmInsecure: false,
  };
}

export const regionList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean),
  ),
];

export function toInput(d: Draft): ProfileInput {
  const regions = regionList(d.regions);
  return {
    name: d.name.trim(),
    secretId: d.secretId.trim(),
    secretKey: d.secretKey,
    generation: d.generation,
    ...(d.endpoint.trim() ? { endpoint: d.endpoint.trim() } : {}),
    ...(d.token ? { token: d.token } : {}),
    regions,
    defaultRegion:
      d.defaultRegion && regions.includes(d.defaultRegion) ? d.defaultRegion : (regions[0] ?? ''),
    environment: d.environment,
    requestTimeoutSeconds: d.requestTimeoutSeconds,
    ...(d.confirmInsecure && isInsecureEndpoint(d.endpoint)
      ? { confirmInsecureEndpoint: true as const }
      : {}),
  };
}

/** The fields of an edit that change where the secrets go (the core then wants the SecretKey again). */
export function redirectedFields(profile: ProfileView | undefined, d: Draft): string[] {
  if (!profile) return [];
  const now = { endpoint: d.endpoint.trim(), generation: d.generation, secretId: d.secretId.trim() };
  const before = {
    endpoint: profile.endpoint ?? '',
    generation: profile.generation,
    secretId: profile.secretId,
  };
  return REDIRECTING_FIELDS.filter((f) => now[f] !== before[f]);
}

export type FieldErrors = Partial<Record<keyof Draft, string>>;

/**
 * i18n keys of the first problem per field. Editing allows an empty SecretKey (the stored one is kept) unless
 * the edit changes where secrets go; a plain-http endpoint off this machine needs the confirmation box.
 */
export function validate(d: Draft, profile?: ProfileView): FieldErrors {
  const editing = profile !== undefined;
  const errors: FieldErrors = {};
  if (editing && !d.secretKey && redirectedFields(profile, d).length > 0)
    errors.secretKey = 'profileForm.secretKeyRedirect';
  if (isInsecureEndpoint(d.endpoint) && !d.confirmInsecure)
    errors.confirmInsecure = 'profileForm.insecureConfirmNeeded';
  const input = toInput(editing && !d.secretKey ? { ...d, secretKey: 'unchanged' } : d);
  const parsed = ProfileInputSchema.safeParse(input);
  if (parsed.success) return errors;
  const messages: Partial<Record<keyof Draft, string>> = {
    name: 'profileForm.required',
    secretId: d.secretId.trim() ? 'profileForm.secretIdInvalid' : 'profileForm.required',
    secretKey: 'profileForm.required',
    endpoint: 'profileForm.endpointHint',
    token: 'profileForm.tokenInvalid',
    regions: 'profileForm.regionsInvalid',
    defaultRegion: 'profileForm.defaultNotInRegions',
    requestTimeoutSeconds: 'profileForm.timeout',
  };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') as keyof Draft;
    const key = messages[field];
    if (key && !errors[field]) errors[field] = key;
  }
  return errors;
}
