// Fault injection through the loopback admin endpoint, and the state summary.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/index.js';
import { addFault, adminState, callV3, errorCode, tc3Headers, waitTask } from './helpers.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', taskSeconds: 0.2 });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

async function rawPost(action: string, params: unknown, signal?: AbortSignal): Promise<Response> {
  const body = JSON.stringify(params);
  return fetch(`${sandbox.url}/`, {
    method: 'POST',
    headers: tc3Headers(sandbox.url, action, body),
    body,
    signal,
  });
}

async function normalBackupId(instanceId: string): Promise<string> {
  const reply = await callV3(sandbox.url, 'DescribeInstanceBackups', { InstanceId: instanceId, Status: [2] });
  return (reply.json.BackupSet as Array<{ BackupId: string }>)[0]?.BackupId ?? '';
}

describe('faults', () => {
  it('http5xx, scoped by action and count', async () => {
    await addFault(sandbox.url, { kind: 'http5xx', status: 503, action: 'DescribeInstances', count: 2 });
    expect((await rawPost('DescribeInstanceBackups', {})).status).toBe(200);
    expect((await rawPost('DescribeInstances', {})).status).toBe(503);
    expect((await rawPost('DescribeInstances', {})).status).toBe(503);
    expect((await rawPost('DescribeInstances', {})).status).toBe(200);
  });

  it('reset and drop make the request fail at the transport level', async () => {
    await addFault(sandbox.url, { kind: 'reset' });
    await expect(rawPost('DescribeInstances', {})).rejects.toThrow();
    await addFault(sandbox.url, { kind: 'drop' });
    await expect(rawPost('DescribeInstances', {})).rejects.toThrow();
    expect((await rawPost('DescribeInstances', {})).status).toBe(200);
  });

  it('malformedJson and forced RequestLimitExceeded', async () => {
    await addFault(sandbox.url, { kind: 'malformedJson' });
    const broken = await rawPost('DescribeInstances', {});
    await expect(broken.json()).rejects.toThrow();
    await addFault(sandbox.url, { kind: 'rateLimit', action: 'DescribeTaskInfo' });
    expect(errorCode(await callV3(sandbox.url, 'DescribeTaskInfo', { TaskId: 1 }))).toBe(
      'RequestLimitExceeded',
    );
  });

  it('latency delays but still answers', async () => {
    await addFault(sandbox.url, { kind: 'latency', ms: 150 });
    expect(errorCode(await callV3(sandbox.url, 'DescribeInstances', {}))).toBeUndefined();
  });

  it('failTask makes the next restore task fail with a TaskMessage and unlocks the instance', async () => {
    await addFault(sandbox.url, { kind: 'failTask', action: 'RestoreInstance', message: 'disk full' });
    const backupId = await normalBackupId('crs-demo0001');
    const reply = await callV3(sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0001',
      BackupId: backupId,
      Password: 'Orders#2024',
    });
    const task = await waitTask(sandbox.url, reply.json.TaskId as number);
    expect(task).toMatchObject({ Status: 'failed', TaskMessage: 'disk full' });
    const again = await callV3(sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0001',
      BackupId: backupId,
      Password: 'Orders#2024',
    });
    expect((await waitTask(sandbox.url, again.json.TaskId as number)).Status).toBe('succeed');
  });

  it('hang: RestoreInstance starts the task but never answers', async () => {
    await addFault(sandbox.url, { kind: 'hang', action: 'RestoreInstance' });
    const before = (await adminState(sandbox.url)).tasks as unknown[];
    const backupIdFor7 = await normalBackupId('crs-demo0007');
    const attempt = rawPost(
      'RestoreInstance',
      { InstanceId: 'crs-demo0007', BackupId: backupIdFor7, Password: 'OldCache#7' },
      AbortSignal.timeout(500),
    );
    await expect(attempt).rejects.toThrow();
    const state = await adminState(sandbox.url);
    const tasks = state.tasks as Array<{ instanceId: string; kind: string }>;
    expect(tasks.length).toBe(before.length + 1);
    expect(tasks.at(-1)).toMatchObject({ instanceId: 'crs-demo0007', kind: 'restore' });
    expect((state.restoreCalls as Record<string, number>)['crs-demo0007']).toBe(1);
  });

  it('rejects invalid fault specs with 400', async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(res.status).toBe(400);
    const list = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: '{"faults":[{"kind":"latency","ms":1,"count":"always"}]}',
    });
    expect(list.status).toBe(200);
    const faults = (await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()) as { faults: unknown[] };
    expect(faults.faults).toHaveLength(1);
  });
});
