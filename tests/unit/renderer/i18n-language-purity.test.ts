/**
 * Each language speaks only itself: the Chinese texts (UI catalog, core texts and the error catalog) hold no
 * English word except identifiers a DBA types or sees verbatim elsewhere (API names, key names, file types,
 * shell words); the English texts hold no Chinese. One term per idea in Chinese: 凭证 (not 凭据), 接入点 (not
 * 接入地址), STS Token (not STS 令牌).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';
import { errorCatalog } from '../../../shared/errors';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, out);
  return out;
}

const zhTexts = [...strings(zhCN), ...Object.values(errorCatalog).flatMap((entry) => strings(entry.zh))];
const enTexts = [...strings(en), ...Object.values(errorCatalog).flatMap((entry) => strings(entry.en))];

/** Identifiers allowed in Chinese text: product, API, key and file names, and shell words in commands. */
const ALLOWED = new Set([
  'API',
  'IP', // written as such in Chinese technical text (IP 地址)
  'CAM',
  'CKV', // the engine's name (CKV 3.2)
  'CloneInstances',
  'CRS',
  'CSV',
  'Desk', // the app's name, CRS Restore Desk
  'Restore',
  'DescribeTaskInfo',
  'FailedOperation.PayFailed',
  'FailedOperation.Unknown',
  'LimitExceeded.ReachTheAmountLimit',
  'HTTP',
  'HTTPS',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ID',
  'JSON',
  'MFA',
  'QcloudRedisFullAccess',
  'Redis',
  'RequestId',
  'RestoreInstance',
  'SSL',
  'SwitchAccessNewInstance',
  'Shift', // the key, in the timeline's keyboard hint
  'STS',
  'SecretId',
  'SecretKey',
  'Token',
  'UTC',
  'VPC',
  'ap-guangzhou',
  'ap-shanghai',
  'crs-desk-',
  'open.html',
  'http',
  'https',
  'keychain', // glossed once next to 钥匙串
  'launch',
  'npm',
  'start',
  'read', // `read -rs VAR` in the tccli password hint
  'rs',
  'redis',
  'tccli',
  'v2',
  // Restore into a new instance (issue 20, clone-core): the product, the action and the cloud codes it names.
  'CKV',
  'FailedOperation.PayFailed',
  'LimitExceeded.ReachTheAmountLimit',
  // The backup inspector (issue 19): the file format, Redis's own terms, the API action and units.
  'GB',
  'KB',
  'RDB',
  'TTL',
  'abc', // the glob example [abc]
  'KMS', // Tencent's key management service, named in the backup decryption error
  'redis-cli',
]);

describe('language purity', () => {
  it('has no English word in the Chinese texts but allowed identifiers', () => {
    const words = new Set<string>();
    for (const text of zhTexts) {
      for (const m of text.replace(/\{\{\w+\}\}/g, '').matchAll(/[A-Za-z][A-Za-z0-9_.-]*/g)) words.add(m[0]);
    }
    expect([...words].filter((w) => !ALLOWED.has(w)).sort()).toEqual([]);
  });

  it('has no Chinese in the English texts', () => {
    expect(enTexts.filter((text) => /[\u3400-\u9fff\uff00-\uffef]/.test(text))).toEqual([]);
  });

  it('uses one Chinese term per idea', () => {
    expect(zhTexts.filter((text) => /凭据|接入地址|STS 令牌/.test(text))).toEqual([]);
  });
});
