import { describe, expect, it } from 'vitest';
import {
  legacyFormBody,
  legacySign,
  legacyStringToSign,
} from '../../../../electron/core/cloud/legacy/legacy-signer';

// Section 7 of the CRS reference: V1–V5.
const ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA';
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA';
const base = {
  Action: 'DescribeInstances',
  Nonce: 11886,
  Region: 'ap-guangzhou',
  SecretId: ID,
  Timestamp: 1465185768,
  'InstanceIds.0': 'ins-09dx96dg',
};

describe('legacy v2 signer (official vectors)', () => {
  it('V1: HmacSHA256', () => {
    const s = legacyStringToSign('GET', 'cvm.api.qcloud.com', '/v2/index.php', {
      ...base,
      SignatureMethod: 'HmacSHA256',
    });
    expect(s).toBe(
      'GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA256&Timestamp=1465185768',
    );
    const signature = legacySign(s, KEY, 'HmacSHA256');
    expect(signature).toBe('0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=');
    expect(encodeURIComponent(signature)).toBe('0EEm%2FHtGRr%2FVJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s%3D');
  });

  it('V2: HmacSHA1 with SignatureMethod=HmacSHA1', () => {
    const s = legacyStringToSign('GET', 'cvm.api.qcloud.com', '/v2/index.php', {
      ...base,
      SignatureMethod: 'HmacSHA1',
    });
    expect(legacySign(s, KEY, 'HmacSHA1')).toBe('nPVnY6njQmwQ8ciqbPl5Qe+Oru4=');
  });

  it('V2 note: HmacSHA1 over the V1 string is a different value', () => {
    const s = legacyStringToSign('GET', 'cvm.api.qcloud.com', '/v2/index.php', {
      ...base,
      SignatureMethod: 'HmacSHA256',
    });
    expect(legacySign(s, KEY, 'HmacSHA1')).toBe('RVSD1I6ip2Zo56I2HdqRVrt+1TE=');
  });

  it('V3: HmacSHA1 default, lower-case action params sort after upper-case (ASCII order)', () => {
    const params = {
      Action: 'DescribeInstances',
      SecretId: ID,
      Timestamp: 1465185768,
      Nonce: 11886,
      Region: 'gz',
      'instanceIds.0': 'ins-09dx96dg',
      offset: 0,
      limit: 20,
    };
    const s = legacyStringToSign('GET', 'cvm.api.qcloud.com', '/v2/index.php', params);
    expect(s).toBe(
      'GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0',
    );
    const signature = legacySign(s, KEY, 'HmacSHA1');
    expect(signature).toBe('NSI3UqqD99b/UJb4tbG/xZpRW64=');
    expect(encodeURIComponent(signature)).toBe('NSI3UqqD99b%2FUJb4tbG%2FxZpRW64%3D');
  });

  const v4Params = (secretId: string) => ({
    Action: 'DescribeInstances',
    'InstanceIds.0': 'ins-09dx96dg',
    Limit: 20,
    Nonce: 11886,
    Offset: 0,
    Region: 'ap-guangzhou',
    SecretId: secretId,
    Timestamp: 1465185768,
    Version: '2017-03-12',
  });

  it('V4: API 3.0 signature v1 form (EXAMPLE keys)', () => {
    const s = legacyStringToSign(
      'GET',
      'cvm.tencentcloudapi.com',
      '/',
      v4Params('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'),
    );
    expect(s).toBe(
      'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12',
    );
    const signature = legacySign(s, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', 'HmacSHA1');
    expect(signature).toBe('EliP9YW3pW28FpsEdkXt/+WcGeI=');
    expect(encodeURIComponent(signature)).toBe('EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D');
  });

  it('V5: masked keys as literal strings', () => {
    const s = legacyStringToSign(
      'GET',
      'cvm.tencentcloudapi.com',
      '/',
      v4Params('AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******'),
    );
    expect(legacySign(s, 'Gu5t9xGARNpq86cd98joQYCN3*******', 'HmacSHA1')).toBe(
      'zmmjn35mikh6pM3V7sUEuX4wyYM=',
    );
  });

  it('signs `_` in keys as `.` (not in values, not a leading `_`) and keeps the port of the host', () => {
    const s = legacyStringToSign('POST', '127.0.0.1:9000', '/v2/index.php', {
      Placement_Zone: 'CN_GUANGZHOU',
      _private: 'x',
    });
    expect(s).toBe('POST127.0.0.1:9000/v2/index.php?Placement.Zone=CN_GUANGZHOU&_private=x');
  });

  it('puts raw values in the string to sign and encodes them once in the form body', () => {
    const params = { password: 'a&b=c+d 密', Action: 'RestoreInstance' };
    expect(legacyStringToSign('POST', 'h', '/v2/index.php', params)).toBe(
      'POSTh/v2/index.php?Action=RestoreInstance&password=a&b=c+d 密',
    );
    const body = new URLSearchParams(legacyFormBody(params, 'ab/c+d='));
    expect(body.get('password')).toBe('a&b=c+d 密');
    expect(body.get('Signature')).toBe('ab/c+d=');
  });
});
