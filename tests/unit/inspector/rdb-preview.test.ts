// The reader's `preview` read option, on hand-built fixtures of every encoding: the one key asked for gets
// its first bytes or first elements (as Redis would answer them), every other key none, and the rest of the
// file reads as it would without a preview.
import { describe, expect, it } from 'vitest';
import { Crc64 } from '../../../electron/core/inspector/rdb/crc64.js';
import { readRdb } from '../../../electron/core/inspector/rdb/rdb-reader.js';
import type { RdbKeyEntry, RdbValuePreview } from '../../../electron/core/inspector/rdb/rdb-types.js';
import {
  blob,
  bytes,
  chunked,
  intStr,
  intset,
  len,
  listpack,
  lzfStr,
  RdbBuilder,
  str,
  u32le,
  u64le,
  ziplist,
  zipmap,
} from '../../support/rdb-builder.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

async function previewOf(
  data: Uint8Array,
  key: string,
  maxBytes = 1024,
  db = 0,
  sizes?: number[],
): Promise<{ preview: RdbValuePreview | undefined; others: RdbKeyEntry[]; entry: RdbKeyEntry | undefined }> {
  const others: RdbKeyEntry[] = [];
  let entry: RdbKeyEntry | undefined;
  await readRdb(
    chunked(data, sizes),
    (e) => {
      if (text(e.key) === key && e.db === db) entry = { ...e };
      else others.push({ ...e });
    },
    { preview: { db, key: bytes(key), maxBytes } },
  );
  return { preview: entry?.preview, others, entry };
}

const items = (p: RdbValuePreview | undefined) => p?.items?.map(text);

