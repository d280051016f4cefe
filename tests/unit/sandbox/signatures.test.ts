// The reference's official signature examples (§7) verify with the sandbox's verifiers, and a
// one-character change in any input makes verification fail.
import { describe, expect, it } from 'vitest';
import { legacyMethodOf, legacySign, legacyStringToSign } from '../../../sandbox/auth/legacy-sign.js';
import { tc3Sign, verifyTc3 } from '../../../sandbox/auth/tc3.js';

const V_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA';
const V_KEY = 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA';
const EX_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const EX_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const MASK_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******';
const MASK_KEY = 'Gu5t9xGARNpq86cd98joQYCN3*******';

interface LegacyVector {
  name: string;
  host: string;
  path: string;
  params: Record<string, string>;
  key: string;
  signature: string;
  stringToSign: string;
}

const legacyVectors: LegacyVector[] = [
  {
    name: 'V1 legacy HmacSHA256',
    host: 'cvm.api.qcloud.com',
    path: '/v2/index.php',
    params: {
      Action: 'DescribeInstances',
      'InstanceIds.0': 'ins-09dx96dg',
      Nonce: '11886',
      Region: 'ap-guangzhou',
      SecretId: V_ID,
      SignatureMethod: 'HmacSHA256',
      Timestamp: '1465185768',
    },
    key: V_KEY,
    signature: '0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=',
    stringToSign: `GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou&SecretId=${V_ID}&SignatureMethod=HmacSHA256&Timestamp=1465185768`,
  },
  {
    name: 'V2 legacy HmacSHA1',
    host: 'cvm.api.qcloud.com',
    path: '/v2/index.php',
    params: {
      Action: 'DescribeInstances',
      'InstanceIds.0': 'ins-09dx96dg',
      Nonce: '11886',
      Region: 'ap-guangzhou',
      SecretId: V_ID,
      SignatureMethod: 'HmacSHA1',
      Timestamp: '1465185768',
    },
    key: V_KEY,
    signature: 'nPVnY6njQmwQ8ciqbPl5Qe+Oru4=',
    stringToSign: `GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou&SecretId=${V_ID}&SignatureMethod=HmacSHA1&Timestamp=1465185768`,
  },
  {
    name: 'V3 legacy HmacSHA1 without SignatureMethod, ASCII order',
    host: 'cvm.api.qcloud.com',
    path: '/v2/index.php',
    params: {
      limit: '20',
      offset: '0',
      'instanceIds.0': 'ins-09dx96dg',
      Action: 'DescribeInstances',
      SecretId: V_ID,
      Timestamp: '1465185768',
      Nonce: '11886',
      Region: 'gz',
    },
    key: V_KEY,
    signature: 'NSI3UqqD99b/UJb4tbG/xZpRW64=',
    stringToSign: `GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=${V_ID}&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0`,
  },
  ...[
    { name: 'V4 API 3.0 v1 EXAMPLE keys', id: EX_ID, key: EX_KEY, signature: 'EliP9YW3pW28FpsEdkXt/+WcGeI=' },
    {
      name: 'V5 API 3.0 v1 masked keys',
      id: MASK_ID,
      key: MASK_KEY,
      signature: 'zmmjn35mikh6pM3V7sUEuX4wyYM=',
    },
  ].map((v) => ({
    name: v.name,
    host: 'cvm.tencentcloudapi.com',
    path: '/',
    params: {
      Action: 'DescribeInstances',
      'InstanceIds.0': 'ins-09dx96dg',
      Limit: '20',
      Nonce: '11886',
      Offset: '0',
      Region: 'ap-guangzhou',
      SecretId: v.id,
      Timestamp: '1465185768',
      Version: '2017-03-12',
    },
    key: v.key,
    signature: v.signature,
    stringToSign: `GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=${v.id}&Timestamp=1465185768&Version=2017-03-12`,
  })),
];

