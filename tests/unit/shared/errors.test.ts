import { describe, expect, it } from 'vitest';
import {
  AppError,
  api3ErrorCodes,
  appErrorCodes,
  describeCloudError,
  describeError,
  errorCatalog,
  isAppErrorCode,
  legacyErrorCodes,
  mapCloudError,
} from '../../../shared/errors';

/** Every API 3.0 code the CRS reference lists: common codes (§2.5) and the codes of the actions we call (§3). */
const documentedApi3 = [
  'AuthFailure.InvalidSecretId',
  'AuthFailure.MFAFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation',
  'DryRunOperation',
  'FailedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameterValue',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'ResourceInUse',
  'ResourceInsufficient',
  'ResourceNotFound',
  'ResourceUnavailable',
  'UnauthorizedOperation',
  'UnknownParameter',
  'UnsupportedOperation',
  'UnsupportedProtocol',
  'UnsupportedRegion',
  'FailedOperation.SystemError',
  'FailedOperation.Unknown',
  'InternalError.DbOperationFailed',
  'InternalError.InternalError',
  'InvalidParameter.EmptyParam',
  'InvalidParameter.InvalidParameter',
  'InvalidParameter.PermissionDenied',
  'InvalidParameterValue.BackupNotExists',
  'InvalidParameterValue.PasswordError',
  'ResourceNotFound.InstanceNotExists',
  'ResourceUnavailable.BackupLockedError',
  'ResourceUnavailable.BackupSpecError',
  'ResourceUnavailable.BackupStatusAbnormal',
  'ResourceUnavailable.InstanceLockedError',
  'ResourceUnavailable.InstanceStateError',
  'ResourceUnavailable.InstanceStatusAbnormal',
  'UnauthorizedOperation.NoCAMAuthed',
];

const documentedLegacy = [
  4000, 4100, 4101, 4102, 4103, 4104, 4105, 4106, 4107, 4108, 4109, 4110, 4300, 4400, 4500, 4600, 5000, 5100,
  5200, 5300, 5400, 5500, 6000, 6100, 6200, 11201, 10701, 10707, 10702, 10711, 10710, 10712, 11213,
];

