/**
 * The download actions against Tencent's own examples: DescribeBackupUrl (tccli examples.json: a five-shard
 * cluster backup, five `.rdb` files), DescribeBackupDetail (tccli DescribeBackupDetail.md) and the legacy
 * GetBackupDownloadUrl (qcloud-documents 查询备份下载地址.md). URLs and keys come out intact and never reach
 * the log.
 */
import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply } from './fakes';
import { officialReply, officialText } from './official-fixture';

const target = { region: 'ap-chengdu', instanceId: 'crs-4y9t57vt', backupId: '678362566696298532848117' };

describe('DescribeBackupUrl', () => {
  it('reads BackupInfos: five shard files with names, sizes and both links', async () => {
    const h = harness([officialReply('api3/DescribeBackupUrl.json')]);
    const files = await new Api3CrsClient(h.options).describeBackupUrl(target);
    expect(files).toHaveLength(5);
    expect(files.map((f) => f.fileName)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `9527208-4633789-redis-server-4.0.8-1001463-ignore-${n}-ignore.rdb`),
    );
    expect(files.map((f) => f.sizeBytes)).toEqual([1264547, 1278586, 1467647, 1264987, 1268499]);
    for (const file of files) {
      expect(file.url).toMatch(
        /^https:\/\/redis-database-backup-1251937656\.cos\.ap-chengdu\.myqcloud\.com\//,
      );
      expect(file.innerUrl).toContain('q-signature%3D');
    }
    expect(JSON.parse(h.fetch.calls[0]?.init.body ?? '')).toEqual({
      InstanceId: target.instanceId,
      BackupId: target.backupId,
    });
    // Signed links are secrets for as long as they live: the log has ids, never a link.
    expect(h.lines.join('\n')).not.toMatch(/myqcloud|q-signature/);
  });

  it('falls back to the deprecated parallel arrays when BackupInfos is absent', async () => {
    const answer = JSON.parse(officialText('api3/DescribeBackupUrl.json'));
    delete answer.Response.BackupInfos;
    const h = harness([jsonReply(answer)]);
    const files = await new Api3CrsClient(h.options).describeBackupUrl(target);
    expect(files.map((f) => f.fileName)).toEqual(answer.Response.Filenames);
    expect(files.map((f) => f.url)).toEqual(answer.Response.DownloadUrl);
    expect(files.map((f) => f.innerUrl)).toEqual(answer.Response.InnerDownloadUrl);
    // The arrays carry no sizes; nothing is made up.
    expect(files.every((f) => f.sizeBytes === undefined)).toBe(true);
  });

  it('treats FileSize 0 as unknown, as the model says ("如果为0，表示无效")', async () => {
    const h = harness([
      jsonReply({
        Response: { BackupInfos: [{ FileName: 'a.rdb', FileSize: 0, DownloadUrl: 'https://x/a' }] },
      }),
    ]);
    const [file] = await new Api3CrsClient(h.options).describeBackupUrl(target);
    expect(file).toEqual({ fileName: 'a.rdb', url: 'https://x/a' });
  });
});

describe('DescribeBackupDetail', () => {
  it('keeps the key and KMS id of the official example, which says nothing of Encrypted', async () => {
    const h = harness([officialReply('api3/DescribeBackupDetail.json')]);
    const detail = await new Api3CrsClient(h.options).describeBackupDetail(target);
    expect(detail).toEqual({
      decryptKey: 'rFGxk4E**********************U/nWERxvFx+FAY=',
      kmsKeyId: 'b2f531ee-****-****-b8b2-52540087****',
      sizeBytes: 528,
    });
    expect(detail.encrypted).toBeUndefined();
    expect(h.lines.join('\n')).not.toContain('rFGxk4E');
  });

  it('refuses an encrypted backup whose answer carries no key, before any download', async () => {
    const h = harness([jsonReply({ Response: { Encrypted: true, KeyAlgorithm: 'AES-256-CBC' } })]);
    const error = await new Api3CrsClient(h.options).describeBackupDetail(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BACKUP_DECRYPT_FAILED');
  });
});

describe('DescribeBackupDownloadRestriction', () => {
  it('reads the limit type, VPCs and IPs; an answer without a type is unknown, not "no limit"', async () => {
    const h = harness([
      jsonReply({
        Response: {
          LimitType: 'Customize',
          VpcComparisonSymbol: 'In',
          IpComparisonSymbol: 'NotIn',
          LimitVpc: [{ Region: 'ap-guangzhou', VpcList: ['vpc-1', 'vpc-2'] }],
          LimitIp: ['10.1.0.13'],
        },
      }),
      jsonReply({ Response: {} }),
    ]);
    const client = new Api3CrsClient(h.options);
    expect(await client.describeBackupDownloadRestriction({ region: 'ap-guangzhou' })).toEqual({
      limitType: 'Customize',
      vpcIds: ['vpc-1', 'vpc-2'],
      ips: ['10.1.0.13'],
      ipComparison: 'NotIn',
    });
    expect((await client.describeBackupDownloadRestriction({ region: 'ap-guangzhou' }))?.limitType).toBe(
      'unknown',
    );
  });
});

describe('legacy GetBackupDownloadUrl', () => {
  it('one file per answer, named after the link, both networks', async () => {
    const h = harness([officialReply('legacy/GetBackupDownloadUrl.json')]);
    const client = new LegacyCrsClient(h.options);
    const files = await client.describeBackupUrl(target);
    expect(files).toEqual([
      {
        fileName: 'dump.rdb',
        url: expect.stringMatching(/^http:\/\/10\.195\.128\.115:9097\/download\/dump\.rdb\?/),
        innerUrl: expect.stringMatching(/^http:\/\/10\.66\.183\.31:5500\/download\/dump\.rdb\?/),
      },
    ]);
    const form = new URLSearchParams(h.fetch.calls[0]?.init.body ?? '');
    expect(form.get('Action')).toBe('GetBackupDownloadUrl');
    expect(form.get('redisId')).toBe(target.instanceId);
    expect(form.get('backupId')).toBe(target.backupId);
    // No detail action in the legacy API: encryption stays unknown rather than "not encrypted".
    expect(await client.describeBackupDetail(target)).toEqual({});
    expect(await client.describeBackupDownloadRestriction({ region: target.region })).toBeUndefined();
    expect(h.lines.join('\n')).not.toContain('NuRTyoDugir');
  });
});
