// A registry of the redis-servers sandboxes start, so a later sandbox can stop the ones a SIGKILLed
// host left behind (no exit hook runs on SIGKILL, and a redis-server outlives its parent). One JSON
// file per server in a well-known folder names the server's pid, port, data folder and owner pid.
// A record is only acted on when its owner is gone AND /proc confirms the pid is still that very
// redis-server (same --port and --dir), so a reused pid is never killed.
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const REGISTRY_DIR = join(tmpdir(), 'crs-sandbox-redis');
/** RedisManager data folders are mkdtemp(`crs-sandbox-`) in tmpdir; reaping only deletes folders like that. */
export const DATA_DIR_PREFIX = join(tmpdir(), 'crs-sandbox-');
const isDataDir = (path: string) =>
  dirname(path) === tmpdir() && /^crs-sandbox-[A-Za-z0-9]{6}$/.test(basename(path)) && path !== REGISTRY_DIR;

export interface ServerRecord {
  pid: number;
  ownerPid: number;
  port: number;
  dir: string;
  /** The manager's root folder (temp data and backups), deleted with the orphan. */
  root: string;
}

const recordPath = (registry: string, pid: number) => join(registry, `${pid}.json`);

/** Sync on purpose: it also runs from the process 'exit' hook, where nothing async completes. */
export function recordServer(record: ServerRecord, registry = REGISTRY_DIR): void {
  mkdirSync(registry, { recursive: true });
  writeFileSync(recordPath(registry, record.pid), JSON.stringify(record));
}

export function forgetServer(pid: number, registry = REGISTRY_DIR): void {
  rmSync(recordPath(registry, pid), { force: true });
}

export function readRecords(registry = REGISTRY_DIR): ServerRecord[] {
  let names: string[];
  try {
    names = readdirSync(registry);
  } catch {
    return [];
  }
  const records: ServerRecord[] = [];
  for (const name of names) {
    if (!/^\d+\.json$/.test(name)) continue;
    try {
      const value = JSON.parse(readFileSync(join(registry, name), 'utf8')) as Partial<ServerRecord>;
      if (
        typeof value.pid === 'number' &&
        typeof value.ownerPid === 'number' &&
        typeof value.port === 'number' &&
        typeof value.dir === 'string' &&
        typeof value.root === 'string'
      ) {
        records.push(value as ServerRecord);
      }
    } catch {
      // Half-written or foreign file: leave it; it names nothing we could verify anyway.
    }
  }
  return records;
}

/** true while the process exists (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie still answers signal 0 but is gone for every practical purpose.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * true only when /proc shows the pid running redis-server on the recorded port in the recorded folder.
 * redis-server rewrites its argv to `redis-server 127.0.0.1:PORT`, so the port is read from either form,
 * and the folder from the working directory (redis chdirs into --dir).
 */
export function isRecordedRedis(record: ServerRecord): boolean {
  try {
    const comm = readFileSync(`/proc/${record.pid}/comm`, 'utf8').trim();
    const argv = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').split('\0');
    const portFlag = argv.indexOf('--port');
    const onPort =
      (portFlag >= 0 && argv[portFlag + 1] === String(record.port)) ||
      argv.some((arg) => arg.split(' ').some((word) => word.endsWith(`:${record.port}`)));
    return (
      comm.startsWith('redis-server') && onPort && realpathSync(`/proc/${record.pid}/cwd`) === record.dir
    );
  } catch {
    // No /proc (macOS), the process is gone, or not ours to inspect: nothing we can safely kill.
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopOrphan(record: ServerRecord): Promise<boolean> {
  if (!processExists(record.pid) || !isRecordedRedis(record)) return false;
  process.kill(record.pid, 'SIGTERM');
  const deadline = Date.now() + 2000;
  while (processExists(record.pid) && Date.now() < deadline) await sleep(20);
  if (processExists(record.pid) && isRecordedRedis(record)) process.kill(record.pid, 'SIGKILL');
  return true;
}

/**
 * Stops every recorded redis-server whose owner process is gone and drops its record (and data folder).
 * Records of live owners are left alone: they belong to sandboxes running right now. Returns the pids
 * that were stopped.
 */
export async function reapOrphans(registry = REGISTRY_DIR): Promise<number[]> {
  const stale = readRecords(registry).filter((r) => r.ownerPid !== process.pid && !processExists(r.ownerPid));
  const stopped = await Promise.all(
    stale.map(async (record) => {
      const killed = await stopOrphan(record).catch(() => false);
      forgetServer(record.pid, registry);
      if (isDataDir(record.root)) await rm(record.root, { recursive: true, force: true });
      return killed ? record.pid : null;
    }),
  );
  return stopped.filter((pid): pid is number => pid !== null);
}
