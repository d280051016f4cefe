// The data inside a demo backup when no real redis-server took it: deterministic per (instance, backup
// generation), shaped after each demo instance's story (orders, sessions, a leaderboard, …), a few
// thousand keys. Successive generations differ the way a live cache does — new ids appear, some keys are
// deleted, some values change — so comparing two backups of one instance shows added, removed and changed
// keys. Cluster instances split their keys over shards by hash slot (CRC16 of the key or its {hash tag},
// mod 16384, slots divided evenly), as Redis Cluster does.
import { createHash } from 'node:crypto';
import type { RdbDatabase, RdbEntry, RdbValue } from './rdb-writer.js';

type Family = {
  /** Key name for id n. */
  key: (n: number) => Buffer | string;
  count: number;
  db?: number;
  /** Milliseconds until expiry, relative to the backup time; undefined = no TTL. */
  ttlMs?: (n: number) => number | undefined;
  value: (n: number, g: number, rnd: () => number) => RdbValue;
};

const str = (value: string): RdbValue => ({ type: 'string', value });
const HOUR = 3600_000;

/** Each demo instance's key families; other instances (fleet seeds) get the generic cache profile. */
const PROFILES: Readonly<Record<string, readonly Family[]>> = {
  'crs-demo0001': [
    {
      key: (n) => `order:${100000 + n}`,
      count: 1500,
      value: (n, g) => ({
        type: 'hash',
        fields: [
          ['status', (n + g) % 7 === 0 ? 'shipped' : 'paid'],
          ['amount', String((n * 37) % 5000)],
          ['user', `user:${n % 400}`],
        ],
      }),
    },
    {
      key: (n) => `user:${n}`,
      count: 400,
      value: (n) => ({
        type: 'hash',
        fields: [
          ['name', `customer-${n}`],
          ['tier', n % 5 === 0 ? 'gold' : 'std'],
        ],
      }),
    },
    { key: (n) => `cart:${n}`, count: 300, ttlMs: () => 48 * HOUR, value: (n, g) => cart(n, g) },
    {
      key: () => 'orders:pending',
      count: 1,
      value: (_n, g) => ({ type: 'list', items: range(200 + g * 10).map((i) => `order:${100000 + i * 7}`) }),
    },
    {
      // A key that is not valid UTF-8, as a binary-safe store may hold.
      key: () => Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0xfe]),
      count: 1,
      value: () => ({ type: 'string', value: Buffer.from([0x00, 0xff, 0xfe]) }),
    },
  ],
  'crs-demo0002': [
    { key: (n) => `session:${token(n)}`, count: 2000, ttlMs: (n) => ((n % 48) + 1) * HOUR, value: session },
    {
      key: (n) => `user:${n}:sessions`,
      count: 300,
      value: (n, g) => ({ type: 'set', members: range(1 + ((n + g) % 4)).map((i) => token(n * 7 + i)) }),
    },
    {
      key: (n) => `csrf:${token(n + 9000)}`,
      count: 200,
      db: 1,
      ttlMs: () => HOUR,
      value: (n) => str(token(n)),
    },
  ],
  'crs-demo0003': [
    {
      key: () => 'lb:global',
      count: 1,
      value: (_n, g, rnd) => ({
        type: 'zset',
        entries: range(5000).map((i) => [`player:${i}`, Math.floor(rnd() * 100000) + g] as const),
      }),
    },
    {
      key: (n) => `lb:weekly:{w${n}}`,
      count: 12,
      value: (n, g) => ({
        type: 'zset',
        entries: range(300).map((i) => [`player:${i}`, (i * n + g) % 997] as const),
      }),
    },
    {
      key: (n) => `player:${n}`,
      count: 1500,
      value: (n, g) => ({
        type: 'hash',
        fields: [
          ['nick', `p${n}`],
          ['level', String((n + g) % 60)],
        ],
      }),
    },
  ],
  'crs-demo0004': [
    {
      key: (n) => `sku:${20000 + n}`,
      count: 1200,
      value: (n) => ({
        type: 'hash',
        fields: [
          ['name', `item-${n}`],
          ['price', String(100 + (n % 900))],
        ],
      }),
    },
    { key: (n) => `stock:${20000 + n}`, count: 1200, value: (n, g) => str(String((n * 13 + g * 5) % 500)) },
    {
      key: (n) => `warehouse:${n}`,
      count: 8,
      value: (n) => ({ type: 'set', members: range(150).map((i) => `sku:${20000 + i * 8 + n}`) }),
    },
  ],
  'crs-demo0007': [
    { key: (n) => `cache:page:/p/${n}`, count: 1500, ttlMs: (n) => ((n % 12) + 1) * HOUR, value: page },
  ],
  'crs-demo0011': [
    {
      key: (n) => `event:{d${n % 30}}:${n}`,
      count: 2400,
      value: (n, g) => str(`{"type":"click","n":${n},"g":${g % 2}}`),
    },
    {
      key: (n) => `metrics:${['dau', 'wau', 'mau', 'revenue'][n] ?? 'x'}`,
      count: 4,
      value: (n, g) => ({
        type: 'zset',
        entries: range(400).map((i) => [`d${i}`, (i * (n + 1) + g) % 1000] as const),
      }),
    },
  ],
  'crs-demo0014': [
    {
      key: (n) => `ledger:${202400 + (n % 12) + 1}:${n}`,
      count: 2500,
      value: (n) => ({
        type: 'hash',
        fields: [
          ['debit', String(n % 977)],
          ['credit', String(n % 631)],
        ],
      }),
    },
    { key: (n) => `account:${n}`, count: 300, value: (n, g) => str(String((n * 101 + g * 17) % 100000)) },
  ],
  'crs-demo0015': [
    {
      key: (n) => `sess:${token(n)}`,
      count: 1800,
      ttlMs: (n) => ((n % 24) + 1) * HOUR,
      value: (n, g) => ({
        type: 'hash',
        fields: [
          ['uid', String(n % 700)],
          ['seen', String(g)],
        ],
      }),
    },
  ],
};

