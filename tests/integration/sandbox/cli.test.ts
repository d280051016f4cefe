// The CLI as a user runs it: banner, bad flags, and a clean Ctrl-C that takes its redis-servers along.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEMPORARY_SECRET_ID, TEMPORARY_SECRET_KEY, TEMPORARY_TOKEN } from '../../../sandbox/constants.js';
import { portOpen } from './helpers';

const TSX = ['--import', 'tsx', 'sandbox/cli.ts'];

describe('sandbox CLI', () => {
  it('bad flags print one message plus usage and exit 2', () => {
    const result = spawnSync(process.execPath, [...TSX, '--seed', 'fleet:0'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--seed must be');
    expect(result.stderr).toContain('Usage: npm run sandbox');
    const unknown = spawnSync(process.execPath, [...TSX, '--frobnicate'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
  });

  it('prints the banner and credentials, serves, and SIGINT stops everything', async () => {
    const child = spawn(process.execPath, [...TSX, '--port', '0', '--redis', '--task-seconds', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    const match = /^CRS sandbox listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(out);
    expect(match).not.toBeNull();
    expect(out).toContain('SecretId:  AKIDsandbox0000000000000000000000000');
    expect(out).toContain(
      `Temporary key (STS, never expires): ${TEMPORARY_SECRET_ID} / ${TEMPORARY_SECRET_KEY} / Token ${TEMPORARY_TOKEN}`,
    );
    expect(out).toContain('/__sandbox/sts');
    const redisPorts = [...out.matchAll(/redis-cli -p (\d+)/g)].map((m) => Number(m[1]));
    expect(redisPorts.length).toBeGreaterThanOrEqual(7);
    const state = await fetch(`http://127.0.0.1:${match?.[1]}/__sandbox/state`);
    expect(state.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of redisPorts) expect(await portOpen(port)).toBe(false);
    expect(await portOpen(Number(match?.[1]))).toBe(false);
  });
});
