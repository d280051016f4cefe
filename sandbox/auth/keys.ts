// The keys the sandbox accepts, each with a CAM-like policy so permission errors come from real state.
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  NOACCESS_SECRET_ID,
  NOACCESS_SECRET_KEY,
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
  TEMPORARY_SECRET_ID,
  TEMPORARY_SECRET_KEY,
  TEMPORARY_TOKEN,
} from '../constants.js';
import type { Principal } from '../state/types.js';
import { type MintedCredentials, type MintOptions, mintCredentials, type TemporaryGrant } from './sts.js';

export interface Credentials {
  secretId: string;
  secretKey: string;
}

interface KeyEntry {
  secretKey: string;
  principal: Principal;
  /** Set for STS temporary keys: the token they need and their expiry. */
  temporary: TemporaryGrant | null;
}

const READ_ACTIONS = [
  'DescribeInstances',
  'DescribeInstanceBackups',
  'DescribeTaskInfo',
  'DescribeTaskList',
  'DescribeBackupUrl',
  'DescribeBackupDetail',
  'DescribeBackupDownloadRestriction',
  'DescribeRedis',
  'GetRedisBackupList',
  'GetRedisTaskList',
  'GetBackupDownloadUrl',
];

export class KeyRing {
  private readonly keys = new Map<string, KeyEntry>();

  constructor(main: Credentials = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }) {
    this.add(main.secretId, main.secretKey, null, null);
    this.add(READONLY_SECRET_ID, READONLY_SECRET_KEY, READ_ACTIONS, null);
    this.add(PROJECT0_SECRET_ID, PROJECT0_SECRET_KEY, null, [0]);
    this.add(TEMPORARY_SECRET_ID, TEMPORARY_SECRET_KEY, null, null, {
      token: TEMPORARY_TOKEN,
      expiredTime: null,
    });
    this.add(NOACCESS_SECRET_ID, NOACCESS_SECRET_KEY, [], null);
  }

  add(
    secretId: string,
    secretKey: string,
    allowedActions: string[] | null,
    allowedProjects: number[] | null,
    temporary: TemporaryGrant | null = null,
  ): void {
    // The main key may be replaced by --secret-id; never let a sub-user entry shadow it.
    if (this.keys.has(secretId)) return;
    this.keys.set(secretId, {
      secretKey,
      principal: { secretId, allowedActions, allowedProjects },
      temporary,
    });
  }

  /** New full-access temporary credentials, as STS GetFederationToken would issue them. */
  mintTemporary(options: MintOptions, nowSec: number): MintedCredentials {
    const minted = mintCredentials(options, nowSec);
    const { TmpSecretId, TmpSecretKey, Token } = minted.Credentials;
    this.add(TmpSecretId, TmpSecretKey, null, null, { token: Token, expiredTime: minted.ExpiredTime });
    return minted;
  }

  /** The token and expiry a temporary key needs; null for a long-term (or unknown) key. */
  grantOf(secretId: string): TemporaryGrant | null {
    return this.keys.get(secretId)?.temporary ?? null;
  }

  secretKeyOf(secretId: string): string | undefined {
    return this.keys.get(secretId)?.secretKey;
  }

  principalOf(secretId: string): Principal {
    return this.keys.get(secretId)?.principal ?? { secretId, allowedActions: [], allowedProjects: [] };
  }
}
