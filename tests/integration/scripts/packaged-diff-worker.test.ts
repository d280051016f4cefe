/**
 * The diff worker in a packaged app. No Electron binary can be packaged here, so the built `out/` tree is
 * packed the way electron-builder.yml says (its `files`, then `asarUnpack`, patterns relative to the app as
 * electron-builder reads them) with @electron/asar, electron-builder's own archiver. Then: the rule the shell
 * uses (unpackedPath) finds the worker outside the archive, everything it imports is there too, and a real
 * diff runs in worker threads started from that unpacked file by plain Node, which cannot read an archive.
 * Needs the built app (`npm test` builds before the integration stage; by hand: `npx electron-vite build`).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPackageWithOptions, statFile } from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffBackups } from '../../../electron/core/inspector/diff/backup-diff';
import { BUILT_WORKER } from '../../../electron/core/inspector/diff/diff-threads';
import { unpackedPath } from '../../../electron/core/inspector/packaged-worker';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader';
import { RdbBuilder, str } from '../../support/rdb-builder';

const root = join(import.meta.dirname, '../../..');
const WORKER = `out/main/${BUILT_WORKER}.js`;

/**
 * A top-level list of electron-builder.yml (`key:` then `  - "item"` lines): all this test reads of it, so no
 * YAML parser is needed. Comments are skipped; a list that cannot be found fails the test.
 */
function builderList(yml: string, key: string): string[] {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (!item) break;
    items.push((item[1] as string).replace(/^(["'])(.*)\1$/, '$2'));
  }
  if (start < 0 || items.length === 0) throw new Error(`electron-builder.yml has no list ${key}`);
  return items;
}

/** Every file under `dir`, relative to `root`, with forward slashes as electron-builder's patterns use. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split('\\').join('/'));
}

/** electron-builder's `files`: a file is in when a positive pattern matches it and no `!` pattern does. */
function included(file: string, patterns: readonly string[]): boolean {
  const yes = patterns.filter((p) => !p.startsWith('!'));
  const no = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return yes.some((p) => matchesGlob(file, p)) && !no.some((p) => matchesGlob(file, p));
}

/** The relative imports of an ES module, and its bare package imports (`node:` built-ins aside). */
function importsOf(code: string): { relative: string[]; packages: string[] } {
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map(
    (m) => m[1] as string,
  );
  return {
    relative: specifiers.filter((s) => s.startsWith('.')),
    packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
  };
}

let resources: string;
let unpackedWorker: string;

beforeAll(async () => {
  if (!existsSync(join(root, WORKER))) {
    throw new Error('The app is not built: run `npx electron-vite build` first.');
  }
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const config = { files: builderList(yml, 'files'), asarUnpack: builderList(yml, 'asarUnpack') };
  const stage = mkdtempSync(join(tmpdir(), 'crs-pack-stage-'));
  for (const file of [...walk(join(root, 'out')), 'package.json'].filter((f) => included(f, config.files))) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  resources = mkdtempSync(join(tmpdir(), 'crs-pack-resources-'));
  // @electron/asar matches `unpack` against absolute paths; electron-builder's patterns are app-relative.
  const unpack = `${resolve(stage)}/{${config.asarUnpack.join(',')}}`;
  await createPackageWithOptions(stage, join(resources, 'app.asar'), { unpack });
  unpackedWorker = unpackedPath(join(resources, 'app.asar', ...WORKER.split('/')));
}, 60_000);

describe('the diff worker in a packaged app', () => {
  it('is unpacked where the shell looks for it, and so is everything it imports', () => {
    expect(unpackedWorker).toBe(join(resources, 'app.asar.unpacked', ...WORKER.split('/')));
    expect(existsSync(unpackedWorker)).toBe(true);
    expect(statFile(join(resources, 'app.asar'), WORKER)).toMatchObject({ unpacked: true });
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(existsSync(file), `${relative(resources, file)} is not unpacked`).toBe(true);
      const imports = importsOf(readFileSync(file, 'utf8'));
      expect(imports.packages, `${relative(resources, file)} imports packages from the archive`).toEqual([]);
      for (const spec of imports.relative) visit(resolve(dirname(file), spec));
    };
    visit(unpackedWorker);
    // Outside the archive, only this file tells Node that the unpacked `.js` files are ES modules.
    const scope = join(dirname(unpackedWorker), 'package.json');
    expect(JSON.parse(readFileSync(scope, 'utf8'))).toEqual({ type: 'module' });
  });

  it('leaves main’s own code in the archive, under ASAR integrity validation', () => {
    const archive = join(resources, 'app.asar');
    const mainFiles = walk(join(root, 'out/main')).filter((f) => f.endsWith('.js') && f !== WORKER);
    expect(mainFiles).toContain('out/main/index.js');
    for (const file of mainFiles) {
      expect(statFile(archive, file), `${file} is unpacked`).not.toHaveProperty('unpacked', true);
    }
  });

  it('runs a real diff in worker threads started from the unpacked file', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crs-pack-rdb-'));
    const rdb = (name: string, keys: string[]) => {
      const b = new RdbBuilder(10).selectDb(0);
      for (const k of keys) b.key(0, k, str(`v:${k}`));
      writeFileSync(join(dir, name), b.end());
      return { label: name, paths: [join(dir, name)] };
    };
    const base = rdb('base.rdb', ['a:1', 'a:2', 'b:1']);
    const other = rdb('other.rdb', ['a:1', 'b:1', 'b:2']);
    const here = await diffBackups(readRdb, base, other, { threads: false });
    const unpacked = await diffBackups(readRdb, base, other, {
      threads: true,
      workerEntry: pathToFileURL(unpackedWorker),
    });
    expect(unpacked).toEqual(here);
    expect(here).toMatchObject({ added: 1, removed: 1, unchanged: 2 });
  });
});
