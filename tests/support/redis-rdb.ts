/**
 * A private redis-server for tests that need real RDB files: started on a free port in a temp dir, driven
 * through a small binary-safe RESP client (keys and values may be any bytes), saved with SAVE, and stopped.
 * Reused by the inspector's tests: `const r = await startRedis(); await r.call('SET', 'k', 'v');
 * const path = await r.save(); … await r.stop();`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REDIS_SERVER, redisServerArgs } from '../../sandbox/redis/redis-manager.js';

export type Arg = string | number | Uint8Array;
export type Reply = Buffer | number | null | Error | Reply[];

function encode(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const data =
      typeof arg === 'number' || typeof arg === 'string' ? Buffer.from(String(arg)) : Buffer.from(arg);
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `at`; null when incomplete. Bulk strings stay Buffers (keys may not be UTF-8). */
function parse(buf: Buffer, at: number): { value: Reply; next: number } | null {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return null;
  const line = buf.toString('latin1', at + 1, eol);
  const after = eol + 2;
  switch (buf[at]) {
    case 0x2b: // +
      return { value: Buffer.from(line, 'latin1'), next: after };
    case 0x2d: // -
      return { value: new Error(line), next: after };
    case 0x3a: // :
      return { value: Number(line), next: after };
    case 0x24: {
      // $
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      if (buf.length < after + n + 2) return null;
      return { value: buf.subarray(after, after + n), next: after + n + 2 };
    }
    case 0x2a: {
      // *
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      const items: Reply[] = [];
      let next = after;
      for (let i = 0; i < n; i++) {
        const item = parse(buf, next);
        if (!item) return null;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`Unexpected RESP byte ${buf[at]}`);
  }
}

export class RedisConnection {
  private pending: Buffer = Buffer.alloc(0);
  private readonly waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (data) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
      let at = 0;
      for (;;) {
        const r = parse(this.pending, at);
        if (!r) break;
        at = r.next;
        const w = this.waiting.shift();
        if (r.value instanceof Error) w?.reject(r.value);
        else w?.resolve(r.value);
      }
      this.pending = this.pending.subarray(at);
    });
    socket.on('error', (e) => {
      for (const w of this.waiting.splice(0)) w.reject(e);
    });
  }

  static open(port: number): Promise<RedisConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RedisConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a command; calls may be issued without awaiting (pipelined), replies come in order. */
  call(...args: Arg[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(encode(args));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface TestRedis {
  port: number;
  dir: string;
  conn: RedisConnection;
  call(...args: Arg[]): Promise<Reply>;
  /** SAVE, and the path of the dump it wrote. */
  save(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a redis-server with the given extra config (`['hash-max-listpack-entries', '4']` pairs flattened). */
export async function startRedis(config: string[] = []): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'crs-rdb-test-'));
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    [
      ...redisServerArgs(port, dir),
      '--enable-debug-command',
      'yes',
      '--logfile',
      join(dir, 'redis.log'),
      ...config,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave a server behind if the test process dies before stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let conn: RedisConnection | undefined;
  const deadline = Date.now() + 10_000;
  while (!conn) {
    try {
      conn = await RedisConnection.open(port);
      await conn.call('PING');
    } catch (error) {
      conn?.close();
      conn = undefined;
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not start: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const c = conn;
  return {
    port,
    dir,
    conn: c,
    call: (...args) => c.call(...args),
    async save() {
      await c.call('SAVE');
      return join(dir, 'dump.rdb');
    },
    async stop() {
      c.close();
      process.removeListener('exit', killOnExit);
      child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
