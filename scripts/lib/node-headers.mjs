// keytar has no prebuilt binary that can be fetched offline, so npm builds it with node-gyp, which needs
// Node's C headers. By default node-gyp downloads them from the internet, which an air-gapped workstation
// (Debian's archive and an npm mirror only) cannot reach: `npm ci` then fails and rolls back. NodeSource's
// `nodejs` package installs the headers under /usr/include/node; pointing node-gyp there (npm_config_nodedir)
// makes the build local. Our own machines hid this with a user-level `nodedir` setting.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders whose include/node holds headers; the running Node's own prefix first. */
export function candidateNodeDirs(execPath = process.execPath) {
  const prefix = join(execPath, '..', '..');
  return [...new Set([prefix, '/usr', '/usr/local'])];
}

/** The version the headers under DIR/include/node describe, or undefined when they are not there. */
export function headerVersion(dir) {
  const file = join(dir, 'include', 'node', 'node_version.h');
  if (!existsSync(file) || !existsSync(join(dir, 'include', 'node', 'node_api.h'))) return undefined;
  const text = readFileSync(file, 'utf8');
  const part = (name) => text.match(new RegExp(`#define NODE_${name}_VERSION (\\d+)`))?.[1];
  const [major, minor, patch] = [part('MAJOR'), part('MINOR'), part('PATCH')];
  return major && minor && patch ? `${major}.${minor}.${patch}` : undefined;
}

/**
 * The environment for `npm ci`: unchanged when the user already chose a nodedir; with npm_config_nodedir set
 * to local headers that match the running Node; otherwise unchanged, with the one line that says what to
 * install (the install may still work where the internet is reachable).
 */
export function nodeGypEnv(
  env = process.env,
  { dirs = candidateNodeDirs(), version = process.versions.node } = {},
) {
  if (env.npm_config_nodedir || env.NPM_CONFIG_NODEDIR) return { env, nodedir: undefined, advice: undefined };
  const found = dirs.map((dir) => ({ dir, version: headerVersion(dir) })).filter((d) => d.version);
  const match = found.find((d) => d.version === version);
  if (match) return { env: { ...env, npm_config_nodedir: match.dir }, nodedir: match.dir, advice: undefined };
  const seen = found.map((d) => `${d.version} in ${d.dir}/include/node`).join(', ');
  const advice =
    `No local C headers for Node ${version}${seen ? ` (found ${seen})` : ''}: node-gyp will try to download ` +
    `them to build keytar. Offline, install Node ${version} with its headers (NodeSource's nodejs package ` +
    'puts them in /usr/include/node) or set npm_config_nodedir to a folder holding include/node.';
  return { env, nodedir: undefined, advice };
}
