/**
 * Cloud profiles: the non-secret part in the settings document, the SecretKey and STS token in the secret
 * store. The renderer sees `hasSecret`/`hasToken`, never a value. Deleting a profile deletes every keychain
 * entry filed under it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import {
  isInsecureEndpoint,
  type ProfileInput,
  ProfileInputSchema,
  type ProfilePatch,
  type ProfileView,
  REDIRECTING_FIELDS,
  type StoredProfile,
  StoredProfileSchema,
  secretAccounts,
} from '../../../shared/profiles';
import type { AuditRecord } from '../audit/audit-log';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { DocumentStore } from '../settings/settings-service';

export interface ProfileServiceDeps {
  store: DocumentStore;
  secrets: SecretStore;
  now: () => number;
  logger: Logger;
  /** Reports stored profiles that no longer validate; they are kept in the file, untouched. */
  onInvalid?: (count: number) => void;
  /** Records profile changes in the audit log: which fields, never a value. */
  audit?: (record: AuditRecord) => Promise<unknown>;
}

export class ProfileService {
  readonly #deps: ProfileServiceDeps;
  readonly #log: Logger;
  readonly #listeners = new Set<(profiles: ProfileView[]) => void>();
  #reportedInvalid = false;

  constructor(deps: ProfileServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('profiles');
  }