describe('error catalog', () => {
  it('has an English and a Chinese message and next step for every code', () => {
    for (const code of appErrorCodes) {
      for (const language of ['en', 'zh'] as const) {
        const text = describeError(code, language);
        expect(text.message.trim(), `${code} ${language} message`).not.toBe('');
        expect(text.next.trim(), `${code} ${language} next`).not.toBe('');
      }
      // The Chinese text is actually Chinese, not a copy of the English.
      expect(errorCatalog[code].zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(errorCatalog[code].zh.next).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps the original entries and helpers working', () => {
    for (const code of [
      'INVALID_REQUEST',
      'UNKNOWN_CHANNEL',
      'FORBIDDEN_SENDER',
      'INTERNAL',
      'SETTINGS_INVALID',
    ]) {
      expect(isAppErrorCode(code)).toBe(true);
    }
    const error = new AppError('NETWORK');
    expect(error.message).toBe(errorCatalog.NETWORK.en.message);
    expect(isAppErrorCode('NOPE')).toBe(false);
  });

  it('explains the wrong-password trap (10712 / PasswordError)', () => {
    expect(errorCatalog.WRONG_PASSWORD.en.next).toContain('instanceId:password');
    expect(errorCatalog.WRONG_PASSWORD.zh.next).toContain('实例ID:密码');
  });

  it('maps only to codes that exist in the catalog', () => {
    for (const appCode of [...Object.values(api3ErrorCodes), ...Object.values(legacyErrorCodes)]) {
      expect(isAppErrorCode(appCode)).toBe(true);
    }
  });
});

describe('mapCloudError', () => {
  it.each(documentedApi3)('maps API 3.0 %s to a specific app code', (code) => {
    const mapping = mapCloudError({ generation: 'v3', code, message: 'm' });
    expect(mapping.match).toBe('exact');
    expect(mapping.appCode).not.toBe('CLOUD_ERROR');
    expect(mapping.cloudCode).toBe(code);
  });

  it.each(documentedLegacy)('maps legacy %s to a specific app code (number or string)', (code) => {
    const asNumber = mapCloudError({ generation: 'legacy-v2', code });
    const asString = mapCloudError({ generation: 'legacy-v2', code: String(code) });
    expect(asNumber.appCode).not.toBe('CLOUD_ERROR');
    expect(asString.appCode).toBe(asNumber.appCode);
    expect(asNumber.cloudCode).toBe(String(code));
  });

  it.each([
    ['v3', 'AuthFailure.SignatureFailure', 'AUTH_FAILED'],
    ['v3', 'AuthFailure.SignatureExpire', 'SIGNATURE_EXPIRED'],
    ['v3', 'AuthFailure.SecretIdNotFound', 'SECRET_ID_NOT_FOUND'],
    ['v3', 'AuthFailure.TokenFailure', 'TOKEN_INVALID'],
    ['v3', 'RequestLimitExceeded', 'RATE_LIMITED'],
    ['v3', 'ResourceNotFound.InstanceNotExists', 'INSTANCE_NOT_FOUND'],
    ['v3', 'ResourceUnavailable.InstanceLockedError', 'INSTANCE_LOCKED'],
    ['v3', 'ResourceUnavailable.InstanceStatusAbnormal', 'INSTANCE_NOT_RUNNING'],
    ['v3', 'ResourceUnavailable.BackupStatusAbnormal', 'BACKUP_EXPIRED'],
    ['v3', 'ResourceUnavailable.BackupLockedError', 'BACKUP_LOCKED'],
    ['v3', 'InvalidParameterValue.BackupNotExists', 'BACKUP_NOT_FOUND'],
    ['v3', 'InvalidParameterValue.PasswordError', 'WRONG_PASSWORD'],
    ['legacy-v2', 4100, 'AUTH_FAILED'],
    ['legacy-v2', 4104, 'SECRET_ID_NOT_FOUND'],
    ['legacy-v2', 4105, 'TOKEN_INVALID'],
    ['legacy-v2', 4400, 'RATE_LIMITED'],
    ['legacy-v2', 4500, 'SIGNATURE_EXPIRED'],
    ['legacy-v2', 10701, 'INSTANCE_NOT_FOUND'],
    ['legacy-v2', 10707, 'INSTANCE_LOCKED'],
    ['legacy-v2', 10702, 'INSTANCE_NOT_RUNNING'],
    ['legacy-v2', 10711, 'BACKUP_EXPIRED'],
    ['legacy-v2', 10710, 'BACKUP_LOCKED'],
    ['legacy-v2', 10712, 'WRONG_PASSWORD'],
    ['legacy-v2', 11213, 'BACKUP_NOT_FOUND'],
  ] as const)('%s %s → %s, the same meaning in both generations', (generation, code, appCode) => {
    expect(mapCloudError({ generation, code }).appCode).toBe(appCode);
  });

  it('TOKEN_INVALID names every case the one token code covers, and the way out', () => {
    // The cloud answers missing, wrong and expired tokens alike: the text must not claim to know which.
    const { en, zh } = errorCatalog.TOKEN_INVALID;
    for (const word of ['missing', 'wrong', 'expired', 'does not say which'])
      expect(en.message).toContain(word);
    for (const word of ['缺失', '错误', '已过期', '未说明']) expect(zh.message).toContain(word);
    expect(en.next).toContain('Get new temporary credentials');
    expect(zh.next).toContain('重新获取临时凭证');
  });

  it('falls back to the family for unlisted API 3.0 sub-codes', () => {
    expect(mapCloudError({ generation: 'v3', code: 'RequestLimitExceeded.UinLimitExceeded' })).toMatchObject({
      appCode: 'RATE_LIMITED',
      match: 'family',
    });
    expect(mapCloudError({ generation: 'v3', code: 'ResourceUnavailable.Whatever' }).appCode).toBe(
      'RESOURCE_UNAVAILABLE',
    );
  });

  it('maps unknown codes to CLOUD_ERROR and still shows the raw code and message', () => {
    const v3 = mapCloudError({ generation: 'v3', code: 'Brand.NewCode', message: 'new thing' });
    expect(v3).toEqual({
      appCode: 'CLOUD_ERROR',
      cloudCode: 'Brand.NewCode',
      cloudMessage: 'new thing',
      generation: 'v3',
      match: 'none',
    });
    expect(describeCloudError(v3, 'en').message).toContain('Brand.NewCode: new thing');
    expect(describeCloudError(v3, 'zh').message).toContain('Brand.NewCode');
    const legacy = mapCloudError({ generation: 'legacy-v2', code: 99999, message: '(1)x' });
    expect(legacy.appCode).toBe('CLOUD_ERROR');
    expect(mapCloudError({ generation: 'legacy-v2', code: 'abc' }).appCode).toBe('CLOUD_ERROR');
    expect(mapCloudError({ generation: 'v3', code: 'toString' }).appCode).toBe('CLOUD_ERROR');
  });
});