const flip = (s: string, i = Math.floor(s.length / 2)): string =>
  s.slice(0, i) + (s[i] === 'x' ? 'y' : 'x') + s.slice(i + 1);

const sign = (v: LegacyVector, over: Partial<LegacyVector> = {}) => {
  const x = { ...v, ...over };
  return legacySign(
    legacyStringToSign('GET', x.host, x.path, x.params),
    x.key,
    legacyMethodOf(x.params.SignatureMethod),
  );
};

describe('legacy / v1 vectors', () => {
  it.each(legacyVectors)('$name', (v) => {
    expect(legacyStringToSign('GET', v.host, v.path, v.params)).toBe(v.stringToSign);
    expect(sign(v)).toBe(v.signature);
    expect(sign(v, { key: flip(v.key) })).not.toBe(v.signature);
    expect(sign(v, { host: flip(v.host, 0) })).not.toBe(v.signature);
    expect(sign(v, { path: `${v.path}x` })).not.toBe(v.signature);
    for (const name of Object.keys(v.params)) {
      const params = { ...v.params, [name]: flip(v.params[name] ?? '', 0) };
      expect(sign(v, { params }), name).not.toBe(v.signature);
    }
    expect(legacyStringToSign('POST', v.host, v.path, v.params)).not.toBe(v.stringToSign);
  });

  it('rewrites _ to . in keys but not values, except keys starting with _', () => {
    expect(legacyStringToSign('GET', 'h', '/', { Placement_Zone: 'CN_GUANGZHOU', _raw: 'a_b' })).toBe(
      'GETh/?Placement.Zone=CN_GUANGZHOU&_raw=a_b',
    );
  });
});

const T_PAYLOAD = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';

interface Tc3Vector {
  name: string;
  id: string;
  key: string;
  method: string;
  url: string;
  payload: string;
  timestamp: number;
  contentType: string;
  action?: string;
  signature: string;
}

const tc3Vectors: Tc3Vector[] = [
  {
    name: 'T1 content-type;host, EXAMPLE key',
    id: EX_ID,
    key: EX_KEY,
    method: 'POST',
    url: '/',
    payload: T_PAYLOAD,
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  },
  {
    name: 'T2 content-type;host, masked key',
    id: MASK_ID,
    key: MASK_KEY,
    method: 'POST',
    url: '/',
    payload: T_PAYLOAD,
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    signature: '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
  },
  {
    name: 'T3a x-tc-action signed, all-asterisk key',
    id: `AKID${'*'.repeat(32)}`,
    key: '*'.repeat(32),
    method: 'POST',
    url: '/',
    payload: T_PAYLOAD,
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    action: 'DescribeInstances',
    signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
  },
  {
    name: 'T3b x-tc-action signed, masked key',
    id: MASK_ID,
    key: MASK_KEY,
    method: 'POST',
    url: '/',
    payload: T_PAYLOAD,
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    action: 'DescribeInstances',
    signature: 'be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3',
  },
  {
    name: 'T4 GET with query',
    id: EX_ID,
    key: EX_KEY,
    method: 'GET',
    url: '/?Limit=10&Offset=0',
    payload: '',
    timestamp: 1539084154,
    contentType: 'application/x-www-form-urlencoded',
    signature: '5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474',
  },
];

function request(v: Tc3Vector, over: Partial<Tc3Vector> & { host?: string; signature?: string } = {}) {
  const x = { ...v, ...over };
  const signedHeaders = x.action ? 'content-type;host;x-tc-action' : 'content-type;host';
  const date = new Date(v.timestamp * 1000).toISOString().slice(0, 10);
  return {
    method: x.method,
    url: x.url,
    body: Buffer.from(x.payload),
    headers: {
      host: over.host ?? 'cvm.tencentcloudapi.com',
      'content-type': x.contentType,
      'x-tc-timestamp': String(x.timestamp),
      ...(x.action ? { 'x-tc-action': x.action } : {}),
      authorization: `TC3-HMAC-SHA256 Credential=${x.id}/${date}/cvm/tc3_request, SignedHeaders=${signedHeaders}, Signature=${x.signature}`,
    },
  };
}

