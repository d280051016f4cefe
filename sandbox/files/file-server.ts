// The sandbox's object storage: a loopback HTTP server of its own (127.0.0.1, its own port) that serves
// backup files behind the signed, expiring links DescribeBackupUrl hands out. It answers as COS does
// where COS's behaviour is documented: XML error bodies `<Error><Code>…</Code><Message>…</Message>
// <Resource>…</Resource><RequestId>…</RequestId><TraceId>…</TraceId></Error>` with the codes AccessDenied,
// SignatureDoesNotMatch, NoSuchKey, InvalidRange and MethodNotAllowed (COS error codes,
// https://cloud.tencent.com/document/product/436/7730); single byte ranges (`bytes=a-b`, `a-`, `-n`) →
// 206 with Content-Range, unsatisfiable → 416. The exact message texts are the sandbox's.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FaultBook } from '../faults/faults.js';
import type { SandboxState } from '../state/store.js';
import { BackupFileStore, type ServedFile } from './backup-files.js';
import { verifyLink } from './cos-sign.js';

export interface FileServerDeps {
  state: SandboxState;
  store: BackupFileStore;
  faults: FaultBook;
}

export interface FileServer {
  server: Server;
  shutdown(): Promise<void>;
}

interface CosError {
  status: number;
  code: string;
  message: string;
}

const ERRORS = {
  expired: { status: 403, code: 'AccessDenied', message: 'Request has expired' },
  signature: {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The Signature you specified does not match what we calculated.',
  },
  // A restriction to a VPC or IPs (DescribeBackupUrl LimitType) refuses any other network as a bucket
  // policy does; the real body of a refused CRS download is unverified.
  restricted: { status: 403, code: 'AccessDenied', message: 'Access Denied.' },
  missing: { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
  method: { status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed.' },
} as const satisfies Record<string, CosError>;

function sendError(res: ServerResponse, error: CosError, resource: string, head: boolean): void {
  const requestId = Buffer.from(randomUUID()).toString('base64');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>${error.code}</Code>\n` +
    `\t<Message>${error.message}</Message>\n\t<Resource>${escapeXml(resource)}</Resource>\n` +
    `\t<RequestId>${requestId}</RequestId>\n\t<TraceId>${requestId}</TraceId>\n</Error>\n`;
  res.writeHead(error.status, {
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-cos-request-id': requestId,
  });
  res.end(head ? undefined : body);
}

/** A path with a malformed %-escape names no object (undefined → 404 below). */
function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

type RangeAsk = { kind: 'all' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/** One `bytes=` range; several ranges or another unit are ignored (the whole file), as HTTP allows. */
export function parseRange(header: string | undefined, size: number): RangeAsk {
  if (!header) return { kind: 'all' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'all' };
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || (match[2] !== '' && Number(match[2]) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

export function createFileServer(deps: FileServerDeps): FileServer {
  const server = createServer((req, res) => {
    try {
      handle(deps, req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  return {
    server,
    shutdown: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function handle(deps: FileServerDeps, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Date', new Date(deps.state.now()).toUTCString());
  res.setHeader('Server', 'tencent-cos');
  const head = req.method === 'HEAD';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = decodePath(url.pathname);
  if (req.method !== 'GET' && !head) {
    sendError(res, ERRORS.method, path, false);
    return;
  }
  const file = deps.store.fileAt(path);
  if (!file) {
    sendError(res, ERRORS.missing, path, head);
    return;
  }
  // HEAD is checked against the GET link: real COS signs the method, so a HEAD with a GET link may be
  // refused there; clients should take the size from DescribeBackupUrl's FileSize.
  const check = verifyLink(
    deps.store.signer,
    path,
    url.searchParams.get('sign'),
    Math.floor(deps.state.now() / 1000),
  );
  if (!check.ok) {
    sendError(res, ERRORS[check.reason], path, head);
    return;
  }
  const fault = deps.faults.takeFile();
  const inner = BackupFileStore.isInner(path);
  if ((check.restricted && !inner) || fault?.kind === 'restrictDownload') {
    sendError(res, ERRORS.restricted, path, head);
    return;
  }
  serveFile(res, file, req.headers.range, head, fault?.kind === 'cutDownload' ? (fault.bytes ?? 0) : null);
}

function serveFile(
  res: ServerResponse,
  file: ServedFile,
  rangeHeader: string | undefined,
  head: boolean,
  cutAfter: number | null,
): void {
  const common = {
    'Content-Type': 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    ETag: file.etag,
    'Last-Modified': new Date(file.lastModifiedMs).toUTCString(),
    'x-cos-request-id': Buffer.from(randomUUID()).toString('base64'),
  };
  const range = parseRange(rangeHeader, file.size);
  if (range.kind === 'unsatisfiable') {
    const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>InvalidRange</Code>\n\t<Message>The requested range is not satisfiable</Message>\n</Error>\n`;
    res.writeHead(416, {
      ...common,
      'Content-Type': 'application/xml',
      'Content-Range': `bytes */${file.size}`,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(head ? undefined : body);
    return;
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : file.size - 1;
  const length = Math.max(0, end - start + 1);
  res.writeHead(range.kind === 'part' ? 206 : 200, {
    ...common,
    'Content-Length': length,
    ...(range.kind === 'part' ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  if (head || length === 0) {
    res.end();
    return;
  }
  // The cut fault sends the headers and the first bytes, then drops the connection mid-body.
  const last = cutAfter === null ? end : Math.min(end, start + cutAfter - 1);
  if (last < start) {
    res.flushHeaders();
    res.socket?.destroy();
    return;
  }
  const stream = createReadStream(file.diskPath, { start, end: last });
  stream.on('error', () => res.destroy());
  if (cutAfter === null) {
    stream.pipe(res);
    return;
  }
  stream.on('data', (chunk) => res.write(chunk));
  stream.on('end', () => {
    // Let the bytes leave before the reset, so the client sees a short body, not an empty one.
    res.socket?.once('drain', () => res.socket?.destroy());
    setTimeout(() => res.destroy(), 20);
  });
}
