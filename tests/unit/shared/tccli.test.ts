import { describe, expect, it } from 'vitest';
import { shellQuote, tccliCommand } from '../../../shared/tccli';

describe('equivalent tccli command', () => {
  it('names the action, region, profile and ids, and the password only as a variable', () => {
    expect(
      tccliCommand({
        action: 'RestoreInstance',
        generation: 'v3',
        region: 'ap-guangzhou',
        profile: 'prod',
        params: { InstanceId: 'crs-5a4py64p', BackupId: '678362566696298532848117' },
        password: true,
      }),
    ).toBe(
      'tccli redis RestoreInstance --region ap-guangzhou --profile prod --InstanceId crs-5a4py64p --BackupId 678362566696298532848117 --Password "$CRS_PASSWORD"',
    );
  });

  it('never writes a secret, even when one is passed as a parameter', () => {
    const command = tccliCommand({
      action: 'RestoreInstance',
      generation: 'v3',
      region: 'ap-guangzhou',
      params: { InstanceId: 'crs-1', BackupId: 'b', Password: 'Orders#2024', SecretKey: 'k', Token: 't' },
    });
    expect(command).not.toMatch(/Orders#2024|--SecretKey|--Token|--Password/);
  });

  it('gives a custom endpoint as a host, and quotes what the shell would split', () => {
    const command = tccliCommand({
      action: 'ManualBackupInstance',
      generation: 'v3',
      region: 'ap-shanghai',
      profile: "ops team's",
      endpoint: 'https://redis.internal.example:8443/',
      params: { InstanceId: 'crs-1', Remark: 'before restore; 2026-12-07', StorageDays: 7 },
    });
    expect(command).toBe(
      "tccli redis ManualBackupInstance --region ap-shanghai --profile 'ops team'\\''s' --endpoint redis.internal.example:8443 --InstanceId crs-1 --Remark 'before restore; 2026-12-07' --StorageDays 7",
    );
  });

  it('writes a list of strings as tccli unfolds it: the name once, each value after it', () => {
    // As tccli's own CloneInstances example: `--SecurityGroupIdList sg-o0lb0***` and `--NodeSet.0.NodeType 0`.
    expect(
      tccliCommand({
        action: 'CloneInstances',
        generation: 'v3',
        region: 'ap-shanghai',
        params: {
          InstanceId: 'crs-1',
          SecurityGroupIdList: ['sg-a', 'sg-b'],
          'NodeSet.0.NodeType': 0,
          Empty: [],
        },
      }),
    ).toBe(
      'tccli redis CloneInstances --region ap-shanghai --cli-unfold-argument --InstanceId crs-1 --SecurityGroupIdList sg-a sg-b --NodeSet.0.NodeType 0',
    );
  });

  it('has no equivalent for the legacy v2 API, which tccli does not speak', () => {
    expect(
      tccliCommand({
        action: 'DescribeTaskInfo',
        generation: 'legacy-v2',
        region: 'ap-guangzhou',
        params: { TaskId: 1 },
      }),
    ).toBeUndefined();
  });

  it('quotes only when needed', () => {
    expect(shellQuote('crs-abc_1.2')).toBe('crs-abc_1.2');
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellQuote('')).toBe("''");
  });
});
