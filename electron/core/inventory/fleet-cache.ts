/**
 * The last-known fleet and backups of each profile, on disk, so the app stays useful offline. Writes are
 * atomic; a cache file that cannot be read is moved aside and the app carries on as if it had none.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { StatusCoverageSchema } from '../../../shared/backup-span';
import { type Backup, BackupSchema, type Instance } from '../../../shared/domain';
import {
  checkOrMoveAside,
  type JsonRead,
  readCheckedFile,
  readJsonFile,
  writeFileAtomic,
} from '../storage/atomic-file';
import { checkFleetShell, checkRegionEntry, type FleetFile, parseFleetFile, zodLike } from './fleet-file';
import { fleetFileLines, readFleetLinesFrom } from './fleet-file-lines';

export type { FleetFile };

/**
 * Version 2 keeps a whole multi-window listing and which statuses it could ask for. A version 1 file (one
 * window's first page, listed without a status filter) is still read: its coverage was the server's default.
 */
const BackupsFileSchema = z.union([
  z.object({
    version: z.literal(2),
    fetchedAt: z.string(),
    beginTime: z.string(),
    endTime: z.string(),
    statusCoverage: StatusCoverageSchema,
    backups: z.array(BackupSchema),
  }),
  z
    .object({
      version: z.literal(1),
      fetchedAt: z.string(),
      beginTime: z.string(),
      endTime: z.string(),
      backups: z.array(BackupSchema),
    })
    .transform((v) => ({ ...v, version: 2 as const, statusCoverage: 'server-default' as const })),
]);
export type BackupsFile = z.output<typeof BackupsFileSchema>;

/**
 * Reads and checks the fleet file: a megabyte at a time when it has the cache's own line layout, else (an
 * older file, a hand edit) parsed whole. Either way a file that is not JSON or fails `check` is moved aside.
 */
async function readFleet<T>(
  path: string,
  check: (value: unknown) => T,
  skip?: (region: string) => boolean,
): Promise<JsonRead<T>> {
  let value: unknown;
  try {
    value = await readFleetLinesFrom(path, skip);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  if (value === undefined) return readCheckedFile(path, (bytes) => check(JSON.parse(bytes.toString('utf8'))));
  return checkOrMoveAside(path, () => check(value));
}

/** Ids become file names: allow only what cloud ids and our UUIDs contain. */
const safe = (id: string) => {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new Error(`unsafe cache key ${id.slice(0, 40)}`);
  return id;
};

export class FleetCache {
  readonly #root: string;
  readonly #onCorrupt: (path: string, movedTo: string) => void;

  constructor(deps: { userData: string; onCorrupt: (path: string, movedTo: string) => void }) {
    this.#root = join(deps.userData, 'cache');
    this.#onCorrupt = deps.onCorrupt;
  }

  async readFleet(profileId: string): Promise<FleetFile | undefined> {
    const path = join(this.#root, safe(profileId), 'fleet.json');
    return this.#report(path, await readFleet(path, parseFleetFile));
  }

  /**
   * Replaces the named regions' entries and keeps the others (a failed region keeps its last copy); returns
   * the file as written. Entries about to be replaced are not validated: a full schema parse of a
   * 100,000-instance file costs about a second, spent on data that is thrown away.
   */
  async writeRegions(
    profileId: string,
    regions: Record<string, { fetchedAt: string; instances: Instance[] }>,
  ): Promise<FleetFile> {
    const path = join(this.#root, safe(profileId), 'fleet.json');
    const replaced = (region: string) => Object.hasOwn(regions, region);
    const read = await readFleet(
      path,
      (value) =>
        zodLike(() => {
          const shell = checkFleetShell(value);
          const kept = Object.keys(shell)
            .filter((region) => !replaced(region))
            .map((region) => [region, checkRegionEntry(shell[region], ['regions', region])] as const);
          return Object.fromEntries(kept);
        }),
      replaced,
    );
    const current = this.#report(path, read);
    const next: FleetFile = { version: 1, regions: { ...current, ...regions } };
    await writeFileAtomic(path, fleetFileLines(next));
    return next;
  }

  async readBackups(profileId: string, instanceId: string): Promise<BackupsFile | undefined> {
    return this.#read(join(this.#root, safe(profileId), 'backups', `${safe(instanceId)}.json`), (v) =>
      BackupsFileSchema.parse(v),
    );
  }

  async writeBackups(
    profileId: string,
    instanceId: string,
    file: Omit<BackupsFile, 'version'>,
  ): Promise<void> {
    const path = join(this.#root, safe(profileId), 'backups', `${safe(instanceId)}.json`);
    await writeFileAtomic(path, JSON.stringify({ version: 2, ...file }));
  }

  async #read<T>(path: string, parse: (value: unknown) => T): Promise<T | undefined> {
    return this.#report(path, await readJsonFile(path, parse));
  }

  #report<T>(path: string, result: JsonRead<T>): T | undefined {
    if (result.status === 'corrupt') this.#onCorrupt(path, result.movedTo);
    return result.status === 'ok' ? result.value : undefined;
  }
}

export type { Backup };