describe('value preview', () => {
  it('previews raw, integer and LZF strings, only as far as asked', async () => {
    const long = 'abcdefghij'.repeat(300);
    const data = new RdbBuilder(10)
      .key(0, 'raw', str('hello'))
      .key(0, 'int', intStr(-70000))
      .key(0, 'lzf', lzfStr(long))
      .key(0, 'big', str('x'.repeat(400_000)))
      .end();
    expect(await previewOf(data, 'raw')).toMatchObject({
      preview: { truncated: false },
      entry: { encoding: 'raw', elements: 1 },
    });
    expect(text((await previewOf(data, 'raw')).preview?.bytes as Uint8Array)).toBe('hello');
    expect(text((await previewOf(data, 'int')).preview?.bytes as Uint8Array)).toBe('-70000');
    const lzf = await previewOf(data, 'lzf', 100, 0, [7, 13]);
    expect(lzf.entry?.encoding).toBe('lzf');
    expect(text(lzf.preview?.bytes as Uint8Array)).toBe(long.slice(0, 100));
    expect(lzf.preview?.truncated).toBe(true);
    const whole = await previewOf(data, 'lzf', 5000);
    expect(text(whole.preview?.bytes as Uint8Array)).toBe(long);
    expect(whole.preview?.truncated).toBe(false);
    // Text LZF can barely compress: its first 100 bytes take more than 100 compressed bytes.
    let seed = 12345;
    const varied = Array.from({ length: 3000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(33 + (seed % 89));
    }).join('');
    const hard = await previewOf(new RdbBuilder(10).key(0, 'v', lzfStr(varied)).end(), 'v', 100);
    expect(text(hard.preview?.bytes as Uint8Array)).toBe(varied.slice(0, 100));
    const big = await previewOf(data, 'big', 1024, 0, [4096]);
    expect(big.preview?.bytes?.length).toBe(1024);
    expect(big.preview?.truncated).toBe(true);
    // Every other key is read as usual, and gets no preview.
    expect(big.others.map((e) => [text(e.key), e.preview])).toEqual([
      ['raw', undefined],
      ['int', undefined],
      ['lzf', undefined],
    ]);
  });

  it('matches the key by database and exact bytes', async () => {
    const data = new RdbBuilder(10)
      .selectDb(0)
      .key(0, 'k', str('zero'))
      .selectDb(3)
      .key(0, 'k', str('three'))
      .end();
    expect(text((await previewOf(data, 'k', 1024, 3)).preview?.bytes as Uint8Array)).toBe('three');
    expect((await previewOf(data, 'k', 1024, 3)).others[0]?.preview).toBeUndefined();
    expect((await previewOf(data, 'K', 1024, 0)).entry).toBeUndefined();
  });

  it('previews lists in every encoding: linked list, ziplist, quicklist 1 and 2', async () => {
    const data = new RdbBuilder(10)
      .key(1, 'll', [...len(3), ...str('a'), ...intStr(7), ...lzfStr('c'.repeat(50))])
      .key(10, 'zl', blob(ziplist(['x', 5, 300, 70000, -2])))
      .key(14, 'ql1', [...len(2), ...blob(ziplist(['a', 'b'])), ...blob(ziplist(['c', 'd']), true)])
      .key(18, 'ql2', [
        ...len(2),
        ...len(1),
        ...str('plain'),
        ...len(2),
        ...blob(listpack(['p', 1, -5, 100000])),
      ])
      .end();
    expect(items((await previewOf(data, 'll')).preview)).toEqual(['a', '7', 'c'.repeat(50)]);
    expect(items((await previewOf(data, 'zl')).preview)).toEqual(['x', '5', '300', '70000', '-2']);
    expect(items((await previewOf(data, 'ql1')).preview)).toEqual(['a', 'b', 'c', 'd']);
    const ql2 = await previewOf(data, 'ql2');
    expect(items(ql2.preview)).toEqual(['plain', 'p', '1', '-5', '100000']);
    expect(ql2.entry).toMatchObject({ elements: 5, encoding: 'quicklist2' });
    expect(ql2.preview?.truncated).toBe(false);
  });

  it('previews sets: hashtable, intset, listpack', async () => {
    const data = new RdbBuilder(11)
      .key(2, 'hs', [...len(2), ...str('m1'), ...str('m2')])
      .key(11, 'is', blob(intset([3, -1, 200000], 4)))
      .key(20, 'slp', blob(listpack(['a', 'b'])))
      .end();
    expect(items((await previewOf(data, 'hs')).preview)).toEqual(['m1', 'm2']);
    expect(items((await previewOf(data, 'is')).preview)).toEqual(['-1', '3', '200000']);
    expect(items((await previewOf(data, 'slp')).preview)).toEqual(['a', 'b']);
  });

  it('previews sorted sets as member then score: skiplist (binary and text doubles), ziplist, listpack', async () => {
    const f64 = (d: number) => [...new Uint8Array(Float64Array.of(d).buffer)];
    const data = new RdbBuilder(10)
      .key(5, 'z2', [
        ...len(3),
        ...str('a'),
        ...f64(1.5),
        ...str('b'),
        ...f64(Number.POSITIVE_INFINITY),
        ...str('c'),
        ...f64(-2),
      ])
      .key(3, 'z1', [...len(2), ...str('a'), 4, ...bytes('0.25'), ...str('b'), 255])
      .key(12, 'zz', blob(ziplist(['m1', '1.5', 'm2', 2])))
      .key(17, 'zlp', blob(listpack(['m', 3, 'n', '-0.5'])))
      .key(12, 'ztext', blob(ziplist(['m1', '0.10000000000000001', 'm2', 'inf', 'm3', '-inf'])))
      .end();
    expect(items((await previewOf(data, 'z2')).preview)).toEqual(['a', '1.5', 'b', 'inf', 'c', '-2']);
    expect(items((await previewOf(data, 'z1')).preview)).toEqual(['a', '0.25', 'b', '-inf']);
    expect(items((await previewOf(data, 'zz')).preview)).toEqual(['m1', '1.5', 'm2', '2']);
    expect(items((await previewOf(data, 'zlp')).preview)).toEqual(['m', '3', 'n', '-0.5']);
    // Scores written as %.17g text read back as the double they stand for, shown as Redis answers it.
    expect(items((await previewOf(data, 'ztext')).preview)).toEqual(['m1', '0.1', 'm2', 'inf', 'm3', '-inf']);
  });

  it('previews hashes as field then value: hashtable, zipmap, ziplist, listpack, field TTLs left out', async () => {
    const data = new RdbBuilder(12)
      .key(4, 'hh', [...len(1), ...str('f'), ...intStr(12)])
      .key(
        9,
        'zm',
        blob(
          zipmap([
            ['a', '1'],
            ['b', '2'],
          ]),
        ),
      )
      .key(13, 'hz', blob(ziplist(['f1', 'v1', 'f2', 9])))
      .key(16, 'hlp', blob(listpack(['f', 'v'])))
      .key(25, 'hlx', [...u64le(1_700_000_000_000), ...blob(listpack(['f1', 'v1', 0, 'f2', 'v2', 1_000]))])
      .key(24, 'hmeta', [
        ...u64le(1_700_000_000_000),
        ...len(2),
        ...len(0),
        ...str('a'),
        ...str('1'),
        ...len(5),
        ...str('b'),
        ...str('2'),
      ])
      .end();
    expect(items((await previewOf(data, 'hh')).preview)).toEqual(['f', '12']);
    expect(items((await previewOf(data, 'zm')).preview)).toEqual(['a', '1', 'b', '2']);
    expect(items((await previewOf(data, 'hz')).preview)).toEqual(['f1', 'v1', 'f2', '9']);
    expect(items((await previewOf(data, 'hlp')).preview)).toEqual(['f', 'v']);
    expect(items((await previewOf(data, 'hlx')).preview)).toEqual(['f1', 'v1', 'f2', 'v2']);
    expect(items((await previewOf(data, 'hmeta')).preview)).toEqual(['a', '1', 'b', '2']);
  });

  it('previews Valkey hashes with per-field expiries (RDB 80)', async () => {
    const data = new RdbBuilder(80, 'VALKEY')
      .key(22, 'vh', [...len(1), ...str('f'), ...str('v'), ...u64le(1_700_000_000_000)])
      .end();
    expect(items((await previewOf(data, 'vh')).preview)).toEqual(['f', 'v']);
  });

  it('keeps whole groups up to the size asked, says when more exists, and cuts a long element', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => [`field${i}`, `value${i}`]).flat();
    const data = new RdbBuilder(10)
      .key(16, 'h', blob(listpack(fields)))
      .key(1, 'l', [...len(2), ...str('y'.repeat(5000)), ...str('z')])
      .key(4, 'hbig', [...len(1), ...str('k'), ...str('w'.repeat(400_000))])
      .end();
    const h = await previewOf(data, 'h', 40);
    // field0+value0 = 12 bytes, +field1/value1 = 24, +field2/value2 = 36; a 4th pair would pass 40.
    expect(items(h.preview)).toEqual(['field0', 'value0', 'field1', 'value1', 'field2', 'value2']);
    expect(h.preview?.truncated).toBe(true);
    expect(h.entry?.elements).toBe(50);
    const l = await previewOf(data, 'l', 100);
    expect(items(l.preview)).toEqual(['y'.repeat(100)]);
    expect(l.preview?.truncated).toBe(true);
    // A value too big for the window is caught as it streams past, its first bytes only.
    const hbig = await previewOf(data, 'hbig', 64, 0, [4096]);
    expect(items(hbig.preview)).toEqual(['k', 'w'.repeat(64)]);
    expect(hbig.preview?.truncated).toBe(true);
    expect(hbig.entry?.bytes).toBeGreaterThan(400_000);
  });

  it('stops before an element compressed beyond what is decompressed in memory, never showing its LZF bytes', async () => {
    // A list of two elements: first one whose LZF data passes 64 MB (literal runs of 32 bytes), then 'last'.
    const runs = (64 << 20) / 32 + 1;
    const head = [...bytes('REDIS0010'), 1, ...str('l'), ...len(2), 0xc3];
    const tail = str('last');
    const lengths = [...len(runs * 33, 32), ...len(runs * 32, 32)];
    const file = new Uint8Array(head.length + lengths.length + runs * 33 + tail.length + 9);
    file.set(head, 0);
    file.set(lengths, head.length);
    let at = head.length + lengths.length;
    for (let r = 0; r < runs; r++, at += 33) {
      file[at] = 31;
      file.fill(0x41 + (r % 26), at + 1, at + 33);
    }
    file.set(tail, at);
    at += tail.length;
    file[at] = 0xff;
    const crc = new Crc64();
    crc.update(file, 0, at + 1);
    file.set([...u32le(crc.lo), ...u32le(crc.hi)], at + 1);
    for (const sizes of [[1 << 20], [file.length]]) {
      const got = await previewOf(file, 'l', 1024, 0, sizes);
      expect(items(got.preview)).toEqual([]);
      expect(got.preview?.truncated).toBe(true);
      expect(got.entry?.elements).toBe(2);
    }
  });

  it('previews a stream as XRANGE answers it: ID, fields and values, deleted entries left out', async () => {
    const id = new Uint8Array(16);
    new DataView(id.buffer).setBigUint64(0, 1_700_000_000_000n);
    const node = listpack([
      ...[3, 1, 2, 'name', 'n', 0], // master entry: count, deleted, 2 master fields, terminator
      ...[2, 0, 0, 'alice', 1, 5], // same fields as the master: values only
      ...[0, 5, 0, 1, 'other', 'x', 6], // own fields
      ...[3, 6, 0, 'bob', 2, 5], // deleted
      ...[0, 7, 1, 0, 4], // no fields at all
    ]);
    const data = new RdbBuilder(11)
      .key(21, 'st', [
        ...len(1),
        ...str(id),
        ...blob(node),
        ...len(3), // XLEN
        ...[...len(1_700_000_000_007), ...len(1)], // last id
        ...[...len(1_700_000_000_000), ...len(0)], // first id
        ...[...len(1_700_000_000_006), ...len(0)], // max deleted id
        ...len(4), // entries added
        ...len(0), // groups
      ])
      .end();
    const st = await previewOf(data, 'st');
    expect(st.entry).toMatchObject({ type: 'stream', elements: 3 });
    expect(items(st.preview)).toEqual([
      '1700000000000-0',
      'name',
      'alice',
      'n',
      '1',
      '1700000000005-0',
      'other',
      'x',
      '1700000000007-1',
    ]);
    expect(st.preview?.truncated).toBe(false);
    // Full after the first entry: the rest is passed over, and said to exist.
    const short = await previewOf(data, 'st', 30);
    expect(items(short.preview)).toEqual(['1700000000000-0', 'name', 'alice', 'n', '1']);
    expect(short.preview?.truncated).toBe(true);
  });

  it('says a stream holds more when the preview filled up exactly at the end of a node', async () => {
    const id = (ms: number) => {
      const b = new Uint8Array(16);
      new DataView(b.buffer).setBigUint64(0, BigInt(ms));
      return b;
    };
    const node = listpack([1, 0, 1, 'a', 0, 2, 0, 0, 'b', 3]);
    const data = new RdbBuilder(10)
      .key(15, 'st', [
        ...len(2),
        ...str(id(1)),
        ...blob(node),
        ...str(id(2)),
        ...blob(node),
        ...len(2),
        ...[...len(2), ...len(0)],
        ...len(0),
      ])
      .end();
    // '1-0', 'a', 'b': exactly 5 bytes.
    const st = await previewOf(data, 'st', 5);
    expect(items(st.preview)).toEqual(['1-0', 'a', 'b']);
    expect(st.preview?.truncated).toBe(true);
    expect(items((await previewOf(data, 'st')).preview)).toEqual(['1-0', 'a', 'b', '2-0', 'a', 'b']);
  });

  it('refuses a preview combined with hashing, or of no size', async () => {
    const data = new RdbBuilder(10).key(0, 'k', str('v')).end();
    const options = { preview: { db: 0, key: bytes('k'), maxBytes: 10 }, hashValues: true };
    await expect(readRdb(chunked(data), () => undefined, options)).rejects.toThrow(/preview/);
    const none = { preview: { db: 0, key: bytes('k'), maxBytes: 0 } };
    await expect(readRdb(chunked(data), () => undefined, none)).rejects.toThrow(/preview/);
  });
});
