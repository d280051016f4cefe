/** What a DBA sees around the app itself: `npm start -- --help`, the page's icon, and a clean Ctrl-C. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

describe('launcher and browser mode process', () => {
  it('prints the usage for --help and exits 0 without installing or starting anything', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(root, 'scripts/launch.mjs'), '--help'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm start -- /);
    expect(result.stdout).toContain('--user-data DIR');
    expect(result.stdout).not.toMatch(/Installing|Starting|Building/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('serves a favicon, and on Ctrl-C says it stopped and exits 0', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'crs-launch-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'electron/browser/main.ts'), '--no-open', '--user-data', userData],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /is running at (http:\/\/127\.0\.0\.1:\d+\/?)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
          }
        });
      });
      const icon = await fetch(`${url}favicon.svg`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toContain('image/svg+xml');
      expect(await icon.text()).toContain('<svg');

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('CRS Restore Desk stopped.');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(userData, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('browser mode settings file', () => {
  it('is written readable by the user only', async () => {
    const { createSettingsStore } = await import('../../../electron/browser/browser-app');
    const userData = mkdtempSync(join(tmpdir(), 'crs-settings-'));
    try {
      createSettingsStore(userData).set('probe', 1);
      expect(statSync(join(userData, 'settings.json')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

describe('npm run package', () => {
  it('says in one line that the Electron binary is missing and exits non-zero', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/package.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot package: the Electron binary is not installed here/);
  }, 150_000);
});

describe('browser mode without a session bus', () => {
  it('starts at once in session-only mode and starts no D-Bus or keyring daemon of its own', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'crs-nobus-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: ':99' };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'electron/browser/main.ts'), '--no-open', '--user-data', userData],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          if (output.includes('Credentials:')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // D-Bus autolaunch used to hold the start for about 25 s.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(output).toContain('kept for this session only');
      expect(output).toContain('no-session-bus');
      const daemons = descendants(child.pid as number).filter((p) =>
        /dbus-daemon|gnome-keyring/.test(p.comm),
      );
      expect(daemons).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(userData, { recursive: true, force: true });
    }
  }, 40_000);
});

/** Every process whose chain of parents reaches PID, with its command name. */
function descendants(pid: number): Array<{ pid: number; comm: string }> {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return { pid: Number(name), ppid, comm: readFileSync(`/proc/${name}/comm`, 'utf8').trim() };
      } catch {
        return undefined;
      }
    })
    .filter((p): p is { pid: number; ppid: number; comm: string } => p !== undefined);
  const found = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => p.pid !== pid && found.has(p.pid)).map(({ pid: id, comm }) => ({ pid: id, comm }));
}
