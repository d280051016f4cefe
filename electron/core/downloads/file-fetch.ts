/**
 * One backup file from one signed URL into its `.part` file: resumed with HTTP Range when a part exists (a 206
 * whose Content-Range starts exactly there; anything else restarts from byte 0), decrypted on the way when a
 * key is given, checked against the size the server and the cloud announced. Failures come back classified
 * (`FetchFailure`) so the service can refresh an expired link, resume after a cut, or name a restriction.
 * The URL is never logged nor put into an error: it carries the object storage's signature.
 */
import { open, truncate } from 'node:fs/promises';
import type { BodyStreamLike, FetchResponseLike } from '../cloud/crs-api';
import { CbcStream, cipherResumeOffset, looksLikeBackup } from './backup-decrypt';
import { classifyDenied } from './storage-answers';

/** A GET with no body: both shells' fetch (Electron's net.fetch, undici's) take this init. */
export type DownloadFetch = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal; redirect: 'error' },
) => Promise<FetchResponseLike>;

export type FailureKind =
  | 'expired'
  | 'restricted'
  | 'denied'
  | 'http'
  | 'network'
  | 'size'
  | 'decrypt'
  | 'aborted';

export class FetchFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  /** Bytes this attempt added to the part file before failing: progress made, so a refresh may follow. */
  readonly progressed: number;

  constructor(kind: FailureKind, status?: number, progressed = 0, reason?: string) {
    super(reason ? `${kind}: ${reason}` : kind);
    this.name = 'FetchFailure';
    this.kind = kind;
    this.status = status;
    this.progressed = progressed;
  }
}

export interface FetchFileOptions {
  fetch: DownloadFetch;
  url: string;
  partPath: string;
  /** Bytes already in the part file (plaintext when decrypting). */
  partBytes: number;
  /** The object's size as the cloud announced it (the served bytes: ciphertext when encrypted). */
  expectedBytes?: number;
  /** AES key when the backup is encrypted (backup-decrypt.ts). */
  key?: Buffer;
  /**
   * With a key whose use the API left open (a DecryptKey without `Encrypted`): the first bytes decide — a
   * file that already looks like a backup is kept as served, anything else is decrypted. Told by `onMode`.
   */
  sniff?: boolean;
  onMode?: (decrypting: boolean) => void;
  signal: AbortSignal;
  /** No byte for this long aborts the attempt as a network failure. */
  idleTimeoutMs: number;
  /** Called after each write with the bytes the part file now holds. */
  onBytes: (partBytes: number) => void;
  /** Called once the server said how many bytes the whole object has (Content-Range or Content-Length). */
  onTotal?: (totalBytes: number, resumedFrom: number) => Promise<void>;
}

export interface FetchFileResult {
  bytes: number;
  resumedFrom: number;
}

export async function fetchFile(options: FetchFileOptions): Promise<FetchFileResult> {
  // Encrypted: plaintext bytes on disk map to a ciphertext offset (whole blocks; a torn tail is dropped).
  let start = options.key ? cipherResumeOffset(options.partBytes) : options.partBytes;
  if (start !== options.partBytes) await truncate(options.partPath, start);
  if (options.expectedBytes !== undefined && start > options.expectedBytes) start = 0;
  // A plain part already as long as announced was interrupted between its last byte and its rename.
  if (!options.key && options.expectedBytes !== undefined && start === options.expectedBytes && start > 0) {
    return { bytes: start, resumedFrom: start };
  }

  const attempt = new AbortController();
  const onAbort = () => attempt.abort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => attempt.abort(), options.idleTimeoutMs);
  };
  try {
    arm();
    let response: FetchResponseLike;
    try {
      response = await options.fetch(options.url, {
        method: 'GET',
        headers: start > 0 ? { Range: `bytes=${start}-` } : {},
        signal: attempt.signal,
        redirect: 'error',
      });
    } catch {
      throw new FetchFailure(options.signal.aborted ? 'aborted' : 'network');
    }
    const plan = await planOf(response, start, options);
    if (plan.from === 0 && start > 0) await truncate(options.partPath, 0);
    await options.onTotal?.(plan.total ?? plan.from, plan.from);
    return await writeBody(response.body, plan, options, arm, attempt.signal);
  } finally {
    clearTimeout(idle);
    options.signal.removeEventListener('abort', onAbort);
    // A body left unread (a refusal told from its first bytes, a wrong key) would hold its connection open.
    attempt.abort();
  }
}

interface Plan {
  /** Offset of the first served byte in the object. */
  from: number;
  /** The object's full size, when the server said it. */
  total: number | undefined;
}