  onChange(listener: (profiles: ProfileView[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Valid stored profiles; an entry that fails validation is reported once and left in the file. */
  stored(): StoredProfile[] {
    const raw = this.#raw();
    const valid: StoredProfile[] = [];
    for (const entry of raw) {
      const parsed = StoredProfileSchema.safeParse(entry);
      if (parsed.success) valid.push(parsed.data);
    }
    if (valid.length < raw.length && !this.#reportedInvalid) {
      this.#reportedInvalid = true;
      this.#log.warn('ignored invalid stored profiles', { count: raw.length - valid.length });
      this.#deps.onInvalid?.(raw.length - valid.length);
    }
    return valid;
  }

  get(id: string): StoredProfile {
    const profile = this.stored().find((p) => p.id === id);
    if (!profile) throw new AppError('PROFILE_NOT_FOUND', undefined, { profileId: id });
    return profile;
  }

  async list(): Promise<ProfileView[]> {
    const accounts = new Set(await this.#deps.secrets.accounts());
    return this.stored().map((p) => ({
      ...p,
      hasSecret: accounts.has(secretAccounts.secretKey(p.id)),
      hasToken: accounts.has(secretAccounts.token(p.id)),
    }));
  }

  async view(id: string): Promise<ProfileView> {
    const found = (await this.list()).find((p) => p.id === id);
    if (!found) throw new AppError('PROFILE_NOT_FOUND', undefined, { profileId: id });
    return found;
  }

  async create(input: ProfileInput): Promise<ProfileView> {
    const { secretKey, token, confirmInsecureEndpoint, ...fields } = ProfileInputSchema.parse(input);
    if (isInsecureEndpoint(fields.endpoint) && !confirmInsecureEndpoint) {
      throw new AppError('INSECURE_ENDPOINT_UNCONFIRMED', undefined, { field: 'endpoint' });
    }
    const profile: StoredProfile = StoredProfileSchema.parse({
      id: randomUUID(),
      createdAt: new Date(this.#deps.now()).toISOString(),
      ...fields,
    });
    // The secret goes in first: a profile without its secret is worse than a stray keychain entry.
    await this.#deps.secrets.set(secretAccounts.secretKey(profile.id), secretKey);
    if (token) await this.#deps.secrets.set(secretAccounts.token(profile.id), token);
    this.#write([...this.#raw(), profile]);
    this.#log.info('profile added', { profileId: profile.id, generation: profile.generation });
    await this.#audit(profile, 'profile-added', `Profile added (${profile.generation}).`, {
      generation: profile.generation,
    });
    await this.#changed();
    return this.view(profile.id);
  }

  /**
   * Applies an edit. Changing where the secrets go (endpoint, API generation, SecretId) needs the SecretKey again,
   * and drops the profile's saved instance passwords and STS token: otherwise anyone able to edit a profile
   * (a compromised renderer, a peer on the bridge) could send them to an endpoint of their choosing.
   */
  async update(patch: ProfilePatch): Promise<ProfileView> {
    const current = this.get(patch.id);
    const { id, secretKey, token, clearToken, endpoint, confirmInsecureEndpoint, ...fields } = patch;
    const next = StoredProfileSchema.safeParse({
      ...current,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(endpoint === undefined ? {} : { endpoint: endpoint === '' ? undefined : endpoint }),
    });
    if (!next.success) {
      throw new AppError('SETTINGS_INVALID', next.error.issues[0]?.message, {
        field: String(next.error.issues[0]?.path[0]),
      });
    }
    const changed = (Object.keys(next.data) as Array<keyof StoredProfile>).filter(
      (key) => JSON.stringify(next.data[key]) !== JSON.stringify(current[key]),
    );
    if (next.data.endpoint === undefined && current.endpoint !== undefined && !changed.includes('endpoint'))
      changed.push('endpoint');
    const redirected = REDIRECTING_FIELDS.filter((field) => changed.includes(field));
    if (redirected.length > 0 && !secretKey) {
      throw new AppError('PROFILE_SECRET_REQUIRED', undefined, { fields: redirected.join(',') });
    }
    if (changed.includes('endpoint') && isInsecureEndpoint(next.data.endpoint) && !confirmInsecureEndpoint) {
      throw new AppError('INSECURE_ENDPOINT_UNCONFIRMED', undefined, { field: 'endpoint' });
    }
    let dropped = 0;
    if (redirected.length > 0) {
      const keep = secretAccounts.secretKey(id);
      for (const account of await this.#deps.secrets.accounts()) {
        if (account.startsWith(secretAccounts.prefix(id)) && account !== keep) {
          if (await this.#deps.secrets.delete(account)) dropped++;
        }
      }
    }
    if (secretKey) await this.#deps.secrets.set(secretAccounts.secretKey(id), secretKey);
    if (token) await this.#deps.secrets.set(secretAccounts.token(id), token);
    else if (clearToken) await this.#deps.secrets.delete(secretAccounts.token(id));
    this.#write(this.#raw().map((entry) => (isRecord(entry) && entry.id === id ? next.data : entry)));
    this.#log.info('profile updated', { profileId: id, fields: changed.join(','), droppedSecrets: dropped });
    const secretsChanged = [
      secretKey && 'secretKey',
      token && 'token',
      clearToken && !token && 'token removed',
    ]
      .filter(Boolean)
      .join(', ');
    await this.#audit(
      next.data,
      'profile-updated',
      `Profile changed: ${[...changed, ...(secretsChanged ? [secretsChanged] : [])].join(', ') || 'nothing'}.` +
        (dropped > 0 ? ` ${dropped} saved secret(s) (instance passwords, STS token) removed.` : ''),
      {
        // Field names only, never values; the window translates each.
        fields: [
          ...changed,
          ...(secretKey ? ['secretKey'] : []),
          ...(token ? ['token'] : []),
          ...(clearToken && !token ? ['tokenRemoved'] : []),
        ].join(','),
        dropped: String(dropped),
      },
    );
    await this.#changed();
    return this.view(id);
  }

  /** Removes the profile and every keychain entry filed under it (SecretKey, token, saved passwords). */
  async delete(id: string): Promise<{ removedSecrets: number }> {
    const profile = this.get(id);
    const prefix = secretAccounts.prefix(id);
    let removedSecrets = 0;
    for (const account of await this.#deps.secrets.accounts()) {
      if (account.startsWith(prefix) && (await this.#deps.secrets.delete(account))) removedSecrets++;
    }
    this.#write(this.#raw().filter((entry) => !(isRecord(entry) && entry.id === id)));
    this.#log.info('profile deleted', { profileId: id, removedSecrets });
    await this.#audit(
      profile,
      'profile-deleted',
      `Profile deleted; ${removedSecrets} keychain entr${removedSecrets === 1 ? 'y' : 'ies'} removed.`,
      { count: String(removedSecrets) },
    );
    await this.#changed();
    return { removedSecrets };
  }

  async #audit(
    profile: StoredProfile,
    action: 'profile-added' | 'profile-updated' | 'profile-deleted',
    message: string,
    params: Record<string, string>,
  ): Promise<void> {
    await this.#deps.audit?.({
      action,
      outcome: 'succeed',
      profileId: profile.id,
      profileName: profile.name,
      message,
      // The action names the message: the window renders it from these values in its language.
      messageCode: action,
      messageParams: params,
    });
  }

  #raw(): unknown[] {
    const raw = this.#deps.store.store.profiles;
    return Array.isArray(raw) ? raw : [];
  }

  #write(profiles: unknown[]): void {
    this.#deps.store.store = { ...this.#deps.store.store, profiles };
  }

  async #changed(): Promise<void> {
    if (this.#listeners.size === 0) return;
    const profiles = await this.list();
    for (const listener of this.#listeners) listener(profiles);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
