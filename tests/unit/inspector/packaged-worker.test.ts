/** A packaged app starts the diff worker from the unpacked copy beside app.asar, never from inside it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InspectorService } from '../../../electron/core/inspector/inspector-service';
import { packagedWorkerEntry, unpackedPath } from '../../../electron/core/inspector/packaged-worker';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { RdbBuilder, str } from '../../support/rdb-builder';

describe('unpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked, with either separator', () => {
    expect(unpackedPath('/opt/CRS Restore Desk/resources/app.asar/out/main/inspect-diff-worker.js')).toBe(
      '/opt/CRS Restore Desk/resources/app.asar.unpacked/out/main/inspect-diff-worker.js',
    );
    expect(unpackedPath('C:\\Program Files\\CRS\\resources\\app.asar\\out\\main\\w.js')).toBe(
      'C:\\Program Files\\CRS\\resources\\app.asar.unpacked\\out\\main\\w.js',
    );
  });

  it('leaves paths outside an archive alone, and an unpacked path as it is', () => {
    for (const path of [
      '/work/app/out/main/inspect-diff-worker.js',
      '/r/app.asar.unpacked/out/main/w.js',
      '/r/app.asar-backup/w.js',
      '/r/app.asar',
    ]) {
      expect(unpackedPath(path)).toBe(path);
    }
  });
});

describe('packagedWorkerEntry', () => {
  const inside = pathToFileURL('/opt/crs/resources/app.asar/out/main/inspect-diff-worker.js');

  it('answers the unpacked file when it is there', () => {
    const warnings: string[] = [];
    const url = packagedWorkerEntry(
      inside,
      (p) => p.includes('app.asar.unpacked'),
      (m) => warnings.push(m),
    );
    expect(url.href).toBe('file:///opt/crs/resources/app.asar.unpacked/out/main/inspect-diff-worker.js');
    expect(warnings).toEqual([]);
  });

  it('keeps the archived path and says why when the unpacked file is missing', () => {
    const warnings: string[] = [];
    expect(
      packagedWorkerEntry(
        inside,
        () => false,
        (m) => warnings.push(m),
      ),
    ).toBe(inside);
    expect(warnings[0]).toMatch(/not unpacked.*asarUnpack/);
  });

  it('changes nothing for an app run from its build folder', () => {
    const built = pathToFileURL('/work/app/out/main/inspect-diff-worker.js');
    expect(
      packagedWorkerEntry(
        built,
        () => true,
        () => undefined,
      ),
    ).toBe(built);
  });
});

describe('the inspector service', () => {
  it('starts the diff worker from the entry the shell hands it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crs-worker-entry-'));
    const file = (id: string) => {
      const path = join(dir, `${id}.rdb`);
      writeFileSync(path, new RdbBuilder(10).selectDb(0).key(0, `k:${id}`, str('v')).end());
      return [path];
    };
    const paths: Record<string, string[]> = { old: file('old'), new: file('new') };
    // A stand-in worker that names itself: the diff fails with its words only if this entry was started.
    const entry = join(dir, 'given-worker.mjs');
    writeFileSync(entry, "throw new Error('started from the given entry');\n");
    const service = new InspectorService({
      files: { filesFor: (_p, _r, _i, backupId) => paths[backupId] ?? null },
      readRdb,
      now: () => 0,
      logger: createMemoryLogger(),
      onProgress: () => undefined,
      diffWorkerEntry: pathToFileURL(entry),
    });
    const ref = (backupId: string) => ({ profileId: 'p', region: 'r', instanceId: 'i', backupId });
    await expect(service.diff('d', ref('old'), ref('new'))).rejects.toThrow(/started from the given entry/);
  });
});
