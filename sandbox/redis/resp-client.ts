// A tiny RESP2 client over node:net: enough to AUTH, PING, SET/GET, BGSAVE, INFO and SHUTDOWN the
// sandbox's own redis-servers without pulling in a Redis package.
import { connect, type Socket } from 'node:net';

export class RespError extends Error {}

export type RespReply = string | number | null | RespError | RespReply[];

const CRLF = '\r\n';

export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}${CRLF}`)];
  for (const arg of args) {
    const data = Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${data.length}${CRLF}`), data, Buffer.from(CRLF));
  }
  return Buffer.concat(parts);
}

/** Parses one reply starting at `offset`; null when the buffer does not hold a complete reply yet. */
export function parseReply(buf: Buffer, offset = 0): { value: RespReply; next: number } | null {
  const lineEnd = buf.indexOf(CRLF, offset);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buf[offset] ?? 0);
  const line = buf.toString('utf8', offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: new RespError(line), next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: after };
      if (buf.length < after + length + 2) return null;
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: RespReply[] = [];
      let cursor = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, cursor);
        if (!item) return null;
        items.push(item.value);
        cursor = item.next;
      }
      return { value: items, next: cursor };
    }
    default:
      throw new RespError(`Unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

interface Pending {
  resolve(value: RespReply): void;
  reject(error: Error): void;
}

export class RespClient {
  private buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      this.closedError = error;
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(this.closedError ?? new Error('connection closed')));
  }

  static connect(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new RespClient(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Sends a command; rejects with RespError on an error reply. */
  command(...args: (string | number)[]): Promise<RespReply> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      this.pending.push({
        resolve: (value) => (value instanceof RespError ? reject(value) : resolve(value)),
        reject,
      });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      let parsed: ReturnType<typeof parseReply>;
      try {
        parsed = parseReply(this.buffer, offset);
      } catch (error) {
        this.socket.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (!parsed) break;
      offset = parsed.next;
      this.pending.shift()?.resolve(parsed.value);
    }
    this.buffer = this.buffer.subarray(offset);
  }
}

/** Connects, authenticates when a password is given, runs one command and closes. */
export async function redisCommand(
  port: number,
  password: string | null,
  ...args: (string | number)[]
): Promise<RespReply> {
  const client = await RespClient.connect(port);
  try {
    if (password !== null) await client.command('AUTH', password);
    return await client.command(...args);
  } finally {
    client.close();
  }
}
