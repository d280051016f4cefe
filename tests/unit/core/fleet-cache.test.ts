// The fleet cache: written in ASCII pieces and read back to the same value, checked as strictly as the zod
// schema, damaged files moved aside; and FleetService answering a refresh without waiting for the write,
// while `cached()` right after still sees the fresh fleet and writes land in order; a region's instances in
// page order whatever order its pages arrive in.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { FleetCache } from '../../../electron/core/inventory/fleet-cache';
import { FleetFileSchema, parseFleetFile } from '../../../electron/core/inventory/fleet-file';
import {
  fleetFileLines,
  readFleetLines,
  readFleetLinesFrom,
} from '../../../electron/core/inventory/fleet-file-lines';
import { FleetService } from '../../../electron/core/inventory/fleet-service';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import type { Instance } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';

const instance = (n: number, region = 'ap-guangzhou'): Instance => ({
  id: `crs-${String(n).padStart(8, '0')}`,
  name: `orders-${n}`,
  region,
  zoneId: 100004,
  engine: 'Redis 6.2',
  engineVersion: '6.2',
  architecture: 'standard',
  typeId: 15,
  sizeMb: 2048,
  usedMb: 757,
  status: 'running',
  statusRaw: 2,
  statusText: '运行中 😀',
  wanIp: '10.1.2.3',
  port: 6379,
  tags: [{ key: '环境', value: 'prod' }],
  projectId: 1,
  noAuth: false,
  createdAt: '2026-10-30T11:25:03.000Z',
  generation: 'v3',
});

const userData = () => mkdtempSync(join(tmpdir(), 'crs-fleet-cache-'));
const PROFILE = '0b0e5c1e-7d1a-4b8e-9d7e-3f1c2a4b5c6d';

