/**
 * Cloud profiles: one Tencent Cloud account (or private deployment) with its regions. The SecretId is an
 * identifier and lives here; the SecretKey and any STS token live only in the keychain, so a profile as the
 * renderer sees it carries `hasSecret`, never a secret.
 */
import { z } from 'zod';
import { ApiGenerationSchema } from './domain';

export const EnvironmentTagSchema = z.enum(['production', 'staging', 'testing', 'development', 'sandbox']);
export type EnvironmentTag = z.infer<typeof EnvironmentTagSchema>;

/** Region codes as the cloud spells them: `ap-guangzhou`, `na-siliconvalley`, `eu-frankfurt`. */
export const RegionSchema = z
  .string()
  .regex(/^[a-z]{2,4}(-[a-z0-9]+){1,3}$/, 'a region code such as ap-guangzhou');

/** `scheme://host[:port]` or a bare `host[:port]`; checked in depth by the clients' endpoint parser. */
export const EndpointSchema = z
  .string()
  .trim()
  .max(300)
  .regex(
    /^(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?\/?$/,
    'scheme://host[:port], e.g. https://redis.tencentcloudapi.com',
  );

/**
 * Bounds wide enough for STS temporary credentials: TmpSecretId and TmpSecretKey are "最长不超过1024字节",
 * the token "最长不超过4096字节" (tencentcloud-sdk-nodejs sts/v20180813/sts_models.d.ts, `Credentials`).
 */
const MAX_KEY_LENGTH = 1024;
const MAX_TOKEN_LENGTH = 4096;

const SecretIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_KEY_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

const ProfileFields = {
  name: z.string().trim().min(1).max(80),
  secretId: SecretIdSchema,
  generation: ApiGenerationSchema,
  /** Empty means the public endpoint of the generation. */
  endpoint: EndpointSchema.optional(),
  regions: z.array(RegionSchema).min(1).max(40),
  defaultRegion: RegionSchema,
  environment: EnvironmentTagSchema,
  requestTimeoutSeconds: z.number().int().min(3).max(300),
  /** Legacy v2 only: HmacSHA1 is the API's default. */
  signatureMethod: z.enum(['HmacSHA1', 'HmacSHA256']),
};

/** A profile as stored in the settings file. */
export const StoredProfileSchema = z
  .object({ id: z.string().uuid(), createdAt: z.string(), ...ProfileFields })
  .strict()
  .refine((p) => p.regions.includes(p.defaultRegion), {
    message: 'the default region must be one of the regions',
  });
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

/** A profile as the renderer sees it. */
export const ProfileViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  ...ProfileFields,
  hasSecret: z.boolean(),
  hasToken: z.boolean(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** Secrets travel renderer → main once, in these fields, and are never sent back. */
const SecretFields = {
  secretKey: z.string().min(1).max(MAX_KEY_LENGTH),
  /**
   * STS session token for temporary credentials. It travels as an HTTP header (X-TC-Token), so it must be
   * printable ASCII without spaces; surrounding whitespace from a paste is dropped.
   */
  token: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TOKEN_LENGTH)
    .regex(/^[\x21-\x7E]+$/, 'the token as issued: printable characters, no spaces')
    .optional(),
};

/**
 * A plain-http endpoint off this machine sends the signed requests (and RestoreInstance's password) readable on
 * the network, so it is saved only with this explicit confirmation.
 */
const ConfirmInsecure = { confirmInsecureEndpoint: z.literal(true).optional() };

export const ProfileInputSchema = z
  .object({
    ...ProfileFields,
    requestTimeoutSeconds: ProfileFields.requestTimeoutSeconds.default(30),
    signatureMethod: ProfileFields.signatureMethod.default('HmacSHA1'),
    ...SecretFields,
    ...ConfirmInsecure,
  })
  .strict()
  .refine((p) => p.regions.includes(p.defaultRegion), {
    message: 'the default region must be one of the regions',
    path: ['defaultRegion'],
  });
export type ProfileInput = z.input<typeof ProfileInputSchema>;

/** An edit: every field optional; a new secretKey replaces the stored one, `clearToken` removes the token. */
export const ProfilePatchSchema = z
  .object({
    id: z.string().uuid(),
    name: ProfileFields.name.optional(),
    secretId: ProfileFields.secretId.optional(),
    generation: ProfileFields.generation.optional(),
    endpoint: EndpointSchema.or(z.literal('')).optional(),
    regions: ProfileFields.regions.optional(),
    defaultRegion: ProfileFields.defaultRegion.optional(),
    environment: ProfileFields.environment.optional(),
    requestTimeoutSeconds: ProfileFields.requestTimeoutSeconds.optional(),
    signatureMethod: ProfileFields.signatureMethod.optional(),
    secretKey: SecretFields.secretKey.optional(),
    token: SecretFields.token,
    clearToken: z.boolean().optional(),
    ...ConfirmInsecure,
  })
  .strict();
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

/** Keychain account names: one per secret, all derived from the profile id so deletion finds them all. */
export const secretAccounts = {
  secretKey: (profileId: string) => `profile:${profileId}:secret-key`,
  token: (profileId: string) => `profile:${profileId}:token`,
  instancePassword: (profileId: string, instanceId: string) => `profile:${profileId}:instance:${instanceId}`,
  prefix: (profileId: string) => `profile:${profileId}:`,
};

/** Profile fields that decide where the secrets go: changing one needs the SecretKey again (profile-service.ts). */
export const REDIRECTING_FIELDS = ['endpoint', 'generation', 'secretId'] as const;

/** `http://` to anything but this machine: requests travel unencrypted (shown with a warning badge). */
export function isInsecureEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint || !/^http:\/\//i.test(endpoint.trim())) return false;
  const host = endpoint
    .trim()
    .replace(/^http:\/\//i, '')
    .replace(/\/$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  return !(host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host));
}
