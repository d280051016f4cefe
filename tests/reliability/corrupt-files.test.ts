/**
 * Corrupt or truncated files: the settings file, the restore journal and the fleet cache are damaged in
 * seeded random ways (cut at any byte, bytes overwritten, emptied, valid JSON of the wrong shape) and the
 * app (browser mode, conf settings) is started over them. Each must be recovered or moved aside with a
 * clear notice, and nothing else may be lost: every other file is unchanged or only appended to.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, startBrowserApp } from '../../electron/browser/browser-app';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { type RunningSandbox, startSandbox } from '../../sandbox/index';
import type { Notice } from '../../shared/ipc-contract';
import { type RestoreRecord, RestoreRecordSchema } from '../../shared/tasks';
import { listFiles } from './support/files';
import { isClearMessage, ORDERS } from './support/journeys';
import { recordFigures, SEED, seededRandom, sized } from './support/scale';

const VARIANTS = sized(4, 20);
const random = seededRandom(SEED + 3);
const secrets = new MemorySecretStore();
const base = mkdtempSync(join(tmpdir(), 'crs-corrupt-'));
const good = join(base, 'good');
const rendererRoot = join(base, 'renderer');
let sandbox: RunningSandbox;
let profileId = '';
const figures: Record<string, number> = {};

const start = (userData: string) =>
  startBrowserApp({
    userData,
    logger: createMemoryLogger(),
    secrets,
    rendererRoot,
    fetch: (u, i) => fetch(u, i),
  });

beforeAll(async () => {
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
  sandbox = await startSandbox({ taskSeconds: 0.5 });
  const app = await start(good);
  const h = app.core.handlers;
  await h['settings:update']({ pollIntervalSeconds: 1 });
  const profile = await h['profiles:create']({
    name: 'kept',
    secretId: sandbox.credentials.secretId,
    secretKey: sandbox.credentials.secretKey,
    generation: 'v3',
    endpoint: sandbox.url,
    regions: ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'],
    defaultRegion: 'ap-guangzhou',
    environment: 'testing',
    requestTimeoutSeconds: 10,
    signatureMethod: 'HmacSHA1',
  });
  profileId = profile.id;
  await h['fleet:refresh']({ profileId });
  const { backups } = await h['backups:list']({
    profileId,
    region: ORDERS.region,
    instanceId: ORDERS.instanceId,
    span: 7,
  });
  for (const backup of backups.filter((b) => b.restorable).slice(0, 2)) {
    await h['restore:start']({
      profileId,
      region: ORDERS.region,
      instanceId: ORDERS.instanceId,
      backupId: backup.id,
      password: ORDERS.password,
      confirmation: ORDERS.name,
      rememberPassword: false,
      useSavedPassword: false,
      safetyBackup: false,
    });
    while ((await h['tasks:list']({})).some((r) => r.phase !== 'done'))
      await new Promise((r) => setTimeout(r, 100));
  }
  await app.stop();
});

afterAll(async () => {
  await sandbox?.stop();
  rmSync(base, { recursive: true, force: true });
  recordFigures('corrupt-files', figures);
});

type Damage = (bytes: Buffer) => Buffer;
const damages: Record<string, Damage> = {
  truncated: (b) => b.subarray(0, 1 + Math.floor(random() * (b.length - 2))),
  overwritten: (b) => {
    const copy = Buffer.from(b);
    const at = Math.floor(random() * (copy.length - 8));
    for (let i = 0; i < 8; i++) copy[at + i] = Math.floor(random() * 256);
    return copy;
  },
  emptied: () => Buffer.alloc(0),
  'wrong shape': () => Buffer.from(random() < 0.5 ? '[]' : 'null'),
};
const names = Object.keys(damages);

/** Copies the good folder, damages one file, starts the app over it; returns the app and what changed. */
async function damaged(file: string, variant: number) {
  const dir = join(base, `case-${file.replaceAll('/', '-')}-${variant}`);
  cpSync(good, dir, { recursive: true });
  const target = join(dir, file);
  const kind = names[variant % names.length] ?? 'truncated';
  const bad = (damages[kind] as Damage)(readFileSync(target));
  writeFileSync(target, bad);
  const before = Object.fromEntries(listFiles(dir).map((p) => [p, readFileSync(p)]));
  const app: BrowserApp = await start(dir);
  const notices = (await app.core.handlers['app:notices']({})) as Notice[];
  const label = `${file.startsWith('cache/') ? 'fleet cache' : file} ${kind}`;
  figures[label] = (figures[label] ?? 0) + 1;
  return { dir, target, bad, kind, before, app, notices };
}

