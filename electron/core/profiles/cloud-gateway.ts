/**
 * Builds the CRS client for a profile: its API generation, endpoint, timeout and signature method, with
 * credentials read from the secret store at the moment of each call and one rate limiter shared by every
 * profile, because Tencent counts requests per SecretId whichever profile sends them.
 */
import { type ProfileInput, type StoredProfile, secretAccounts } from '../../../shared/profiles';
import { createCrsApi } from '../cloud/create-crs-api';
import type { ClockSkewEvent, CrsApi, FetchLike } from '../cloud/crs-api';
import { credentialsFromStore } from '../cloud/transport/credentials';
import type { RateLimiter } from '../cloud/transport/rate-limiter';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';

export interface CloudGatewayDeps {
  fetch: FetchLike;
  secrets: SecretStore;
  limiter: RateLimiter;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  onClockSkew: (profileId: string, event: ClockSkewEvent) => void;
}

export class CloudGateway {
  readonly #deps: CloudGatewayDeps;
  /** One client per profile version, so its learned clock offset survives between calls. */
  readonly #clients = new Map<string, { key: string; api: CrsApi }>();

  constructor(deps: CloudGatewayDeps) {
    this.#deps = deps;
  }

  apiFor(profile: StoredProfile): CrsApi {
    const key = JSON.stringify(profile);
    const cached = this.#clients.get(profile.id);
    if (cached?.key === key) return cached.api;
    const api = this.#build(profile, profile.id, {
      credentials: credentialsFromStore({
        store: this.#deps.secrets,
        account: secretAccounts.secretKey(profile.id),
        secretId: profile.secretId,
        token: () => this.#deps.secrets.get(secretAccounts.token(profile.id)),
      }),
    });
    this.#clients.set(profile.id, { key, api });
    return api;
  }

  /** A client for a profile not saved yet: its secret lives only in this closure, for the test call. */
  apiForDraft(
    draft: Required<Pick<ProfileInput, 'secretKey'>> &
      Omit<StoredProfile, 'id' | 'createdAt'> & { token?: string },
  ): CrsApi {
    const { secretKey, token, secretId } = draft;
    return this.#build(draft, 'draft', {
      credentials: async () => (token ? { secretId, secretKey, token } : { secretId, secretKey }),
    });
  }

  forget(profileId: string): void {
    this.#clients.delete(profileId);
  }

  #build(
    profile: Omit<StoredProfile, 'id' | 'createdAt'>,
    profileId: string,
    extra: { credentials: () => Promise<{ secretId: string; secretKey: string; token?: string }> },
  ): CrsApi {
    const { fetch, limiter, now, random, sleep, logger } = this.#deps;
    return createCrsApi(profile.generation, {
      fetch,
      limiter,
      now,
      random,
      sleep,
      logger: logger.child(`cloud:${profileId.slice(0, 8)}`),
      credentials: extra.credentials,
      timeoutMs: profile.requestTimeoutSeconds * 1000,
      signatureMethod: profile.signatureMethod,
      ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
      onClockSkew: (event) => this.#deps.onClockSkew(profileId, event),
    });
  }
}
