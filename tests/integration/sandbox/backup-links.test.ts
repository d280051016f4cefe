// The sandbox's object storage behind DescribeBackupUrl, through the official SDK's redis Client and plain
// HTTP: signed links that expire and refuse tampering, byte ranges and HEAD, the VPC restriction and the
// download faults.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKUPS } from '../../../sandbox/index.js';
import {
  checkRdb,
  first,
  get,
  LINK_SECONDS,
  links,
  newestBackup,
  setUpFileSandbox,
} from './backup-file-support.js';
import { addFault } from './helpers.js';

const env = setUpFileSandbox();

describe('signed links', () => {
  it('answers BackupInfos and the older parallel arrays for the same files', async () => {
    const res = await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    const info = first(res.BackupInfos);
    expect(res.DownloadUrl).toEqual([info.DownloadUrl]);
    expect(res.InnerDownloadUrl).toEqual([info.InnerDownloadUrl]);
    expect(res.Filenames).toEqual([info.FileName]);
    expect(info.FileName).toMatch(/^6000001-demo0001m-redis-server-6\.2\.\d+-\d+-ignore-1-ignore\.rdb$/);
    const sign = new URL(info.DownloadUrl ?? '').searchParams.get('sign') ?? '';
    expect(sign).toMatch(
      /^q-sign-algorithm=sha1&q-ak=\w+&q-sign-time=(\d+);(\d+)&q-key-time=\1;\2&q-header-list=&q-url-param-list=&q-signature=[0-9a-f]{40}$/,
    );
    const [start, end] = (/q-sign-time=(\d+);(\d+)/.exec(sign) ?? []).slice(1).map(Number);
    expect((end ?? 0) - (start ?? 0)).toBe(LINK_SECONDS);
  });

  it('serves the file with its length, ETag and Last-Modified', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos,
    );
    const res = await get(info.DownloadUrl ?? '');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(info.FileSize);
    expect(Number(res.headers.get('content-length'))).toBe(info.FileSize);
    expect(res.headers.get('etag')).toBe(`"${createHash('md5').update(res.body).digest('hex')}"`);
    expect(Date.parse(res.headers.get('last-modified') ?? '')).toBeGreaterThan(0);
    expect(res.body.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    expect(checkRdb(env, res.body, 'orders.rdb')).toContain('RDB looks OK');
    const inner = await get(info.InnerDownloadUrl ?? '');
    expect(inner.body.equals(res.body)).toBe(true);
  });

  it('refuses an expired link with AccessDenied "Request has expired"', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos,
    );
    env.clock.advance((LINK_SECONDS + 1) * 1000);
    try {
      const res = await get(info.DownloadUrl ?? '');
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/xml');
      expect(res.body.toString()).toMatch(
        /<Code>AccessDenied<\/Code>\s*<Message>Request has expired<\/Message>/,
      );
    } finally {
      env.clock.advance(-(LINK_SECONDS + 1) * 1000);
    }
  });

  it('refuses an altered signature, end time or path with SignatureDoesNotMatch', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos,
    );
    const url = new URL(info.DownloadUrl ?? '');
    const sign = url.searchParams.get('sign') ?? '';
    const alter = (next: string) => {
      const copy = new URL(url);
      copy.searchParams.set('sign', next);
      return copy.toString();
    };
    const flipped = sign.replace(
      /q-signature=(.)/,
      (_m, c: string) => `q-signature=${c === 'a' ? 'b' : 'a'}`,
    );
    const longer = sign.replace(/;(\d+)&/g, (_m, end: string) => `;${Number(end) + 3600}&`);
    const other = first(
      (
        await links(
          env,
          'ap-guangzhou',
          'crs-demo0001',
          await newestBackup(env, 'ap-guangzhou', 'crs-demo0001', false),
        )
      ).BackupInfos,
    );
    const swapped = new URL(other.DownloadUrl ?? '');
    swapped.searchParams.set('sign', sign);
    for (const target of [
      alter(flipped),
      alter(longer),
      swapped.toString(),
      url.toString().split('?')[0] ?? '',
    ]) {
      const res = await get(target);
      expect(res.status, target).toBe(403);
      expect(res.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
  });

  it('answers 404 NoSuchKey for a path it does not hold', async () => {
    const res = await get(`${env.sandbox.fileUrl}/1250000000/redis/1/data/2026-01-01/-nothing.rdb?sign=x`);
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('<Code>NoSuchKey</Code>');
  });
});

describe('ranges and HEAD', () => {
  let url = '';
  let whole = Buffer.alloc(0);
  beforeAll(async () => {
    env.clock.advance(1100);
    url =
      first((await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos)
        .DownloadUrl ?? '';
    whole = (await get(url)).body;
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=100-', 100, -1],
    ['bytes=-16', -16, -1],
  ])('%s → 206 with Content-Range', async (range, from, to) => {
    const size = whole.length;
    const start = from < 0 ? size + from : from;
    const end = to < 0 ? size - 1 : to;
    const res = await get(url, { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
    expect(res.body.equals(whole.subarray(start, end + 1))).toBe(true);
  });

  it('answers 416 with bytes */size for a range past the end', async () => {
    const res = await get(url, { Range: `bytes=${whole.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(url, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(whole.length);
    expect(res.body.length).toBe(0);
  });
});

describe('restrictions and download faults', () => {
  it('refuses the public link of a VPC-only download and serves the private-network one', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual, 'LimitOnlyIntranet'))
        .BackupInfos,
    );
    const outside = await get(info.DownloadUrl ?? '');
    expect(outside.status).toBe(403);
    expect(outside.body.toString()).toMatch(
      /<Code>AccessDenied<\/Code>\s*<Message>Access Denied\.<\/Message>/,
    );
    expect((await get(info.InnerDownloadUrl ?? '')).status).toBe(200);
  });

  it('restrictDownload answers 403 once, then the link works', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos,
    );
    // Through the admin API, as a client test outside the process would set it.
    await addFault(env.sandbox.url, { kind: 'restrictDownload' });
    expect((await get(info.DownloadUrl ?? '')).status).toBe(403);
    expect((await get(info.DownloadUrl ?? '')).status).toBe(200);
  });

  it('cutDownload drops the connection mid-body once; a Range request resumes to the whole file', async () => {
    const info = first(
      (await links(env, 'ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos,
    );
    const url = info.DownloadUrl ?? '';
    const whole = (await get(url)).body;
    env.sandbox.faults.add({ kind: 'cutDownload', bytes: 4096 });
    const received: Buffer[] = [];
    let failed = false;
    try {
      const res = await fetch(url);
      const reader = res.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        received.push(Buffer.from(chunk.value));
      }
    } catch {
      failed = true;
    }
    const got = Buffer.concat(received);
    expect(failed).toBe(true);
    expect(got.length).toBeLessThanOrEqual(4096);
    const rest = await get(url, { Range: `bytes=${got.length}-` });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([got, rest.body]).equals(whole)).toBe(true);
  });
});
