/**
 * Every code Tencent's official per-action lists name for the actions the app calls has its own catalog
 * entry: an exact mapping (never the family fallback or CLOUD_ERROR), shared with no other listed code, with
 * a message and a next step in English and in Chinese. The lists live in a data file with their source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeError, errorCatalog, mapCloudError } from '../../../shared/errors';

interface OfficialLists {
  sources: Record<string, string>;
  actions: Record<string, string[]>;
  descriptions: Record<string, string>;
}

const official = JSON.parse(
  readFileSync(new URL('../../fixtures/official/crs-action-error-codes.json', import.meta.url), 'utf8'),
) as OfficialLists;

const codes = [...new Set(Object.values(official.actions).flat())].sort();

describe('the official per-action error codes', () => {
  it('cover every action the app calls, each with its source named', () => {
    expect(Object.keys(official.actions).sort()).toEqual([
      'DescribeBackupDetail',
      'DescribeBackupDownloadRestriction',
      'DescribeBackupUrl',
      'DescribeInstanceBackups',
      'DescribeInstances',
      'DescribeTaskInfo',
      'DescribeTaskList',
      'ManualBackupInstance',
      'RestoreInstance',
    ]);
    expect(official.sources.lists).toContain('tencentcloud/redis/v20180412/client.go');
    expect(official.sources.descriptions).toContain('tencentcloud/redis/v20180412/errors.go');
    for (const code of codes) expect(official.descriptions[code], code).toBeTruthy();
  });

  it.each(codes)('%s maps exactly to a catalog entry of its own, in both languages', (code) => {
    const mapping = mapCloudError({ generation: 'v3', code, message: 'm' });
    expect(mapping.match).toBe('exact');
    expect(mapping.appCode).not.toBe('CLOUD_ERROR');
    const sharing = codes.filter(
      (other) =>
        other !== code && mapCloudError({ generation: 'v3', code: other }).appCode === mapping.appCode,
    );
    expect(sharing, `${code} shares ${mapping.appCode}`).toEqual([]);
    const entry = errorCatalog[mapping.appCode];
    for (const language of ['en', 'zh'] as const) {
      expect(entry[language].message.trim()).not.toBe('');
      expect(entry[language].next.trim()).not.toBe('');
    }
    expect(entry.zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(entry.zh.next).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never tells an isolated or deleted instance to just wait, nor an empty password to check ids', () => {
    for (const code of [
      'ResourceUnavailable.InstanceStatusAbnormal',
      'ResourceUnavailable.InstanceStateError',
    ]) {
      const { appCode } = mapCloudError({ generation: 'v3', code });
      expect(describeError(appCode).next).toMatch(/isolated/);
      expect(describeError(appCode).next).toMatch(/recycle bin/);
      expect(describeError(appCode, 'zh').next).toContain('回收站');
    }
    const empty = mapCloudError({ generation: 'v3', code: 'InvalidParameter.EmptyParam' }).appCode;
    expect(describeError(empty).next).toMatch(/password/);
    expect(describeError(empty).next).not.toMatch(/\bid\b/);
    expect(describeError(empty, 'zh').next).toContain('密码');
  });

  it('keeps the legacy codes of the same names working', () => {
    expect(mapCloudError({ generation: 'legacy-v2', code: 10702 }).appCode).toBe('INSTANCE_NOT_RUNNING');
    expect(mapCloudError({ generation: 'legacy-v2', code: 11201 }).appCode).toBe('INVALID_PARAMETER');
    expect(mapCloudError({ generation: 'legacy-v2', code: 10712 }).appCode).toBe('WRONG_PASSWORD');
  });
});