describe('TC3 vectors', () => {
  it.each(tc3Vectors)('$name', (v) => {
    const verify = (req: ReturnType<typeof request>, key = v.key) =>
      verifyTc3(req, (id) => (id === v.id ? key : undefined), v.timestamp);
    expect(verify(request(v))).toEqual({ ok: true, secretId: v.id });
    const headers: Array<[string, string]> = [
      ['content-type', v.contentType],
      ['host', 'cvm.tencentcloudapi.com'],
    ];
    if (v.action) headers.push(['x-tc-action', v.action]);
    const query = v.url.includes('?') ? v.url.slice(v.url.indexOf('?') + 1) : '';
    expect(
      tc3Sign({
        method: v.method,
        query,
        headers,
        payload: v.payload,
        timestamp: v.timestamp,
        service: 'cvm',
        secretKey: v.key,
      }).signature,
    ).toBe(v.signature);

    const mutations: Array<[string, ReturnType<typeof request>, string?]> = [
      ['key', request(v), flip(v.key)],
      ['payload', request(v, { payload: `${v.payload} ` })],
      ['timestamp', request(v, { timestamp: v.timestamp + 1 })],
      ['content-type', request(v, { contentType: flip(v.contentType) })],
      ['host', request(v, { host: 'cvm.tencentcloudapi.con' })],
      ['url', request(v, { url: v.url === '/' ? '/?a=1' : v.url.replace('10', '11') })],
      ['signature', request(v, { signature: flip(v.signature) })],
      ['method', request(v, { method: v.method === 'GET' ? 'POST' : 'GET' })],
    ];
    if (v.action) mutations.push(['action', request(v, { action: 'DescribeInstancez' })]);
    for (const [what, req, key] of mutations) {
      const result = verifyTc3(req, (id) => (id === v.id ? (key ?? v.key) : undefined), v.timestamp);
      expect(result.ok, what).toBe(false);
    }
  });

  it('reports expiry beyond five minutes and unknown keys', () => {
    const v = tc3Vectors[0];
    if (!v) throw new Error('no vector');
    const lookup = (id: string) => (id === v.id ? v.key : undefined);
    expect(verifyTc3(request(v), lookup, v.timestamp + 300).ok).toBe(true);
    expect(verifyTc3(request(v), lookup, v.timestamp + 301)).toMatchObject({
      code: 'AuthFailure.SignatureExpire',
    });
    expect(verifyTc3(request(v), () => undefined, v.timestamp)).toMatchObject({
      code: 'AuthFailure.SecretIdNotFound',
    });
  });

  it('accepts the SDK form: port stripped from the signed host, service "127"', () => {
    const timestamp = 1_700_000_000;
    const signed = tc3Sign({
      method: 'POST',
      query: '',
      headers: [
        ['content-type', 'application/json'],
        ['host', '127.0.0.1'],
      ],
      payload: '{}',
      timestamp,
      service: '127',
      secretKey: 'k',
    });
    const req = {
      method: 'POST',
      url: '/',
      body: Buffer.from('{}'),
      headers: {
        host: '127.0.0.1:9000',
        'content-type': 'application/json',
        'x-tc-timestamp': String(timestamp),
        authorization: `TC3-HMAC-SHA256 Credential=id/2023-11-14/127/tc3_request, SignedHeaders=content-type;host, Signature=${signed.signature}`,
      },
    };
    expect(verifyTc3(req, () => 'k', timestamp).ok).toBe(true);
    // The credential date must be the UTC date of the timestamp.
    const wrongDate = {
      ...req,
      headers: {
        ...req.headers,
        authorization: req.headers.authorization.replace('2023-11-14', '2023-11-15'),
      },
    };
    expect(verifyTc3(wrongDate, () => 'k', timestamp).ok).toBe(false);
  });
});