const GENERIC: readonly Family[] = [
  { key: (n) => `cache:item:${n}`, count: 1200, ttlMs: (n) => ((n % 24) + 1) * HOUR, value: page },
  {
    key: (n) => `queue:${['jobs', 'mail', 'sms'][n] ?? 'x'}`,
    count: 3,
    value: (n, g) => ({ type: 'list', items: range(100 + ((n * 31 + g * 7) % 200)).map((i) => `job-${i}`) }),
  },
  {
    key: (n) => `profile:${n}`,
    count: 800,
    value: (n, g) => ({
      type: 'hash',
      fields: [
        ['v', String(g % 3)],
        ['name', `p${n}`],
      ],
    }),
  },
];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

const tokens = new Map<number, string>();

/** A session-token-like id, stable per n (memoised: every generation asks for the same ones). */
function token(n: number): string {
  let t = tokens.get(n);
  if (t === undefined) {
    t = createHash('sha1').update(`t${n}`).digest('hex').slice(0, 24);
    tokens.set(n, t);
  }
  return t;
}

function cart(n: number, g: number): RdbValue {
  return {
    type: 'hash',
    fields: range(1 + ((n + g) % 5)).map((i) => [`sku:${20000 + i * n}`, String(1 + i)] as const),
  };
}

function session(n: number, g: number): RdbValue {
  return str(`{"uid":${n % 300},"ip":"10.0.${n % 250}.${g % 250}","ua":"demo"}`);
}

function page(n: number, g: number): RdbValue {
  return str(`<html><body>page ${n} rev ${(n + g) % 3}</body></html>`.padEnd(120 + (n % 200), ' '));
}

/** A tiny deterministic PRNG (mulberry32) seeded from the instance id and generation. */
function prng(seed: string): () => number {
  let a = createHash('sha1').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Which ids of a family exist in generation g: the family grows by 2 % per generation, and ids whose
 * (id + g) is a multiple of 11 are absent (deleted since, or not yet written) — so every pair of
 * generations differs by some added and some removed keys.
 */
function present(n: number, count: number, g: number, single: boolean): boolean {
  if (single) return true;
  const live = Math.floor(count * (1 + 0.02 * g));
  return n < live && (n + g) % 11 !== 0;
}

/** The keys of one backup generation (0 = the instance's oldest backup), by database. */
export function demoDatabases(instanceId: string, generation: number, atMs: number): RdbDatabase[] {
  const families = PROFILES[instanceId] ?? GENERIC;
  const rnd = prng(`${instanceId}/${generation}`);
  const byDb = new Map<number, RdbEntry[]>();
  for (const family of families) {
    const live = family.count === 1 ? 1 : Math.floor(family.count * (1 + 0.02 * generation));
    for (let n = 0; n < live; n++) {
      if (!present(n, family.count, generation, family.count === 1)) continue;
      const ttl = family.ttlMs?.(n);
      const entry: RdbEntry = {
        key: family.key(n),
        value: family.value(n, generation, rnd),
        ...(ttl === undefined ? {} : { expireAtMs: atMs + ttl }),
      };
      const db = family.db ?? 0;
      const list = byDb.get(db) ?? [];
      list.push(entry);
      byDb.set(db, list);
    }
  }
  return [...byDb.entries()].sort((a, b) => a[0] - b[0]).map(([index, entries]) => ({ index, entries }));
}

/** CRC16/XMODEM, the Redis Cluster key hash (redis src/crc16.c), over the key or its {hash tag}. */
export function keySlot(key: Buffer | string): number {
  let bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const open = bytes.indexOf(0x7b);
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) bytes = bytes.subarray(open + 1, close);
  }
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

/** The databases of one shard (0-based) of `shards`, slots divided evenly in order. */
export function shardOf(databases: readonly RdbDatabase[], shard: number, shards: number): RdbDatabase[] {
  if (shards <= 1) return [...databases];
  const perShard = Math.ceil(16384 / shards);
  return databases.map((db) => ({
    index: db.index,
    entries: db.entries.filter((e) => Math.floor(keySlot(e.key) / perShard) === shard),
  }));
}
