import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sha256Hex, signTc3, tc3Date } from '../../../../electron/core/cloud/api3/tc3-signer';

// Section 7 of the CRS reference: TC3 common inputs for T1–T3.
const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const common = {
  method: 'POST' as const,
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  payload,
  timestamp: 1551113065,
  service: 'cvm',
};
const EXAMPLE_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const EXAMPLE_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const MASKED_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******';
const MASKED_KEY = 'Gu5t9xGARNpq86cd98joQYCN3*******';

describe('TC3-HMAC-SHA256 signer (official vectors)', () => {
  it('hashes the 86-character payload as published', () => {
    expect(payload).toHaveLength(86);
    expect(sha256Hex(payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(tc3Date(1551113065)).toBe('2019-02-25');
  });

  it('T1: content-type;host with the EXAMPLE key', () => {
    const s = signTc3({ ...common, secretId: EXAMPLE_ID, secretKey: EXAMPLE_KEY });
    expect(s.canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        '',
        'content-type;host',
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      ].join('\n'),
    );
    expect(sha256Hex(s.canonicalRequest)).toBe(
      '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(s.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('T2: content-type;host with the masked key literal', () => {
    const s = signTc3({ ...common, secretId: MASKED_ID, secretKey: MASKED_KEY });
    expect(s.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  const t3 = { ...common, extraSignedHeaders: { 'x-tc-action': 'DescribeInstances' } };

  it('T3: content-type;host;x-tc-action canonical request', () => {
    const s = signTc3({ ...t3, secretId: EXAMPLE_ID, secretKey: EXAMPLE_KEY });
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(sha256Hex(s.canonicalRequest)).toBe(
      '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    );
    expect(s.signedHeaders).toBe('content-type;host;x-tc-action');
    // Computed value given by the reference for the EXAMPLE key (not Tencent-published).
    expect(s.signature).toBe('644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26');
  });

  it('T3a: the current official doc (32 asterisks)', () => {
    const s = signTc3({ ...t3, secretId: `AKID${'*'.repeat(32)}`, secretKey: '*'.repeat(32) });
    expect(s.signature).toBe('10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
  });

  it('T3b: the 2023 revision (masked key literal)', () => {
    const s = signTc3({ ...t3, secretId: MASKED_ID, secretKey: MASKED_KEY });
    expect(s.signature).toBe('be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
  });

  it('T4: GET with a query string (oldest v3 doc)', () => {
    const s = signTc3({
      method: 'GET',
      host: 'cvm.tencentcloudapi.com',
      query: 'Limit=10&Offset=0',
      contentType: 'application/x-www-form-urlencoded',
      payload: '',
      timestamp: 1539084154,
      service: 'cvm',
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
    });
    expect(sha256Hex(s.canonicalRequest)).toBe(
      '91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7',
    );
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2018-10-09/cvm/tc3_request, SignedHeaders=content-type;host, Signature=5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474',
    );
  });
});

interface SdkSign {
  sign3(input: {
    method: string;
    url: string;
    payload: unknown;
    timestamp: number;
    service: string;
    secretId: string;
    secretKey: string;
    multipart: boolean;
    headers: Record<string, string>;
  }): string;
}

describe('TC3 signer against the official SDK signer', () => {
  const require = createRequire(import.meta.url);
  const loaded = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as {
    default?: SdkSign;
  };
  const Sign = (loaded.default ?? loaded) as SdkSign;

  it('matches Sign.sign3 for an arbitrary Redis request to a local endpoint (port stripped, service 127)', () => {
    const body = {
      InstanceId: 'crs-5a4py64p',
      BackupId: '678362566696298532848117',
      Password: 'p@ss:word 密码',
    };
    const input = {
      method: 'POST',
      url: 'http://127.0.0.1:9000/',
      payload: body,
      timestamp: 1780000000,
      service: '127',
      secretId: 'AKIDsdkCrossCheck',
      secretKey: 'sdk-cross-check-key',
      multipart: false,
      headers: { 'Content-Type': 'application/json' },
    };
    const expected = Sign.sign3(input);
    const ours = signTc3({
      method: 'POST',
      host: '127.0.0.1',
      contentType: 'application/json',
      payload: JSON.stringify(body),
      timestamp: input.timestamp,
      service: '127',
      secretId: input.secretId,
      secretKey: input.secretKey,
    });
    expect(ours.authorization).toBe(expected);
  });

  it('matches Sign.sign3 for the public endpoint', () => {
    const body = { Limit: 20, Offset: 0, SearchKeys: ['名字', 'crs-1'] };
    const expected = Sign.sign3({
      method: 'POST',
      url: 'https://redis.tencentcloudapi.com/',
      payload: body,
      timestamp: 1700000000,
      service: 'redis',
      secretId: 'AKIDx',
      secretKey: 'k',
      multipart: false,
      headers: { 'Content-Type': 'application/json' },
    });
    const ours = signTc3({
      method: 'POST',
      host: 'redis.tencentcloudapi.com',
      contentType: 'application/json',
      payload: JSON.stringify(body),
      timestamp: 1700000000,
      service: 'redis',
      secretId: 'AKIDx',
      secretKey: 'k',
    });
    expect(ours.authorization).toBe(expected);
  });
});
