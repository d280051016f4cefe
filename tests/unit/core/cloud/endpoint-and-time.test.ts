import { describe, expect, it } from 'vitest';
import { cloudTimeToIso, isoToCloudTime } from '../../../../electron/core/cloud/cloud-time';
import { credentialsFromStore } from '../../../../electron/core/cloud/credentials';
import { DEFAULT_API3_ENDPOINT, parseEndpoint } from '../../../../electron/core/cloud/endpoint';
import { MemorySecretStore } from '../../../../electron/core/secrets/secret-store';
import { AppError } from '../../../../shared/errors';

describe('parseEndpoint', () => {
  it('defaults to the public endpoint with service redis', () => {
    expect(parseEndpoint(undefined, DEFAULT_API3_ENDPOINT)).toEqual({
      origin: 'https://redis.tencentcloudapi.com',
      host: 'redis.tencentcloudapi.com',
      hostname: 'redis.tencentcloudapi.com',
      service: 'redis',
    });
  });

  it('derives host, signed hostname and service like the SDK for overrides', () => {
    expect(parseEndpoint('http://127.0.0.1:9000/', DEFAULT_API3_ENDPOINT)).toEqual({
      origin: 'http://127.0.0.1:9000',
      host: '127.0.0.1:9000',
      hostname: '127.0.0.1',
      service: '127',
    });
    expect(parseEndpoint('redis.ap-shanghai-fsi.tencentcloudapi.com', DEFAULT_API3_ENDPOINT).origin).toBe(
      'https://redis.ap-shanghai-fsi.tencentcloudapi.com',
    );
    expect(parseEndpoint('http://localhost:9000', DEFAULT_API3_ENDPOINT).service).toBe('localhost:9000');
  });

  it.each(['ftp://x', 'https://u:p@x.com', 'https://x.com/path', 'https://x.com/?a=1', 'http://'])(
    'rejects %s',
    (value) => {
      expect(() => parseEndpoint(value, DEFAULT_API3_ENDPOINT)).toThrow(AppError);
    },
  );
});

describe('cloud time conversion (China Standard Time wall clock ↔ ISO UTC)', () => {
  it('converts both ways', () => {
    expect(cloudTimeToIso('2026-06-01 02:00:48')).toBe('2026-05-31T18:00:48.000Z');
    expect(isoToCloudTime('2026-05-31T18:00:48.000Z')).toBe('2026-06-01 02:00:48');
    expect(isoToCloudTime(Date.UTC(2026, 0, 1))).toBe('2026-01-01 08:00:00');
  });

  it('reads the zero date, empty and garbage as absent, and accepts zoned ISO', () => {
    expect(cloudTimeToIso('0000-00-00 00:00:00')).toBeUndefined();
    expect(cloudTimeToIso('')).toBeUndefined();
    expect(cloudTimeToIso(undefined)).toBeUndefined();
    expect(cloudTimeToIso('yesterday')).toBeUndefined();
    expect(cloudTimeToIso('2026-06-01T02:00:48+08:00')).toBe('2026-05-31T18:00:48.000Z');
  });
});

describe('credentialsFromStore', () => {
  it('reads the SecretKey at each call and says clearly when it is missing', async () => {
    const store = new MemorySecretStore();
    const credentials = credentialsFromStore({ store, account: 'profile:p1:secret-key', secretId: 'AKID1' });
    await expect(credentials()).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
    await store.set('profile:p1:secret-key', 'k1');
    expect(await credentials()).toEqual({ secretId: 'AKID1', secretKey: 'k1' });
    await store.set('profile:p1:secret-key', 'k2');
    expect((await credentials()).secretKey).toBe('k2');
  });
});
