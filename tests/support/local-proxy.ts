/**
 * A real HTTP CONNECT proxy on loopback that tunnels only to one made-up host name (resolved to 127.0.0.1) and
 * refuses every other. A client reaching that name got there through the proxy: loopback itself is never
 * proxied, and going direct cannot even resolve the name. Every tunnel asked for is recorded.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect } from 'node:net';

export interface LocalProxy {
  /** `http://127.0.0.1:PORT`, for a proxy setting or a *_PROXY variable. */
  readonly url: string;
  /** Every CONNECT target asked for, as `host:port`, in order. */
  readonly tunnels: readonly string[];
  close(): void;
}

export async function startLocalProxy(onlyHost: string): Promise<LocalProxy> {
  const tunnels: string[] = [];
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    if (host !== onlyHost) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const { port } = proxy.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, tunnels, close: () => proxy.close() };
}