/** Reads the status and headers: which byte the body starts at, or a classified failure. */
async function planOf(response: FetchResponseLike, start: number, options: FetchFileOptions): Promise<Plan> {
  const { status } = response;
  if (status === 403) {
    const body = await response.text().catch(() => '');
    throw new FetchFailure(classifyDenied(body), 403);
  }
  // 416: the part already holds every byte (or more): restart cleanly rather than trust it.
  if (status === 416) throw new FetchFailure('size', 416, 0, 'range not satisfiable');
  if (status === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range')?.trim() ?? '');
    if (range && Number(range[1]) === start) {
      return { from: start, total: range[3] === '*' ? undefined : Number(range[3]) };
    }
    // Not the bytes asked for: appending them would corrupt the file, so the service restarts it from 0.
    throw new FetchFailure('size', 206, 0, 'unexpected Content-Range');
  }
  if (status === 200) {
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return { from: 0, total: Number.isFinite(length) && length >= 0 ? length : options.expectedBytes };
  }
  throw new FetchFailure('http', status);
}

async function writeBody(
  body: BodyStreamLike | null | undefined,
  plan: Plan,
  options: FetchFileOptions,
  arm: () => void,
  signal: AbortSignal,
): Promise<FetchFileResult> {
  if (!body) throw new FetchFailure('network', undefined, 0, 'no body');
  if (
    options.expectedBytes !== undefined &&
    plan.total !== undefined &&
    plan.total !== options.expectedBytes
  ) {
    throw new FetchFailure('size', undefined, 0, 'server size differs from the announced one');
  }
  let deciding = options.key !== undefined && options.sniff === true && plan.from === 0;
  let cipher = options.key && !deciding ? new CbcStream(options.key) : undefined;
  const handle = await open(options.partPath, plan.from === 0 ? 'w' : 'a', 0o600);
  let served = plan.from;
  // Resumed: the part was cut to `from` (whole blocks when decrypting), so plaintext and served offsets agree.
  let onDisk = plan.from;
  const progressedFrom = onDisk;
  let headChecked = !cipher || plan.from > 0;
  const head: Buffer[] = [];
  const raw: Buffer[] = [];
  /** Served bytes in: decided (sniff), decrypted when needed, then written. */
  const feed = async (chunk: Buffer, final: boolean) => {
    let data = chunk;
    if (deciding) {
      raw.push(chunk);
      const head = Buffer.concat(raw);
      const plain = looksLikeBackup(head, final);
      if (plain === undefined) return;
      deciding = false;
      raw.length = 0;
      if (!plain && options.key) {
        cipher = new CbcStream(options.key);
        headChecked = false;
      }
      options.onMode?.(cipher !== undefined);
      data = head;
    }
    await write(cipher ? cipher.update(data) : data, false);
  };
  const write = async (data: Buffer, final: boolean) => {
    if (!headChecked) {
      head.push(data);
      const verdict = looksLikeBackup(Buffer.concat(head), final);
      if (verdict === false) throw new FetchFailure('decrypt', undefined, 0, 'not a backup after decryption');
      if (verdict === true) headChecked = true;
    }
    if (data.length === 0) return;
    await handle.write(data);
    onDisk += data.length;
    options.onBytes(onDisk);
  };
  try {
    const reader = body.getReader();
    for (;;) {
      let next: { done: boolean; value?: Uint8Array | undefined };
      try {
        next = await reader.read();
      } catch {
        throw new FetchFailure(
          options.signal.aborted ? 'aborted' : 'network',
          undefined,
          onDisk - progressedFrom,
        );
      }
      if (signal.aborted) throw new FetchFailure(options.signal.aborted ? 'aborted' : 'network');
      if (next.done) break;
      arm();
      const chunk = next.value ?? new Uint8Array(0);
      served += chunk.byteLength;
      await feed(Buffer.from(chunk), false);
    }
    if (deciding) await feed(Buffer.alloc(0), true);
    if (plan.total !== undefined && served !== plan.total) {
      // Fewer bytes than announced: the connection was cut; more: the object is not what was announced.
      const kind = served < plan.total ? 'network' : 'size';
      throw new FetchFailure(kind, undefined, onDisk - progressedFrom, 'body length');
    }
    if (cipher) {
      let last: Buffer;
      try {
        last = cipher.end();
      } catch {
        throw new FetchFailure('decrypt', undefined, 0, 'padding');
      }
      await write(last, true);
    }
    await handle.sync();
    return { bytes: onDisk, resumedFrom: plan.from };
  } finally {
    await handle.close();
  }
}
