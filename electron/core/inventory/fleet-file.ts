/**
 * The fleet cache file (`cache/<profile>/fleet.json`): its shape, written in pieces and checked by hand.
 * At 100,000 instances the file is tens of megabytes. Written as one `JSON.stringify` it was a single string
 * of that many characters, two bytes each because of the Chinese status texts, then a UTF-8 copy; read back
 * through zod it cost a full copy of every instance. Now it is written as ASCII JSON, one instance per
 * line (fleet-file-lines.ts), and read back with a checker that tests exactly what the zod schema tests
 * (unit-tested against it), in place. A file that fails either is corrupt and is moved aside.
 */
import { z } from 'zod';
import {
  ApiGenerationSchema,
  type Instance,
  InstanceArchitectureSchema,
  InstanceSchema,
  InstanceStatusSchema,
} from '../../../shared/domain';

export const RegionEntrySchema = z.object({ fetchedAt: z.string(), instances: z.array(InstanceSchema) });
export const FleetFileSchema = z.object({
  version: z.literal(1),
  regions: z.record(z.string(), RegionEntrySchema),
});
export type FleetFile = z.infer<typeof FleetFileSchema>;
export type RegionEntry = z.infer<typeof RegionEntrySchema>;

type Path = Array<string | number>;
type Check = (value: unknown) => boolean;

class Mismatch extends Error {
  constructor(
    readonly path: Path,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isSafeInteger(v);
const nonNegative: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => typeof v === 'string' && set.has(v);
};
/** The pattern of `z.iso.datetime()` with its defaults, as `IsoTime` in shared/domain.ts uses it. */
const ISO_TIME = z.regexes.datetime({});
const isoTime: Check = (v) => typeof v === 'string' && ISO_TIME.test(v);

/** InstanceSchema field by field: [check, optional]. */
const INSTANCE_FIELDS: Readonly<Record<keyof Instance, readonly [Check, boolean]>> = {
  id: [(v) => typeof v === 'string' && v.length > 0, false],
  name: [str, false],
  region: [str, false],
  zoneId: [int, true],
  engine: [str, false],
  engineVersion: [str, true],
  architecture: [oneOf(InstanceArchitectureSchema.options), false],
  typeId: [int, false],
  sizeMb: [nonNegative, false],
  usedMb: [nonNegative, true],
  status: [oneOf(InstanceStatusSchema.options), false],
  statusRaw: [int, false],
  statusText: [str, true],
  wanIp: [str, false],
  port: [(v) => int(v) && (v as number) >= 0, false],
  tags: [(v) => Array.isArray(v), false],
  projectId: [int, false],
  projectName: [str, true],
  noAuth: [(v) => typeof v === 'boolean', false],
  vpcId: [str, true],
  subnetId: [str, true],
  createdAt: [isoTime, true],
  expiresAt: [isoTime, true],
  generation: [oneOf(ApiGenerationSchema.options), false],
  incomplete: [(v) => Array.isArray(v) && v.every(str), true],
};
const FIELD_NAMES = Object.keys(INSTANCE_FIELDS) as Array<keyof Instance>;

/** Like zod's object parsing, keys the schema does not know are dropped (here, in place). */
function dropUnknown(value: Record<string, unknown>, known: (key: string) => boolean): void {
  for (const key in value) if (!known(key)) delete value[key];
}

/**
 * Fields whose few distinct values repeat across a fleet: JSON.parse makes a new string for every
 * instance's copy (ten strings per instance); the instances read back share one copy of each value instead.
 */
const SHARED_FIELDS = [
  'region',
  'engine',
  'engineVersion',
  'architecture',
  'status',
  'statusText',
  'projectName',
  'vpcId',
  'subnetId',
  'generation',
] as const;

/** One copy of each distinct string seen while reading a file. */
export type StringPool = Map<string, string>;

/** Instance `n` of the entry at `entry`: its path is built only for an error, not 100,000 times. */
function checkInstance(value: unknown, entry: Path, n: number, pool: StringPool): void {
  const at = (): Path => [...entry, 'instances', n];
  if (!isObject(value)) throw new Mismatch(at(), 'expected an object');
  for (const name of FIELD_NAMES) {
    const [check, optional] = INSTANCE_FIELDS[name];
    const field = value[name];
    if (field === undefined ? !optional : !check(field)) throw new Mismatch([...at(), name], 'invalid value');
  }
  for (const name of SHARED_FIELDS) {
    const field = value[name];
    if (typeof field !== 'string') continue;
    const shared = pool.get(field);
    if (shared === undefined) pool.set(field, field);
    else value[name] = shared;
  }
  const tags = value.tags as unknown[];
  for (let t = 0; t < tags.length; t++) {
    const tag = tags[t];
    if (!isObject(tag) || typeof tag.key !== 'string' || typeof tag.value !== 'string') {
      throw new Mismatch([...at(), 'tags', t], 'expected {key, value} strings');
    }
    dropUnknown(tag, (key) => key === 'key' || key === 'value');
  }
  dropUnknown(value, (key) => Object.hasOwn(INSTANCE_FIELDS, key));
}

/** One region's entry, checked in place; the value itself is returned, typed. */
export function checkRegionEntry(value: unknown, path: Path = [], pool: StringPool = new Map()): RegionEntry {
  if (!isObject(value)) throw new Mismatch(path, 'expected an object');
  if (typeof value.fetchedAt !== 'string') throw new Mismatch([...path, 'fetchedAt'], 'expected a string');
  const instances = value.instances;
  if (!Array.isArray(instances)) throw new Mismatch([...path, 'instances'], 'expected an array');
  for (let n = 0; n < instances.length; n++) {
    checkInstance(instances[n], path, n, pool);
  }
  dropUnknown(value, (key) => key === 'fetchedAt' || key === 'instances');
  return value as RegionEntry;
}

/** The envelope: version 1 and an object of regions, entries not yet looked at. */
export function checkFleetShell(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw new Mismatch([], 'expected an object');
  if (value.version !== 1) throw new Mismatch(['version'], 'expected 1');
  if (!isObject(value.regions)) throw new Mismatch(['regions'], 'expected an object');
  return value.regions;
}

/** Throws a ZodError (so the reader reports "not in the expected shape") for anything zod would refuse. */
export function zodLike<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    throw new z.ZodError([{ code: 'custom', path: error.path, message: error.message, input: undefined }]);
  }
}

/** The whole file, checked in place: the same verdict as `FleetFileSchema.parse`, without the copy. */
export function parseFleetFile(value: unknown): FleetFile {
  return zodLike(() => {
    const regions = checkFleetShell(value);
    const pool: StringPool = new Map();
    for (const region of Object.keys(regions)) checkRegionEntry(regions[region], ['regions', region], pool);
    dropUnknown(value as Record<string, unknown>, (key) => key === 'version' || key === 'regions');
    return value as FleetFile;
  });
}
