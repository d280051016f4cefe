/**
 * The folder boundaries, checked by reading every import (Biome enforces the same rules while editing):
 * shared/ is pure, the core never imports Electron, the renderer never imports Node or main.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry)) out.push(full);
    }
  };
  walk(join(root, dir));
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]/g,
  )) {
    found.add((m[1] ?? m[2] ?? m[3]) as string);
  }
  return [...found];
}

const nodeBuiltins = /^(node:|fs$|path$|os$|crypto$|http$|https$|net$|child_process$|url$|util$|stream$)/;

function violations(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    imports(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

describe('folder boundaries', () => {
  it('shared/ imports nothing from Electron, Node, React or the app', () => {
    expect(
      violations(
        'shared',
        (spec) =>
          /^(electron|react|react-dom|zustand)(\/|$)/.test(spec) ||
          nodeBuiltins.test(spec) ||
          /^\.\.\//.test(spec),
      ),
    ).toEqual([]);
  });

  it('shared/ does not touch DOM or Node globals', () => {
    // Comments and string literals may mention these words; only code counts.
    const code = (file: string) =>
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    const offenders = sources('shared').filter((file) =>
      /\b(window|document|process|Buffer|require|globalThis)\s*[.([]/.test(code(file)),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('electron/core/ never imports electron or a shell', () => {
    expect(
      violations(
        'electron/core',
        (spec) =>
          /^electron(\/|$)|^electron-store$/.test(spec) ||
          /\/(shell|browser|renderer|boot|preload)\//.test(spec),
      ),
    ).toEqual([]);
  });

  it('electron/core/ never imports the sandbox: the shells load it on demand (electron/boot/)', () => {
    expect(
      violations('electron/core', (spec, file) => {
        if (!spec.startsWith('.')) return false;
        const target = relative(root, join(file, '..', spec));
        return target === 'sandbox' || target.startsWith('sandbox/');
      }),
    ).toEqual([]);
  });

  it('both shells boot the core through one function (electron/boot/boot-core.ts)', () => {
    for (const shell of ['electron/shell/main.ts', 'electron/browser/browser-app.ts']) {
      const text = readFileSync(join(root, shell), 'utf8');
      expect(text, shell).toMatch(/\bbootCore\b/);
      expect(text, shell).not.toMatch(/\b(createCore|openSecretStore|checkSettingsFile)\(|new IpcGuard\b/);
    }
  });

  it('renderer/ imports neither Node nor main', () => {
    expect(
      violations(
        'renderer',
        (spec) =>
          /^electron(\/|$)|^(keytar|conf|electron-store)$/.test(spec) ||
          nodeBuiltins.test(spec) ||
          /(^|\/)electron\/|sandbox\//.test(spec),
      ),
    ).toEqual([]);
  });

  it('electron/preload/ imports Electron and shared/ only', () => {
    expect(
      violations('electron/preload', (spec, file) => {
        if (spec === 'electron') return false;
        if (!spec.startsWith('.')) return true;
        const target = relative(root, join(file, '..', spec));
        return !target.startsWith('shared/');
      }),
    ).toEqual([]);
  });

  it('renderer/src/fleet-grid/ is a module: it never reaches into the store or the app screens', () => {
    expect(
      violations('renderer/src/fleet-grid', (spec, file) => {
        if (!spec.startsWith('.')) return false;
        const target = relative(root, join(file, '..', spec));
        return (
          target.startsWith('renderer/src/store') ||
          (target.startsWith('renderer/src/components/') &&
            target !== 'renderer/src/components/common/status-chip')
        );
      }),
    ).toEqual([]);
  });

  it('the rest of the renderer uses the fleet grid through its two entries only', () => {
    expect(
      violations('renderer/src', (spec, file) => {
        if (!spec.startsWith('.') || relative(root, file).startsWith('renderer/src/fleet-grid/'))
          return false;
        const target = relative(root, join(file, '..', spec));
        return (
          target.startsWith('renderer/src/fleet-grid/') && target !== 'renderer/src/fleet-grid/components'
        );
      }),
    ).toEqual([]);
  });

  it('finds imports at all (the scan is not vacuous)', () => {
    expect(imports(join(root, 'electron/core/ipc/guard.ts'))).toContain('../../../shared/ipc-contract');
    expect(sources('renderer').length).toBeGreaterThan(0);
  });
});
