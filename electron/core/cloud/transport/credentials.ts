/**
 * Credentials for the clients, read from the SecretStore at the moment of each call — so only main ever
 * holds a SecretKey, and only for as long as one request takes. A key rotated in the keychain is picked up
 * by the very next call.
 */
import { AppError } from '../../../../shared/errors';
import type { SecretStore } from '../../secrets/secret-store';
import type { CloudCredentials } from '../crs-api';

export interface StoredCredentialsOptions {
  store: SecretStore;
  /** Keychain account holding the SecretKey, e.g. `profile:<id>:secret-key`. */
  account: string;
  /** The SecretId is not secret; it lives in the profile settings. */
  secretId: string;
  /** STS token source for temporary credentials, if the profile uses them. */
  token?: () => Promise<string | undefined>;
}

export function credentialsFromStore(options: StoredCredentialsOptions): () => Promise<CloudCredentials> {
  return async () => {
    const secretKey = await options.store.get(options.account);
    if (!secretKey) throw new AppError('CREDENTIALS_MISSING', undefined, { account: options.account });
    const token = await options.token?.();
    return token
      ? { secretId: options.secretId, secretKey, token }
      : { secretId: options.secretId, secretKey };
  };
}
