// Cutting a real redis-server snapshot into per-shard files (sandbox/files/rdb-split.ts), as the sandbox
// does for --redis cluster instances: every record lands on the shard of its hash slot, each shard is an
// RDB the real redis-server loads, and a snapshot holding a type the splitter cannot walk is left whole.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot } from '../../../sandbox/files/demo-rdb.js';
import { lzfDecompress, splitRdb } from '../../../sandbox/files/rdb-split.js';

let dir = '';
const servers: ChildProcess[] = [];
type Cli = (...args: string[]) => string;
let cli: Cli = () => '';

/** A redis-server on a unix socket of its own, loading `dbfilename` from the test folder if present. */
async function startRedis(name: string, dbfilename = 'dump.rdb'): Promise<Cli> {
  const sock = join(dir, `${name}.sock`);
  const args = ['--port', '0', '--unixsocket', sock, '--dir', dir, '--dbfilename', dbfilename];
  servers.push(spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
  const run: Cli = (...cmd) => execFileSync('redis-cli', ['-s', sock, ...cmd], { encoding: 'utf8' }).trim();
  for (let i = 0; i < 100; i++) {
    try {
      if (run('PING') === 'PONG' && run('INFO', 'persistence').includes('loading:0')) return run;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}

/** Many commands through one redis-cli, one per line (no spaces inside arguments). */
function pipe(lines: readonly string[]): void {
  execFileSync('redis-cli', ['-s', join(dir, 'main.sock')], { input: `${lines.join('\n')}\n` });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crs-rdb-split-'));
  cli = await startRedis('main');
});
afterAll(() => {
  for (const server of servers) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function snapshot(): Buffer {
  cli('SAVE');
  return readFileSync(join(dir, 'dump.rdb'));
}

function keysRead(rdb: Buffer, name: string): number {
  const path = join(dir, name);
  writeFileSync(path, rdb);
  const report = execFileSync('redis-check-rdb', [path], { encoding: 'utf8' });
  expect(report).toContain('RDB looks OK');
  return Number(/(\d+) keys read/.exec(report)?.[1]);
}

describe('splitting a real snapshot by hash slot', () => {
  it('puts every key of every type on its slot’s shard, in files redis accepts', async () => {
    const lines = ['FLUSHALL', 'SET 12345 int-encoded-key', 'SET ttl:key v EX 3600'];
    lines.push(`SET a-key-long-enough-to-compress-${'a'.repeat(40)} ${'x'.repeat(200)}`);
    lines.push(
      'RPUSH list:small a b c',
      'SADD set:ints 1 2 3',
      'ZADD zset:small 1.5 a 2 b',
      'HSET hash:small f v',
    );
    for (let i = 0; i < 300; i++) lines.push(`SET user:${i} value-${i}`);
    for (let i = 0; i < 200; i++) {
      lines.push(`RPUSH list:big item-${i}-${'y'.repeat(80)}`, `SADD set:big member-${i}`);
      lines.push(`ZADD zset:big ${i / 3} m-${i}`, `HSET hash:big f-${i} ${'z'.repeat(70)}`);
    }
    pipe(lines);
    const total = Number(cli('DBSIZE'));
    expect(total).toBe(311);
    const shards = splitRdb(snapshot(), 3) ?? [];
    expect(shards.length).toBe(3);
    let sum = 0;
    for (const [index, shard] of shards.entries()) sum += keysRead(shard, `shard-${index}.rdb`);
    expect(sum).toBe(total);

    // Load one shard into a second server: exactly the keys whose slot is in its third of the slot space.
    writeFileSync(join(dir, 'shard.rdb'), shards[0] ?? Buffer.alloc(0));
    const shardCli = await startRedis('shard', 'shard.rdb');
    const keys = shardCli('KEYS', '*').split('\n').filter(Boolean);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.every((k) => keySlot(k) < Math.ceil(16384 / 3))).toBe(true);
  });

  it('leaves a snapshot holding a stream whole', () => {
    pipe(['FLUSHALL', 'SET a 1', 'XADD events * k v']);
    expect(splitRdb(snapshot(), 3)).toBeNull();
  });

  it('decompresses LZF as redis writes it', () => {
    // "aaaaaaaaaa": one literal "a", then a back reference of length 9 at distance 1.
    expect(lzfDecompress(Buffer.from([0x00, 0x61, 0xe0, 0x00, 0x00]), 10).toString()).toBe('a'.repeat(10));
    expect(() => lzfDecompress(Buffer.from([0x05, 0x61]), 6)).toThrow();
  });
});
