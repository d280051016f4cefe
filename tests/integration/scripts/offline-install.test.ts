/**
 * The install works on a machine whose npm has no settings of its own: a fresh HOME, and none of the
 * npm_config_* variables that `npm test` passes down (ours carry nodedir=/usr, which hid a missing step once).
 * keytar is the one dependency that compiles, so it is the one installed here; packages come from the local
 * npm cache, and node-gyp must not need the internet for Node's headers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeGypEnv } from '../../../scripts/lib/node-headers.mjs';

const root = join(import.meta.dirname, '../../..');
const keytarVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.keytar;

function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  env.HOME = mkdtempSync(join(tmpdir(), 'crs-home-'));
  // The machine's package cache, so the test reads the registry's tarballs without fetching them again.
  env.npm_config_cache = join(homedir(), '.npm');
  return env;
}

describe('install without the user npm settings', () => {
  it('builds keytar from source against local Node headers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crs-install-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'probe',
        version: '1.0.0',
        private: true,
        dependencies: { keytar: keytarVersion },
      }),
    );
    const { env, nodedir } = nodeGypEnv(cleanEnv());
    expect(nodedir).toBeDefined();
    const result = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts'],
      {
        cwd: dir,
        env: env as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).not.toMatch(/headers\.tar\.gz/);
    expect(result.status, output.slice(-2000)).toBe(0);
    expect(existsSync(join(dir, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true);
  }, 300_000);
});
