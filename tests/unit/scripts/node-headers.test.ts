import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerVersion, nodeGypEnv } from '../../../scripts/lib/node-headers.mjs';

function headers(version: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'crs-headers-'));
  if (version === null) return dir;
  const [major, minor, patch] = version.split('.');
  mkdirSync(join(dir, 'include', 'node'), { recursive: true });
  writeFileSync(
    join(dir, 'include', 'node', 'node_version.h'),
    `#define NODE_MAJOR_VERSION ${major}\n#define NODE_MINOR_VERSION ${minor}\n#define NODE_PATCH_VERSION ${patch}\n`,
  );
  writeFileSync(join(dir, 'include', 'node', 'node_api.h'), '/* */\n');
  return dir;
}

describe('node-gyp headers for an offline install', () => {
  it('reads the version the headers describe', () => {
    expect(headerVersion(headers('20.20.2'))).toBe('20.20.2');
    expect(headerVersion(headers(null))).toBeUndefined();
  });

  it('points npm at local headers that match the running Node', () => {
    const other = headers('18.1.0');
    const match = headers('20.20.2');
    const result = nodeGypEnv({ PATH: '/bin' }, { dirs: [other, match], version: '20.20.2' });
    expect(result.env.npm_config_nodedir).toBe(match);
    expect(result.env.PATH).toBe('/bin');
    expect(result.advice).toBeUndefined();
  });

  it('never points at headers of another Node version, and says in one line what to install', () => {
    const other = headers('20.19.0');
    const result = nodeGypEnv({}, { dirs: [other, headers(null)], version: '20.20.2' });
    expect(result.env.npm_config_nodedir).toBeUndefined();
    expect(result.advice).toContain('Node 20.20.2');
    expect(result.advice).toContain(`20.19.0 in ${other}/include/node`);
    expect(result.advice).not.toContain('\n');
  });

  it('leaves a nodedir the user chose alone', () => {
    const result = nodeGypEnv(
      { npm_config_nodedir: '/opt/node' },
      { dirs: [headers('20.20.2')], version: '20.20.2' },
    );
    expect(result.env.npm_config_nodedir).toBe('/opt/node');
    expect(result.advice).toBeUndefined();
  });
});
