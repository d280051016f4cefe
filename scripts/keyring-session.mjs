#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar and secret-tool
// talk to a real Secret Service. Each run gets fresh keyring and runtime folders, removed afterwards.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './lib/run.mjs';

export async function inKeyringSession(command, args, extraEnv = {}) {
  const base = mkdtempSync(join(tmpdir(), 'crs-keyring-'));
  const dataHome = join(base, 'data');
  const runtimeDir = join(base, 'runtime');
  for (const dir of [dataHome, runtimeDir]) mkdirSync(dir, { mode: 0o700 });
  const env = { ...process.env, ...extraEnv, XDG_DATA_HOME: dataHome, XDG_RUNTIME_DIR: runtimeDir };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS']) delete env[name];
  // The unlock password must be non-empty, or gnome-keyring tries to prompt and never creates `login`.
  const password = randomBytes(12).toString('hex');
  const script = `printf %s "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && unset KEYRING_PW && exec "$@"`;
  try {
    return await run('dbus-run-session', ['--', 'bash', '-c', script, '_', command, ...args], {
      env: { ...env, KEYRING_PW: password },
    });
  } finally {
    killStrayDaemons(runtimeDir);
    rmSync(base, { recursive: true, force: true });
  }
}

/** Now and then the daemon outlives the bus; end it by PID, found through this run's runtime folder. */
function killStrayDaemons(runtimeDir) {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('gnome-keyring-d')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`XDG_RUNTIME_DIR=${runtimeDir}\0`)) {
        process.kill(Number(pid), 'SIGTERM');
      }
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('Usage: node scripts/keyring-session.mjs COMMAND [ARGS…]');
    process.exit(2);
  }
  inKeyringSession(command, args).then((code) => process.exit(code));
}