/** Every file but the damaged one still holds its bytes, at most with lines appended (journal, audit). */
function nothingElseLost(before: Record<string, Buffer>, damagedFile: string): void {
  for (const [path, bytes] of Object.entries(before)) {
    if (path === damagedFile) continue;
    expect(existsSync(path), path).toBe(true);
    const now = readFileSync(path);
    expect(now.subarray(0, bytes.length).equals(bytes), `${path} changed`).toBe(true);
  }
}

function asRecord(line: string): RestoreRecord | undefined {
  try {
    const parsed = RestoreRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Random bytes landing inside a JSON string can leave a file that still parses: not corrupt, just edited. */
function stillJson(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const movedAside = (target: string) =>
  readdirSync(dirname(target)).filter((n) => n.startsWith(`${target.split('/').pop()}.corrupt-`));

describe('corrupt or truncated files', () => {
  it('a damaged settings file is moved aside with a notice; journal, audit and cache are kept', async () => {
    for (let v = 0; v < VARIANTS; v++) {
      const c = await damaged('settings.json', v);
      try {
        if (stillJson(c.bad)) {
          // Still a JSON object: conf opens it; a profile it no longer validates is hidden with a notice.
          const profiles = await c.app.core.handlers['profiles:list']({});
          if (profiles.length === 0) expect(c.notices.some((n) => n.code === 'SETTINGS_INVALID')).toBe(true);
          figures['settings.json damaged but still JSON'] =
            (figures['settings.json damaged but still JSON'] ?? 0) + 1;
          continue;
        }
        const notice = c.notices.find((n) => n.code === 'SETTINGS_INVALID');
        expect(notice?.message).toContain('moved aside');
        expect(isClearMessage(notice?.message)).toBe(true);
        const [moved] = movedAside(c.target);
        expect(readFileSync(join(c.dir, moved ?? '')).equals(c.bad)).toBe(true);
        expect((await c.app.core.handlers['tasks:list']({})).length).toBe(2);
        nothingElseLost(c.before, c.target);
      } finally {
        await c.app.stop();
      }
    }
  });

  it('a damaged journal keeps every whole record, skips torn lines with a notice, and loses nothing else', async () => {
    for (let v = 0; v < VARIANTS; v++) {
      const c = await damaged('restores.jsonl', v);
      try {
        // A line is kept when it still parses as a record (damage inside a string can leave one valid);
        // anything else is torn and must be skipped with a notice.
        const lines = c.bad
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== '');
        const records = lines.map(asRecord);
        const ids = new Set(records.flatMap((r) => (r ? [r.restoreId] : [])));
        const tasks = await c.app.core.handlers['tasks:list']({});
        expect(new Set(tasks.map((t) => t.restoreId))).toEqual(ids);
        if (records.some((r) => r === undefined)) {
          const notice = c.notices.find((n) => n.message.includes('damaged line'));
          expect(isClearMessage(notice?.message), JSON.stringify(c.notices)).toBe(true);
        }
        expect(await c.app.core.handlers['profiles:list']({})).toHaveLength(1);
        nothingElseLost(c.before, c.target);
      } finally {
        await c.app.stop();
      }
    }
  });

  it('a damaged fleet cache is moved aside with a notice and the app carries on without it', async () => {
    const file = `cache/${profileId}/fleet.json`;
    for (let v = 0; v < VARIANTS; v++) {
      const c = await damaged(file, v);
      try {
        const cached = await c.app.core.handlers['fleet:cached']({ profileId });
        if (stillJson(c.bad) && cached.instances.length > 0) {
          // The damage fell inside a string value and the file still validates: it is read as it is.
          figures['fleet.json damaged but still valid'] =
            (figures['fleet.json damaged but still valid'] ?? 0) + 1;
          continue;
        }
        expect(cached.instances).toEqual([]);
        const notices = (await c.app.core.handlers['app:notices']({})) as Notice[];
        const notice = notices.find((n) => n.message.includes('cache file was moved aside'));
        expect(isClearMessage(notice?.message)).toBe(true);
        const [moved] = movedAside(c.target);
        expect(readFileSync(join(dirname(c.target), moved ?? '')).equals(c.bad)).toBe(true);
        expect((await c.app.core.handlers['tasks:list']({})).length).toBe(2);
        nothingElseLost(c.before, c.target);
        // Refreshing rebuilds it from the cloud.
        const live = await c.app.core.handlers['fleet:refresh']({ profileId });
        expect(live.instances.length, JSON.stringify(live.regions)).toBe(sandbox.state.instances.size);
      } finally {
        await c.app.stop();
      }
    }
  });
});
