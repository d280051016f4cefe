import { z } from 'zod';
import { BackupSpanSchema } from './backup-span';

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
};

/** A settings change: any subset of the preferences, each value validated. */
export const PreferencesPatchSchema = PreferencesSchema.partial().strict();

export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;
