import { describe, expect, it } from 'vitest';
import { cloudTimeToIso, isoToCloudTime } from '../../../../electron/core/cloud/parsing/cloud-time';
import { credentialsFromStore } from '../../../../electron/core/cloud/transport/credentials';
import { DEFAULT_API3_ENDPOINT, parseEndpoint } from '../../../../electron/core/cloud/transport/endpoint';
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

  it('reads the exact cloud format on a fast path with the same results as the general one', () => {
    // Surrounding spaces make a value miss the fast path (it wants exactly 19 characters); the general path
    // trims them, so both paths are compared on the same text.
    const general = (text: string, offset?: number) => cloudTimeToIso(` ${text} `, offset);
    const cases = [
      '2026-06-01 02:00:48',
      '2026-06-01T02:00:48',
      '2026-01-01 07:59:59',
      '2024-02-29 23:59:59',
      '2026-02-30 00:00:00',
      '2026-13-01 00:00:00',
      '2026-12-31 24:00:00',
      '0001-01-01 00:00:00',
      '0000-00-00 00:00:00',
      '2026-00-10 10:00:00',
      '2026-06-00 10:00:00',
      '2026-06-01 02:00:4x',
      '2026/06/01 02:00:48',
      '2026-06-01_02:00:48',
      '2026-06-01 02-00-48',
      '２026-06-01 02:00:48',
      '+026-06-01 02:00:48',
      '2026-06-01 02:00:4',
      '2026-06-01 02:00:480',
    ];
    for (const text of cases) {
      expect(cloudTimeToIso(text), text).toBe(general(text));
      expect(cloudTimeToIso(text, -300), text).toBe(general(text, -300));
    }
    expect(cloudTimeToIso('2024-02-29 23:59:59')).toBe('2024-02-29T15:59:59.000Z');
    // Years below 100 are years, not 1900 + year (Date.UTC's reading).
    expect(cloudTimeToIso('0001-01-01 00:00:00')).toBe('0000-12-31T16:00:00.000Z');
    expect(general('0099-03-01 07:00:00')).toBe('0099-02-28T23:00:00.000Z');
    expect(cloudTimeToIso('2026-06-01 02:00:4x')).toBeUndefined();
    // Seeded random 19-character strings over digits and the format's separators.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = '0123456789- :T';
    for (let n = 0; n < 2000; n++) {
      const base = [...'2026-06-01 02:00:48'];
      const flips = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < flips; k++)
        base[Math.floor(rand() * 19)] = alphabet[Math.floor(rand() * 14)] ?? '0';
      const text = base.join('');
      expect(cloudTimeToIso(text), text).toBe(general(text));
    }
    // Seeded random valid times from year 1 to 9999, with offsets that move them across days, months,
    // years and leap days.
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    for (let n = 0; n < 5000; n++) {
      const year = n % 5 === 0 ? 1 + Math.floor(rand() * 9999) : 1999 + Math.floor(rand() * 40);
      const month = 1 + Math.floor(rand() * 12);
      const edge = rand() < 0.5;
      const day = edge ? ([1, 28, 29, 30, 31][Math.floor(rand() * 5)] ?? 1) : 1 + Math.floor(rand() * 28);
      const time = edge
        ? `${pad([0, 7, 8, 15, 16, 23][Math.floor(rand() * 6)] ?? 0)}:${pad([0, 59][Math.floor(rand() * 2)] ?? 0)}:59`
        : `${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}`;
      const text = `${pad(year, 4)}-${pad(month)}-${pad(day)} ${time}`;
      const offset = [480, -300, 0, 1439, -1439, 330, -3000][n % 7];
      expect(cloudTimeToIso(text, offset), `${text} ${offset}`).toBe(general(text, offset));
    }
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
