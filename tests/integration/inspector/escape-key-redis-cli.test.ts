// escapeKey writes keys that are not plain text exactly as redis-cli prints them (its --no-raw quoted form).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeKey } from '../../../shared/escape-key';
import { startRedis, type TestRedis } from '../../support/redis-rdb';

let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

describe('escapeKey against redis-cli', () => {
  it('matches redis-cli --no-raw for binary keys and keys with control characters', async () => {
    const keys = [
      Uint8Array.from([0xff, 0x00, 0x6b, 0x22, 0x5c, 0x0a]),
      Uint8Array.from([0x61, 0x0d, 0x09, 0x07, 0x08, 0x7f, 0x62]),
      Uint8Array.from([0xc0, 0xaf, 0x20, 0x7e]),
      new TextEncoder().encode('"quoted"'),
    ];
    for (const key of keys) {
      await redis.call('FLUSHDB');
      await redis.call('SET', key, 'v');
      const printed = execFileSync('redis-cli', ['-p', String(redis.port), '--no-raw', 'RANDOMKEY'], {
        encoding: 'latin1',
      }).trimEnd();
      expect(escapeKey(key)).toBe(printed);
    }
  });
});
