/**
 * The RDB streams inside a backup's downloaded files, in whatever layout the cloud gave: a plain `.rdb`, a
 * gzip of one (`.gz`), a tar of several (`.tar`), or a gzip of a tar (`.tar.gz`). The layout is told by the
 * bytes (gzip magic 1f 8b; tar header checksum; RDB magic `REDIS`), not by the name. Each shard is streamed
 * once, in file order, without unpacking anything to disk.
 *
 * tar: POSIX ustar headers (512-byte blocks, octal or base-256 sizes, name + prefix), GNU long names
 * (typeflag `L`) and pax extended headers (`x`: `path`, `size`), as GNU tar and busybox write them.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ByteQueue } from './byte-queue';

export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** The file is not there (or cannot be opened), as opposed to holding bad bytes. */
    readonly missing = false,
  ) {
    super(`${file}: ${message}`);
    this.name = 'BackupFileError';
  }
}

export interface Shard {
  /** The file name, or the archive member's name. */
  name: string;
  bytes: AsyncIterable<Uint8Array>;
}

const isRdb = (head: Uint8Array) =>
  head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === 'REDIS';
const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

function octal(block: Uint8Array, start: number, length: number): number {
  // GNU base-256 for sizes past 8 GB: high bit of the first byte set, big-endian binary after it.
  if (((block[start] as number) & 0x80) !== 0) {
    let value = (block[start] as number) & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] as number);
    return value;
  }
  const text = String.fromCharCode(...block.subarray(start, start + length))
    .replace(/\0.*$/s, '')
    .trim();
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : Number.NaN;
}

function text(block: Uint8Array, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(end === -1 ? raw : raw.subarray(0, end));
}

/** A tar header block: its stored checksum equals the sum of its bytes with the checksum field as spaces. */
function isTarHeader(block: Uint8Array): boolean {
  if (block.length < 512) return false;
  const stored = octal(block, 148, 8);
  if (Number.isNaN(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
  return sum === stored;
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of new TextDecoder().decode(data).split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

async function readAll(stream: AsyncIterable<Uint8Array>, limit: number, file: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) throw new BackupFileError(file, 'a tar extended header is implausibly large');
    parts.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function* tarShards(queue: ByteQueue, file: string): AsyncGenerator<Shard> {
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  for (;;) {
    const block = await queue.peek(512);
    if (block.length === 0) return;
    if (block.length < 512) throw new BackupFileError(file, `the tar archive ends inside a header block`);
    if (block.every((b) => b === 0)) return;
    if (!isTarHeader(block)) {
      throw new BackupFileError(file, `bad tar header at byte ${queue.consumed} (checksum mismatch)`);
    }
    const type = String.fromCharCode(block[156] as number);
    const size = pax.size !== undefined ? Number(pax.size) : octal(block, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new BackupFileError(file, `bad tar member size at byte ${queue.consumed + 124}`);
    }
    const magic = text(block, 257, 6);
    const prefix = magic.startsWith('ustar') ? text(block, 345, 155) : '';
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    await queue.skip(512);
    const padding = (512 - (size % 512)) % 512;
    if (type === 'L' || type === 'x' || type === 'g') {
      const data = await readAll(queue.take(size), 1 << 20, file);
      if (data.length < size) throw new BackupFileError(file, 'the tar archive ends inside a member');
      if (type === 'L') longName = text(data, 0, data.length);
      if (type === 'x') pax = parsePax(data);
    } else {
      longName = undefined;
      pax = {};
      const regular = type === '0' || type === '\0' || type === '7';
      const head = regular && size >= 5 ? await queue.peek(5) : new Uint8Array();
      if (regular && isRdb(head)) {
        let delivered = 0;
        const member = queue.take(size);
        yield {
          name,
          bytes: (async function* () {
            for await (const chunk of member) {
              delivered += chunk.length;
              yield chunk;
            }
          })(),
        };
        // The consumer may stop early (an error); the rest of the member is skipped to reach the next header.
        delivered += await queue.skip(size - delivered);
        if (delivered < size) throw new BackupFileError(file, `the tar archive ends inside ${name}`);
      } else if ((await queue.skip(size)) < size) {
        throw new BackupFileError(file, 'the tar archive ends inside a member');
      }
    }
    if ((await queue.skip(padding)) < padding) {
      throw new BackupFileError(file, 'the tar archive ends inside a member');
    }
  }
}

/**
 * The RDB shards of one downloaded file, in order. `onBytes` is told how many bytes of the file on disk have
 * been read so far (compressed bytes for a gzip), for progress. Throws BackupFileError for a file that is
 * none of the supported layouts, or an archive holding no RDB.
 */
export async function* shardsOfFile(
  path: string,
  onBytes?: (bytesOnDisk: number) => void,
): AsyncGenerator<Shard> {
  const file = basename(path);
  // Small reads: every chunk handed to the reader is garbage once read, and large ones pile up faster than
  // the collector frees them, which made the peak memory grow with the file (docs/BENCHMARKS.md).
  const raw = createReadStream(path, { highWaterMark: 1 << 16 });
  const counted = (async function* () {
    let onDisk = 0;
    for await (const chunk of raw as AsyncIterable<Uint8Array>) {
      onDisk += chunk.length;
      onBytes?.(onDisk);
      yield chunk;
    }
  })();
  try {
    let queue = new ByteQueue(counted);
    let head = await queue.peek(512);
    let gzip = false;
    if (isGzip(head)) {
      gzip = true;
      // The peeked bytes are still in the queue: the gunzip reads the file through it from byte 0.
      const gunzip = createGunzip();
      const compressed = Readable.from(queue.take(Number.POSITIVE_INFINITY));
      compressed.on('error', (error) => gunzip.destroy(error));
      compressed.pipe(gunzip);
      queue = new ByteQueue(gunzip);
      head = await queue.peek(512).catch((error: unknown) => {
        throw new BackupFileError(file, `not a valid gzip file (${(error as Error).message})`);
      });
    }
    if (isRdb(head)) {
      yield { name: gzip ? file.replace(/\.gz$/i, '') : file, bytes: queue.take(Number.POSITIVE_INFINITY) };
      return;
    }
    if (isTarHeader(head)) {
      let found = 0;
      for await (const shard of tarShards(queue, file)) {
        found += 1;
        yield shard;
      }
      if (found === 0) throw new BackupFileError(file, 'the archive holds no RDB file');
      return;
    }
    throw new BackupFileError(file, 'not an RDB file, a tar archive or a gzip file');
  } finally {
    raw.destroy();
  }
}
