// Hard-kill hygiene: a sandbox host that is SIGKILLed leaves its redis-servers running (no exit hook
// runs); the next sandbox's RedisManager.init() finds them in the registry and stops them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/index.js';
import { isRecordedRedis, processExists, readRecords } from '../../../sandbox/redis/orphans.js';
import { portOpen } from './helpers';

describe('orphaned redis-servers', () => {
  it('survive a SIGKILLed host and are stopped by the next sandbox', async () => {
    // fleet:1 is one running instance: a single redis-server, the cheapest real host.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--seed', 'fleet:1', '--redis'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 30_000);
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const owned = readRecords().filter((r) => r.ownerPid === child.pid);
    expect(owned).toHaveLength(1);
    const [orphan] = owned;
    if (!orphan) throw new Error('no record');
    expect(out).toContain(`redis-cli -p ${orphan.port}`);
    expect(isRecordedRedis(orphan)).toBe(true);

    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    // The problem being fixed: the server outlives its host.
    expect(processExists(orphan.pid)).toBe(true);
    expect(await portOpen(orphan.port)).toBe(true);

    const next = await startSandbox({ seed: 'empty', redis: true });
    try {
      expect(processExists(orphan.pid)).toBe(false);
      expect(await portOpen(orphan.port)).toBe(false);
      expect(readRecords().some((r) => r.pid === orphan.pid)).toBe(false);
      expect(existsSync(orphan.root)).toBe(false);
    } finally {
      await next.stop();
    }
  });
});