describe('FleetCache', () => {
  it('writes ASCII JSON that reads back to exactly the fleet written', async () => {
    const dir = userData();
    const cache = new FleetCache({ userData: dir, onCorrupt: () => undefined });
    const many = Array.from({ length: 4500 }, (_, n) => instance(n));
    const regions = {
      'ap-guangzhou': { fetchedAt: '2026-11-30T00:00:00.000Z', instances: many },
      'ap-shanghai': { fetchedAt: '2026-11-30T00:00:01.000Z', instances: [] },
    };
    await cache.writeRegions(PROFILE, regions);
    const bytes = readFileSync(join(dir, 'cache', PROFILE, 'fleet.json'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(JSON.parse(bytes.toString('latin1'))).toEqual({ version: 1, regions });
    expect(await cache.readFleet(PROFILE)).toEqual({ version: 1, regions });
    // A second write replaces one region and keeps the other.
    await cache.writeRegions(PROFILE, { 'ap-shanghai': { fetchedAt: 'later', instances: [instance(1)] } });
    const file = await cache.readFleet(PROFILE);
    expect(file?.regions['ap-guangzhou']?.instances).toHaveLength(4500);
    expect(file?.regions['ap-shanghai']).toEqual({ fetchedAt: 'later', instances: [instance(1)] });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['tampered status', (text: string) => text.replace('"running"', '"hacked"')],
    ['tampered time', (text: string) => text.replace('2026-10-30T11:25:03.000Z', '2026-13-30T11:25:03.000Z')],
    ['negative port', (text: string) => text.replace('6379', '-1')],
  ])('moves a %s cache aside and reports it', async (_label, damage) => {
    const dir = userData();
    const moved: string[] = [];
    const cache = new FleetCache({ userData: dir, onCorrupt: (_path, to) => moved.push(to) });
    await cache.writeRegions(PROFILE, { 'ap-guangzhou': { fetchedAt: 'x', instances: [instance(1)] } });
    const path = join(dir, 'cache', PROFILE, 'fleet.json');
    const bad = damage(readFileSync(path, 'latin1'));
    writeFileSync(path, bad, 'latin1');
    expect(await cache.readFleet(PROFILE)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    expect(moved).toHaveLength(1);
    expect(readFileSync(moved[0] ?? '', 'latin1')).toBe(bad);
  });

  it('judges a file as the zod schema does, on thousands of seeded random breakages', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const junk: unknown[] = [
      null,
      '',
      'x',
      -1,
      1.5,
      2 ** 53,
      true,
      {},
      [],
      [{ key: 'a' }],
      [{ key: 'a', value: 'b', x: 1 }],
    ];
    const fields = Object.keys(instance(0)).concat(['projectName', 'vpcId', 'expiresAt', 'extra']);
    const times = [
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00Z',
      '2026-10-30T11:25:03+08:00',
      '2026-10-30',
    ];
    for (let n = 0; n < 3000; n++) {
      const rows = [instance(1), instance(2)] as unknown as Array<Record<string, unknown>>;
      const file: Record<string, unknown> = {
        version: 1,
        regions: { r: { fetchedAt: 'x', instances: rows } },
      };
      const row = rows[Math.floor(rand() * 2)] ?? {};
      const field = fields[Math.floor(rand() * fields.length)] ?? 'id';
      const pool = field.endsWith('At') ? [...junk, ...times] : junk;
      if (rand() < 0.1) delete row[field];
      else row[field] = pool[Math.floor(rand() * pool.length)];
      if (rand() < 0.02) file.version = 2;
      const zod = FleetFileSchema.safeParse(structuredClone(file));
      let fast: unknown;
      try {
        fast = parseFleetFile(structuredClone(file));
      } catch {
        fast = undefined;
      }
      expect(fast !== undefined, JSON.stringify(row)).toBe(zod.success);
      if (zod.success) expect(fast).toEqual(zod.data);
    }
  });
});

describe('the line layout', () => {
  const file = {
    version: 1 as const,
    regions: {
      'ap-guangzhou': { fetchedAt: 'a', instances: [instance(1), instance(2), instance(3)] },
      'ap-shanghai': { fetchedAt: 'b', instances: [] },
      'ap-beijing': { fetchedAt: 'c', instances: [instance(4)] },
    },
  };
  const text = [...fleetFileLines(file)].join('');
  /** What the cache reads: the lines when they fit, else the file as JSON; 'bad' when neither parses. */
  const read = (bytes: Buffer) => {
    try {
      return readFleetLines(bytes) ?? JSON.parse(bytes.toString('utf8'));
    } catch {
      return 'bad';
    }
  };
  const plain = (bytes: Buffer) => {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return 'bad';
    }
  };

  it('is read line by line to the value JSON.parse gives, and can skip regions', () => {
    expect(readFleetLines(Buffer.from(text))).toEqual(JSON.parse(text));
    const skipped = readFleetLines(Buffer.from(text), (r) => r === 'ap-guangzhou') as typeof file;
    expect(skipped.regions['ap-guangzhou']?.instances).toEqual([]);
    expect(skipped.regions['ap-beijing']).toEqual(file.regions['ap-beijing']);
  });

  it('leaves other layouts to JSON.parse: reformatted, hand-edited with non-ASCII', () => {
    const pretty = Buffer.from(JSON.stringify(file, null, 2));
    expect(readFleetLines(pretty)).toBeUndefined();
    expect(read(pretty)).toEqual(file);
    const edited = Buffer.from(text.replace('orders-1', '订单-1'), 'utf8');
    expect((read(edited) as typeof file).regions['ap-guangzhou']?.instances[0]?.name).toBe('订单-1');
  });

  it('reads a file a megabyte at a time to the same value as from memory, lines across chunks included', async () => {
    const big = {
      version: 1 as const,
      regions: { r: { fetchedAt: 'a', instances: Array.from({ length: 5000 }, (_, n) => instance(n)) } },
    };
    const bytes = Buffer.from([...fleetFileLines(big)].join(''));
    expect(bytes.length).toBeGreaterThan(2 ** 21);
    const path = join(userData(), 'fleet.json');
    for (const at of [-1, 2 ** 20 - 2, 2 ** 20 - 1, 2 ** 20, 2 ** 20 + 1, 2 ** 21 - 1]) {
      const damaged = Buffer.from(bytes);
      // A newline put at the chunk boundary or next to it (nothing changed, for -1).
      if (at >= 0) damaged[at] = 0x0a;
      writeFileSync(path, damaged);
      expect(await readFleetLinesFrom(path)).toEqual(readFleetLines(damaged));
    }
    writeFileSync(path, bytes);
    expect(await readFleetLinesFrom(path)).toEqual(big);
  });

  it("gives JSON.parse's verdict and value on thousands of seeded random byte damages", () => {
    let seed = 5;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const bytes = Buffer.from(text);
    const alphabet = Buffer.from('\n,{}[]":a1 ');
    for (let n = 0; n < 4000; n++) {
      const at = Math.floor(rand() * bytes.length);
      const damaged =
        rand() < 0.3
          ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
          : Buffer.from(bytes).fill(alphabet[Math.floor(rand() * alphabet.length)] ?? 0, at, at + 1);
      expect(read(damaged)).toEqual(plain(damaged));
    }
  });
});

/** A cache whose writes wait for `open()`, to see what happens while a write is in progress. */
class GatedCache extends FleetCache {
  #open: () => void = () => undefined;
  readonly gate = new Promise<void>((resolve) => {
    this.#open = resolve;
  });
  open(): void {
    this.#open();
  }
  override async writeRegions(...args: Parameters<FleetCache['writeRegions']>) {
    await this.gate;
    return super.writeRegions(...args);
  }
}

type Describe = (query: {
  offset: number;
  limit: number;
}) => Promise<{ total: number; instances: Instance[] }>;

function service(cache: FleetCache, listing: () => Instance[], describe?: Describe) {
  const logger = createMemoryLogger();
  const pages: Array<{ instances: Instance[]; progress: { loaded: number; state: string } }> = [];
  const profile = { id: PROFILE, regions: ['ap-guangzhou'] } as unknown as StoredProfile;
  const api = {
    generation: 'v3',
    describeInstances:
      describe ??
      (async () => {
        const instances = listing();
        return { total: instances.length, instances };
      }),
  } as unknown as CrsApi;
  const fleet = new FleetService({
    cache,
    profile: () => profile,
    api: () => api,
    now: Date.now,
    logger,
    onPage: (page) => pages.push(page),
  });
  return { fleet, logger, pages };
}

describe('FleetService and its cache', () => {
  it('answers a refresh before the cache is written; cached() then waits for that write', async () => {
    const dir = userData();
    const cache = new GatedCache({ userData: dir, onCorrupt: () => undefined });
    const { fleet } = service(cache, () => [instance(1), instance(2)]);
    const fresh = await fleet.refresh(PROFILE);
    expect(fresh.instances).toHaveLength(2);
    expect(existsSync(join(dir, 'cache', PROFILE, 'fleet.json'))).toBe(false);
    let answered = false;
    const cached = fleet.cached(PROFILE).then((snapshot) => {
      answered = true;
      return snapshot;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    cache.open();
    expect((await cached).instances).toEqual(fresh.instances);
    expect(existsSync(join(dir, 'cache', PROFILE, 'fleet.json'))).toBe(true);
  });

  it('writes in order: the newer refresh is the one on disk', async () => {
    const dir = userData();
    const cache = new GatedCache({ userData: dir, onCorrupt: () => undefined });
    let round = 0;
    const { fleet } = service(cache, () => (round++ === 0 ? [instance(1)] : [instance(7), instance(8)]));
    await fleet.refresh(PROFILE);
    await fleet.refresh(PROFILE);
    cache.open();
    await fleet.flush();
    const file = await cache.readFleet(PROFILE);
    expect(file?.regions['ap-guangzhou']?.instances.map((i) => i.id)).toEqual([
      instance(7).id,
      instance(8).id,
    ]);
  });

  it('answers a region in page order, whatever order its pages arrive in', async () => {
    const all = Array.from({ length: 4200 }, (_, n) => instance(n));
    let round = 0;
    // One round answers the last page first, the next the first page first.
    const describe: Describe = async ({ offset, limit }) => {
      const wait = round === 0 ? (all.length - offset) / 100 : offset / 100;
      await new Promise((resolve) => setTimeout(resolve, wait));
      return { total: all.length, instances: all.slice(offset, offset + limit) };
    };
    const { fleet } = service(
      new FleetCache({ userData: userData(), onCorrupt: () => undefined }),
      () => [],
      describe,
    );
    const first = await fleet.refresh(PROFILE);
    round = 1;
    const second = await fleet.refresh(PROFILE);
    expect(first.instances.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(second.instances).toEqual(first.instances);
    await fleet.flush();
  });

  it('sends page events with their rows, or with progress only when asked', async () => {
    const all = Array.from({ length: 2500 }, (_, n) => instance(n));
    const describe: Describe = async ({ offset, limit }) => ({
      total: all.length,
      instances: all.slice(offset, offset + limit),
    });
    const cache = () => new FleetCache({ userData: userData(), onCorrupt: () => undefined });
    const withRows = service(cache(), () => [], describe);
    const progressOnly = service(cache(), () => [], describe);
    const a = await withRows.fleet.refresh(PROFILE);
    const b = await progressOnly.fleet.refresh(PROFILE, undefined, { pageRows: false });
    expect(b.instances).toEqual(a.instances);
    const rowsIn = (pages: typeof withRows.pages) => pages.reduce((n, p) => n + p.instances.length, 0);
    expect(rowsIn(withRows.pages)).toBe(2500);
    expect(rowsIn(progressOnly.pages)).toBe(0);
    // The progress is the same either way: 1000, 2000, 2500 loaded, then done.
    const progress = (pages: typeof withRows.pages) =>
      pages.map((p) => [p.progress.loaded, p.progress.state]);
    expect(progress(progressOnly.pages)).toEqual(progress(withRows.pages));
    expect(progress(withRows.pages).at(-1)).toEqual([2500, 'done']);
    await withRows.fleet.flush();
    await progressOnly.fleet.flush();
  });

  it('answers unchanged, without the instances, to a refresh naming the revision of the same ones', async () => {
    let listing = [instance(1), instance(2)];
    const cache = new FleetCache({ userData: userData(), onCorrupt: () => undefined });
    const { fleet } = service(cache, () => listing.map((one) => structuredClone(one)));
    const first = await fleet.refresh(PROFILE);
    expect(first.instances).toHaveLength(2);
    expect(first.unchanged).toBeUndefined();
    const r1 = first.revision as string;
    expect(r1).toBeTruthy();

    const same = await fleet.refresh(PROFILE, undefined, { pageRows: false, knownRevision: r1 });
    expect(same).toMatchObject({ instances: [], unchanged: true, revision: r1 });
    expect(same.freshness).toMatchObject({ source: 'live', stale: false });
    // Not told a revision, or told another one: the whole fleet.
    expect((await fleet.refresh(PROFILE)).instances).toHaveLength(2);
    const other = await fleet.refresh(PROFILE, undefined, { pageRows: false, knownRevision: r1 });
    expect(other.unchanged).toBeUndefined();
    expect(other.instances).toHaveLength(2);

    // One field changed: the whole fleet with a new revision; the cached copy names its own.
    listing = [instance(1), { ...instance(2), status: 'processing', statusRaw: 4 }];
    const changed = await fleet.refresh(PROFILE, undefined, {
      pageRows: false,
      knownRevision: other.revision,
    });
    expect(changed.unchanged).toBeUndefined();
    expect(changed.instances[1]?.status).toBe('processing');
    await fleet.flush();
    const cached = await fleet.cached(PROFILE);
    expect(cached.instances).toEqual(changed.instances);
    const again = await fleet.refresh(PROFILE, undefined, {
      pageRows: false,
      knownRevision: cached.revision,
    });
    expect(again).toMatchObject({ instances: [], unchanged: true, revision: cached.revision });
    await fleet.flush();
  });

  it('lists an instance that moved between pages once, where it was first in page order', async () => {
    const all = Array.from({ length: 2500 }, (_, n) => instance(n));
    // Pages 1 and 2 are read after instance 500 moved to the end of the listing: it is on pages 0 and 2
    // (and instance 1000 moved to page 0's end, read before, so this listing misses it, as the cloud's
    // paging would). The pages arrive last first.
    const moved = [...all.slice(0, 500), ...all.slice(501), all[500] as Instance];
    const describe: Describe = async ({ offset, limit }) => {
      await new Promise((resolve) => setTimeout(resolve, (2000 - offset) / 50));
      const source = offset === 0 ? all : moved;
      return { total: all.length, instances: source.slice(offset, offset + limit) };
    };
    const cache = new FleetCache({ userData: userData(), onCorrupt: () => undefined });
    const { fleet } = service(cache, () => [], describe);
    const ids = (await fleet.refresh(PROFILE)).instances.map((i) => i.id);
    expect(ids).toEqual(all.filter((_, n) => n !== 1000).map((i) => i.id));
    await fleet.flush();
  });

  it('logs a failed cache write and still answers the refresh', async () => {
    const dir = userData();
    // A file where the cache folder should be: every write fails.
    writeFileSync(join(dir, 'cache'), 'not a folder');
    const cache = new FleetCache({ userData: dir, onCorrupt: () => undefined });
    const { fleet, logger } = service(cache, () => [instance(1)]);
    expect((await fleet.refresh(PROFILE)).instances).toHaveLength(1);
    await fleet.flush();
    expect(logger.lines.some((line) => line.includes('fleet cache write failed'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['cache']);
  });

  it("carries a failed region's cloud RequestId to the window", async () => {
    const cache = new FleetCache({ userData: userData(), onCorrupt: () => undefined });
    const { fleet } = service(
      cache,
      () => [],
      async () => {
        throw new AppError('AUTH_FAILED', 'AuthFailure.SignatureFailure: bad', {
          requestId: 'c0ffee00-1111-4222-8333-444455556666',
        });
      },
    );
    const snapshot = await fleet.refresh(PROFILE);
    expect(snapshot.regions[0]).toMatchObject({
      state: 'failed',
      errorCode: 'AUTH_FAILED',
      requestId: 'c0ffee00-1111-4222-8333-444455556666',
    });
  });
});
