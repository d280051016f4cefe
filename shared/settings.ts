import { z } from 'zod';
import { BackupSpanSchema } from './backup-span';
import { BackupCacheGbSchema, BackupDownloadNetworkSchema, DEFAULT_BACKUP_CACHE_GB } from './downloads';

/**
 * How the app reaches the cloud: the system's proxy (environment variables in browser mode, the OS settings in
 * Electron), a direct connection, or a proxy given here. A manual proxy URL carries no user name or password:
 * the settings file is not a place for secrets. Loopback (the built-in sandbox) is never proxied.
 */
export const ProxySettingSchema = z
  .object({
    mode: z.enum(['system', 'none', 'manual']),
    url: z
      .string()
      .trim()
      .max(300)
      .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, 'http://host:port, without a user name or password')
      .optional(),
    /** Hosts that bypass the manual proxy, NO_PROXY style: `host`, `.domain`, `*.domain`, `host:port`. */
    noProxy: z
      .string()
      .trim()
      .max(1000)
      .regex(/^[A-Za-z0-9.*:,\s[\]-]*$/, 'host names, .domains and host:port, separated by commas')
      .optional(),
  })
  .strict()
  .refine((p) => p.mode !== 'manual' || Boolean(p.url), {
    message: 'a proxy URL is needed for a manual proxy',
    path: ['url'],
  });
export type ProxySetting = z.infer<typeof ProxySettingSchema>;

/** User preferences; profiles live beside them in the same store (added with the core). */
export const PreferencesSchema = z
  .object({
    language: z.enum(['en', 'zh-CN']),
    theme: z.enum(['light', 'dark', 'system']),
    /** First poll interval of a running restore task; the poller backs off from here. */
    pollIntervalSeconds: z.number().int().min(1).max(60),
    notifications: z.boolean(),
    /** Production profiles always ask for the typed instance name; this decides for the others. */
    typedConfirmation: z.enum(['always', 'production-only']),
    /**
     * Days of backups the instance view lists by default, or `all` of the documented retention; the core
     * walks 30-day windows (the most one request may span) back to it.
     */
    backupWindowDays: BackupSpanSchema,
    proxy: ProxySettingSchema,
    /** The profile in use when the app last ran; the built-in sandbox is started again at launch for it. */
    lastProfileId: z.string().max(100).optional(),
    /**
     * The clock every time is shown in: Beijing time (UTC+8), as the Tencent Cloud console shows it, or this
     * computer's zone. Either way the zone is named next to the time.
     */
    timeZone: z.enum(['beijing', 'local']),
    // Backup downloads (issue 19).
    /** Size cap of the downloaded-backup cache in GB; least recently used backups go first. */
    backupCacheGb: BackupCacheGbSchema,
    /** Download from the public link, or the private-network one (only from inside the allowed VPC). */
    backupDownloadNetwork: BackupDownloadNetworkSchema,
  })
  .strict();

export type Preferences = z.infer<typeof PreferencesSchema>;

export const defaultPreferences: Preferences = {
  language: 'en',
  theme: 'system',
  pollIntervalSeconds: 2,
  notifications: true,
  typedConfirmation: 'always',
  backupWindowDays: 7,
  proxy: { mode: 'system' },
  timeZone: 'beijing',
  backupCacheGb: DEFAULT_BACKUP_CACHE_GB,
  backupDownloadNetwork: 'public',
};

/** A settings change: any subset of the preferences, each value validated. */
export const PreferencesPatchSchema = PreferencesSchema.partial().strict();

export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;
