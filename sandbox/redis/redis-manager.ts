// Runs one real redis-server per running demo instance (--redis) and implements snapshots and restores
// with them: BGSAVE + copy for a backup, SHUTDOWN NOSAVE + copy dump.rdb + restart for a restore.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DataEngine } from '../state/store.js';
import type { BackupRecord, InstanceRecord } from '../state/types.js';
import { DATA_DIR_PREFIX, forgetServer, reapOrphans, recordServer } from './orphans.js';
import { RespClient, type RespReply } from './resp-client.js';

export const REDIS_SERVER = process.env.CRS_SANDBOX_REDIS_SERVER ?? 'redis-server';

/** A throwaway redis-server's arguments: loopback only, its files in `dir`, nothing persisted on its own. */
export function redisServerArgs(port: number, dir: string): string[] {
  return ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
}

interface RedisProcess {
  port: number;
  dir: string;
  password: string | null;
  child: ChildProcess;
  /** Set while we stop it on purpose, so the exit is not taken for a crash. */
  stopping: boolean;
  alive: boolean;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RedisManager implements DataEngine {
  private readonly processes = new Map<string, RedisProcess>();
  /** Every child ever spawned, so stop() and the exit hook can reach stragglers too. */
  private readonly children = new Set<ChildProcess>();
  private root = '';
  private readonly killOnExit = () => {
    for (const child of this.children) {
      child.kill('SIGKILL');
      // 'exit' events never fire once the host is exiting, so drop the records here.
      if (child.pid !== undefined) forgetServer(child.pid);
    }
  };

  async init(): Promise<void> {
    // Servers left by a host that was SIGKILLed (no exit hook ran) would otherwise run forever.
    await reapOrphans().catch(() => []);
    this.root = await mkdtemp(DATA_DIR_PREFIX);
    await mkdir(join(this.root, 'backups'));
    // Last resort if the host process exits without calling stop(): never leave a redis-server behind.
    process.once('exit', this.killOnExit);
  }

  /** Starts a redis-server for the instance and points the instance's address at it. */
  async start(instance: InstanceRecord, rdbPath?: string): Promise<void> {
    const port = await freePort();
    const dir = join(this.root, instance.id);
    await mkdir(dir, { recursive: true });
    // A clone loads its backup at start-up, as the restore path does after SHUTDOWN NOSAVE.
    if (rdbPath !== undefined) await copyFile(rdbPath, join(dir, 'dump.rdb'));
    const proc: RedisProcess = {
      port,
      dir,
      password: instance.password,
      child: this.spawn(port, dir, instance.password),
      stopping: false,
      alive: true,
    };
    this.watch(proc);
    this.processes.set(instance.id, proc);
    await this.waitReady(proc);
    instance.wanIp = '127.0.0.1';
    instance.port = port;
  }

  /** A new instance (CloneInstances) whose data is the backup's RDB file. */
  startFromSnapshot(instance: InstanceRecord, rdbPath: string): Promise<void> {
    return this.start(instance, rdbPath);
  }

  isAlive(instanceId: string): boolean {
    return this.processes.get(instanceId)?.alive ?? false;
  }

  snapshotExists(path: string): boolean {
    return existsSync(path);
  }

  portOf(instanceId: string): number | undefined {
    return this.processes.get(instanceId)?.port;
  }

  /** Runs one command on the instance's server (authenticated). */
  async command(instanceId: string, ...args: (string | number)[]): Promise<RespReply> {
    const proc = this.mustGet(instanceId);
    const client = await RespClient.connect(proc.port);
    try {
      if (proc.password !== null) await client.command('AUTH', proc.password);
      return await client.command(...args);
    } finally {
      client.close();
    }
  }

  async snapshot(instance: InstanceRecord, backupId: string): Promise<string> {
    const proc = this.mustGet(instance.id);
    const client = await RespClient.connect(proc.port);
    try {
      if (proc.password !== null) await client.command('AUTH', proc.password);
      for (;;) {
        try {
          await client.command('BGSAVE');
          break;
        } catch (error) {
          // Another BGSAVE (or an AOF rewrite) is running: wait for it, as the real backup agent does.
          if (!String(error).includes('in progress')) throw error;
          await sleep(20);
        }
      }
      for (;;) {
        const info = String(await client.command('INFO', 'persistence'));
        if (info.includes('rdb_bgsave_in_progress:0')) {
          if (!info.includes('rdb_last_bgsave_status:ok')) throw new Error('BGSAVE failed');
          break;
        }
        await sleep(10);
      }
    } finally {
      client.close();
    }
    const target = join(this.root, 'backups', `${backupId}.rdb`);
    await copyFile(join(proc.dir, 'dump.rdb'), target);
    return target;
  }

  async restore(instance: InstanceRecord, backup: BackupRecord): Promise<void> {
    if (!backup.rdbPath) throw new Error(`Backup ${backup.id} has no RDB file.`);
    const proc = this.mustGet(instance.id);
    await this.stopProcess(proc);
    await copyFile(backup.rdbPath, join(proc.dir, 'dump.rdb'));
    proc.child = this.spawn(proc.port, proc.dir, proc.password);
    proc.stopping = false;
    proc.alive = true;
    this.watch(proc);
    await this.waitReady(proc);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => this.stopProcess(p)));
    this.processes.clear();
    this.killOnExit();
    process.removeListener('exit', this.killOnExit);
    if (this.root) await rm(this.root, { recursive: true, force: true });
  }

  private spawn(port: number, dir: string, password: string | null): ChildProcess {
    const args = redisServerArgs(port, dir);
    if (password !== null) args.push('--requirepass', password);
    args.push('--daemonize', 'no', '--logfile', join(dir, 'redis.log'));
    const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    this.children.add(child);
    const pid = child.pid;
    // Recorded before it can outlive us, so the next init() can reap it if we are SIGKILLed.
    if (pid !== undefined) recordServer({ pid, ownerPid: process.pid, port, dir, root: this.root });
    child.once('exit', () => {
      this.children.delete(child);
      if (pid !== undefined) forgetServer(pid);
    });
    return child;
  }

  private watch(proc: RedisProcess): void {
    const child = proc.child;
    child.once('exit', () => {
      if (proc.child === child && !proc.stopping) proc.alive = false;
    });
    child.once('error', () => {
      if (proc.child === child) proc.alive = false;
    });
  }

  private async waitReady(proc: RedisProcess): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (!proc.alive)
        throw new Error(`redis-server on port ${proc.port} exited during start (see ${proc.dir}/redis.log)`);
      try {
        const client = await RespClient.connect(proc.port, '127.0.0.1', 500);
        try {
          if (proc.password !== null) await client.command('AUTH', proc.password);
          await client.command('PING');
          return;
        } finally {
          client.close();
        }
      } catch (error) {
        // LOADING while the RDB is read back: keep waiting; anything else too, until the deadline.
        if (Date.now() > deadline)
          throw new Error(`redis-server on port ${proc.port} not ready: ${String(error)}`);
        await sleep(25);
      }
    }
  }

  private async stopProcess(proc: RedisProcess): Promise<void> {
    proc.stopping = true;
    const child = proc.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const client = await RespClient.connect(proc.port, '127.0.0.1', 500);
      if (proc.password !== null) await client.command('AUTH', proc.password).catch(() => null);
      // SHUTDOWN closes the connection instead of replying.
      await client.command('SHUTDOWN', 'NOSAVE').catch(() => null);
      client.close();
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private mustGet(instanceId: string): RedisProcess {
    const proc = this.processes.get(instanceId);
    if (!proc) throw new Error(`Instance ${instanceId} has no redis-server.`);
    return proc;
  }
}
