/**
 * No keychain: browser mode in an environment without a D-Bus session (no DBUS_SESSION_BUS_ADDRESS, no
 * DISPLAY, an empty runtime folder) must run with session-only secrets, show the banner's notice, keep the
 * profile usable for the session, and write no secret to any file under user data, nor to its log.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesContaining, listFiles } from './support/files';
import { recordFigures, sized } from './support/scale';

const RUNS = sized(1, 3);
const base = mkdtempSync(join(tmpdir(), 'crs-nokeychain-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function withoutSession(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY']) delete env[name];
  // libsecret also looks for $XDG_RUNTIME_DIR/bus; point it at an empty folder.
  const runtime = join(base, 'runtime');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  return { ...env, XDG_RUNTIME_DIR: runtime };
}

interface ChildReport {
  info: { ok: boolean; value?: { secretStore: string } };
  notices: { ok: boolean; value?: Array<{ code: string; level: string; message: string }> };
  created: { ok: boolean; value?: { hasSecret: boolean; hasToken: boolean } };
  listed: { ok: boolean; value?: unknown[] };
  inLogs: boolean;
}

describe('keychain unavailable', () => {
  it('falls back to session-only secrets with a clear notice, and writes no secret to disk', async () => {
    let files = 0;
    for (let run = 0; run < RUNS; run++) {
      const userData = join(base, `user-data-${run}`);
      const secret = `sk-${randomBytes(16).toString('hex')}`;
      const token = `sts-${randomBytes(24).toString('hex')}`;
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, 'support/no-keychain-child.ts'),
          userData,
          secret,
          token,
        ],
        { env: withoutSession(), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
      const report = JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildReport;
      expect(report.info.value?.secretStore).toBe('session');
      const banner = report.notices.value?.find((n) => n.code === 'KEYCHAIN_ERROR');
      expect(banner?.level).toBe('warning');
      expect(banner?.message).toMatch(/session only/);
      expect(report.created).toMatchObject({ ok: true, value: { hasSecret: true, hasToken: true } });
      expect(report.listed.value).toHaveLength(1);
      expect(report.inLogs).toBe(false);
      expect(filesContaining(userData, secret)).toEqual([]);
      expect(filesContaining(userData, token)).toEqual([]);
      files += listFiles(userData).length;
    }
    recordFigures('keychain', { runs: RUNS, filesScanned: files, secretsFoundOnDisk: 0 });
  });
});
