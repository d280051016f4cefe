/** The terminal "outcome unknown": it ends a restore, reads as unknown everywhere, and never as a failure. */
import { describe, expect, it } from 'vitest';
import { finishedTitle, isTerminal, taskText } from '../../../shared/tasks';

describe('the unknown outcome', () => {
  it('ends a restore, while "unknown" (reconciling) does not', () => {
    expect(isTerminal('outcome-unknown')).toBe(true);
    expect(isTerminal('unknown')).toBe(false);
  });

  it('titles the desktop notification as unknown, never as failed', () => {
    const base = { instanceName: 'orders', instanceId: 'crs-1' };
    expect(finishedTitle({ ...base, status: 'outcome-unknown' })).toBe(
      'Restore of orders: outcome unknown — check the console',
    );
    expect(finishedTitle({ ...base, status: 'succeed' })).toBe('Restore of orders succeeded');
    expect(finishedTitle({ ...base, status: 'failed' })).toMatch(/did not succeed \(failed\)/);
  });

  it('names the task, the instance and the console in its message', () => {
    const text = taskText('outcome-unknown', {
      taskId: '42',
      instanceId: 'crs-1',
      region: 'ap-guangzhou',
      reason: 'BAD_RESPONSE',
      consoleUrl: 'https://console.cloud.tencent.com/redis/instance/list',
    });
    expect(text.message).toBe(
      'Outcome unknown — check the console. The app could not learn how restore task 42 of crs-1 (ap-guangzhou) ended (BAD_RESPONSE) and stopped asking; nothing was resent. Check the instance in the console: https://console.cloud.tencent.com/redis/instance/list',
    );
  });
});
