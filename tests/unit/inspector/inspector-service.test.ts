import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectorService } from '../../../electron/core/inspector/inspector-service';
import type { ReadRdb } from '../../../electron/core/inspector/rdb/rdb-types';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { AppError } from '../../../shared/errors';
import type { BackupRef, InspectProgress } from '../../../shared/inspector';
import { entry, type FakeEntry, fakeReader, summary } from '../../support/fake-rdb';

const NOW = Date.UTC(2026, 11, 1);
const ref = (backupId: string): BackupRef => ({
  profileId: 'p1',
  region: 'ap-guangzhou',
  instanceId: 'crs-abcd1234',
  backupId,
});

function setup(files: Record<string, readonly FakeEntry[]>, reader?: ReadRdb) {
  const root = mkdtempSync(join(tmpdir(), 'crs-inspector-svc-'));
  const content: Record<string, readonly FakeEntry[]> = {};
  const paths: Record<string, string[]> = {};
  for (const [id, entries] of Object.entries(files)) {
    const path = join(root, `${id}.rdb`);
    writeFileSync(path, `REDIS ${id}`);
    content[`REDIS ${id}`] = entries;
    paths[id] = [path];
  }
  const progress: InspectProgress[] = [];
  const pins: string[] = [];
  let reads = 0;
  const base = reader ?? fakeReader(content);
  const counting: ReadRdb = (source, onKey, options) => {
    reads += 1;
    return base(source, onKey, options);
  };
  const service = new InspectorService({
    files: {
      filesFor: (_p, _r, _i, backupId) => paths[backupId] ?? null,
      pin: (r) => {
        pins.push(`+${r.backupId}`);
        return () => pins.push(`-${r.backupId}`);
      },
    },
    readRdb: counting,
    now: () => NOW,
    logger: createMemoryLogger(),
    onProgress: (p) => progress.push(p),
    progressEveryMs: 0,
  });
  return { service, progress, pins, reads: () => reads };
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('inspector service', () => {
  it('reports a downloaded backup, keeps it in memory, holds its files while reading', async () => {
    const { service, progress, pins, reads } = setup({ b1: [{ key: 'user:1' }, { key: 'user:2' }] });
    const report = await service.report('r1', ref('b1'));
    expect(report.keys).toBe(2);
    expect(report.referenceMs).toBe(NOW);
    expect(progress.at(-1)).toMatchObject({ requestId: 'r1', backupId: 'b1', phase: 'reading' });
    expect(pins).toEqual(['+b1', '-b1']);
    await service.report('r2', ref('b1'));
    expect(reads()).toBe(1);
    service.forget();
    await service.report('r3', ref('b1'));
    expect(reads()).toBe(2);
  });

  it('says when a backup is not downloaded, and when its file is not an RDB', async () => {
    const { service } = setup({ b1: [] });
    expect(await code(service.report('r1', ref('nope')))).toBe('INSPECT_NOT_DOWNLOADED');
    const bad = setup({ b1: [] }, async () => {
      throw new (await import('../../../electron/core/inspector/rdb/rdb-types')).RdbFormatError(
        9,
        'an opcode',
      );
    });
    const error = await bad.service.report('r1', ref('b1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INSPECT_BAD_FILE');
    expect((error as AppError).details).toMatchObject({ file: 'b1.rdb' });
    expect(String((error as AppError).details?.detail)).toMatch(/byte 9/);
  });

  it('cancels a running request by its id', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow: ReadRdb = async (_source, _onKey, options) => {
      await gate;
      options?.signal?.throwIfAborted();
      throw new Error('not cancelled');
    };
    const { service } = setup({ b1: [] }, slow);
    const running = code(service.report('r1', ref('b1')));
    await new Promise((r) => setTimeout(r, 20));
    expect(await code(service.report('r1', ref('b1')))).toBe('INVALID_REQUEST');
    expect(service.cancel('r1')).toBe(true);
    release();
    expect(await running).toBe('INSPECT_CANCELLED');
    expect(service.cancel('r1')).toBe(false);
  });

  it('cancels a find and a diff: the reads stop, the files are released, and no partial result is answered', async () => {
    // A reader that stops at the signal without throwing, handing back what it read so far.
    let reached: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      reached = r;
    });
    const quitter: ReadRdb = async (_source, onKey, options) => {
      onKey(entry({ key: 'k:1', valueHash: '0000000000000001' }));
      reached();
      await new Promise<void>((r) => options?.signal?.addEventListener('abort', () => r(), { once: true }));
      return summary(1);
    };
    const { service, pins } = setup({ old: [], new: [] }, quitter);
    // Cancelled during the last read, the reader's early return would otherwise end the search "whole".
    const finding = code(service.find('f', [ref('old')], 'k:*', true, 10));
    await gate;
    expect(service.cancel('f')).toBe(true);
    expect(await finding).toBe('INSPECT_CANCELLED');
    expect(pins).toEqual(['+old', '-old']);

    const diffing = code(service.diff('d', ref('old'), ref('new')));
    await new Promise((r) => setTimeout(r, 20));
    expect(service.cancel('d')).toBe(true);
    expect(await diffing).toBe('INSPECT_CANCELLED');
    // The ids are free again once the requests ended.
    expect(service.cancel('f')).toBe(false);
    expect(service.cancel('d')).toBe(false);
  });

  it('finds and diffs across backups by id', async () => {
    const { service } = setup({
      old: [{ key: 'k:1', valueHash: '0000000000000001' }],
      new: [
        { key: 'k:1', valueHash: '0000000000000002' },
        { key: 'k:2', valueHash: '0000000000000003' },
      ],
    });
    const found = await service.find('f', [ref('old'), ref('new')], 'k:*', true, 10);
    expect(found.matches.map((m) => [m.key, m.backups])).toEqual([
      ['k:1', ['old', 'new']],
      ['k:2', ['new']],
    ]);
    const diff = await service.diff('d', ref('old'), ref('new'));
    expect(diff).toMatchObject({ base: 'old', other: 'new', added: 1, changed: 1, removed: 0 });
    expect(await code(service.find('f2', [ref('old')], '"\\xZZ"', false, 10))).toBe('INVALID_REQUEST');
  });

  it('previews only with a reader that can, and never guesses otherwise', async () => {
    const { service } = setup({ b1: [{ key: 'k' }] });
    expect(await code(service.preview('p', ref('b1'), 0, 'k'))).toBe('INSPECT_PREVIEW_UNAVAILABLE');
    expect(await code(service.preview('p', ref('b1'), 0, 'other'))).toBe('INSPECT_KEY_NOT_FOUND');
    const previewing: ReadRdb = async (_source, onKey, options) => {
      const asked = (options as { preview?: { key: Uint8Array } }).preview;
      const key = new TextEncoder().encode('k');
      onKey({
        db: 0,
        key,
        type: 'list',
        encoding: 'quicklist2',
        expireAtMs: null,
        elements: 3,
        bytes: 30,
        ...(asked
          ? { preview: { items: [Uint8Array.from([0x61]), Uint8Array.from([0xff])], truncated: true } }
          : {}),
      } as Parameters<typeof onKey>[0]);
      return (await import('../../support/fake-rdb')).summary(1);
    };
    const p = setup({ b1: [] }, previewing);
    expect(await p.service.preview('p', ref('b1'), 0, 'k')).toEqual({
      db: 0,
      key: 'k',
      type: 'list',
      items: ['a', '"\\xff"'],
      truncated: true,
    });
  });
});
