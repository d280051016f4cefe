/**
 * The download service's rules against a fake object storage: every file of a backup from the links the API
 * returned, Range resume (and restart when the server does not honour it), one link refresh on expiry,
 * refusals told apart, private files, and nothing secret in the log.
 */
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FOLDER } from '../../../../electron/core/downloads/cache-index';
import { DENIED_XML, EXPIRED_XML, rdbLike } from './fake-storage';
import { downloadHarness, until } from './harness';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('DownloadService', () => {
  let h: Awaited<ReturnType<typeof downloadHarness>>;

  it('downloads every shard file, privately, and hands the inspector their paths', async () => {
    h = await downloadHarness();
    const shards = [rdbLike(10_000, 1), rdbLike(7_000, 2)];
    h.addBackup('b1', shards);
    const last = await h.download('b1');
    expect(last).toMatchObject({
      state: 'done',
      fileCount: 2,
      bytes: 17_000,
      totalBytes: 17_000,
      encryption: 'no',
    });
    const paths = await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'b1');
    expect(paths).toHaveLength(2);
    for (const [at, path] of (paths ?? []).entries()) {
      expect(await readFile(path)).toEqual(shards[at]);
      expect(await mode(path)).toBe(0o600);
    }
    const root = join(h.userData, CACHE_FOLDER);
    expect(await mode(root)).toBe(0o700);
    expect(await mode(join(root, 'p1', 'ap-guangzhou', 'crs-abcd1234', 'b1'))).toBe(0o700);
    expect(await mode(join(root, 'index.json'))).toBe(0o600);
    // Only the storage the API pointed at was asked, once per file.
    expect(h.storage.requests.map((r) => r.path)).toEqual(['b1/shard-1.rdb', 'b1/shard-2.rdb']);
    const progress = h.events.filter((e) => e.state === 'downloading');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.totalBytes === 17_000)).toBe(true);
    expect(h.events[0]?.state).toBe('resolving');
    // A second start finds it whole: nothing is fetched again.
    expect(await h.service.start(h.ref('b1'))).toMatchObject({ cached: true });
    expect(h.storage.requests).toHaveLength(2);
  });

  it('uses the private-network link only when the setting says so', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(3000)]);
    h.state.network = 'inner';
    await h.download('b1');
    expect(h.storage.requests.map((r) => r.path)).toEqual(['inner/b1/shard-1.rdb']);
  });

  it('resumes a cut download with Range from where the part ends', async () => {
    h = await downloadHarness();
    const bytes = rdbLike(50_000);
    h.addBackup('b1', [bytes]);
    h.storage.faults.cutAfter = 12_288;
    const last = await h.download('b1');
    expect(last.state).toBe('done');
    expect(h.storage.requests.map((r) => r.range)).toEqual([undefined, 'bytes=12288-']);
    expect(h.storage.requests[1]?.status).toBe(206);
    expect(h.events.some((e) => e.resumedFromBytes === 12_288)).toBe(true);
    const [path] = (await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'b1')) ?? [];
    expect(await readFile(path as string)).toEqual(bytes);
  });

  it('restarts from byte 0 when the server ignores Range or names another start', async () => {
    for (const fault of ['ignoreRange', 'wrongRange'] as const) {
      h = await downloadHarness();
      const bytes = rdbLike(40_000, 7);
      h.addBackup('b1', [bytes]);
      h.storage.faults.cutAfter = 8192;
      h.storage.faults[fault] = true;
      const last = await h.download('b1');
      expect(last.state, fault).toBe('done');
      const [path] = (await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'b1')) ?? [];
      expect(await readFile(path as string), fault).toEqual(bytes);
    }
  });

  it('drops a connection that stalls for the idle timeout and resumes where it stopped', async () => {
    h = await downloadHarness({ idleTimeoutMs: 100 });
    const bytes = rdbLike(20_000);
    h.addBackup('b1', [bytes]);
    h.storage.faults.hold = new Promise(() => undefined);
    const last = await h.download('b1');
    expect(last.state).toBe('done');
    expect(h.storage.requests.map((r) => r.range)).toEqual([undefined, 'bytes=4096-']);
    const [path] = (await h.service.filesFor('p1', 'ap-guangzhou', 'crs-abcd1234', 'b1')) ?? [];
    expect(await readFile(path as string)).toEqual(bytes);
  });

  it('a cut that keeps happening ends as a failure that keeps the part, and a new start resumes it', async () => {
    h = await downloadHarness({ retries: 0 });
    const bytes = rdbLike(30_000);
    h.addBackup('b1', [bytes]);
    h.storage.faults.cutAfter = 4096;
    const failed = await h.download('b1');
    expect(failed).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_FAILED', bytes: 4096 });
    expect((await h.service.list()).entries[0]).toMatchObject({ state: 'partial', bytes: 4096 });
    const done = await h.download('b1');
    expect(done.state).toBe('done');
    expect(h.storage.requests.at(-1)?.range).toBe('bytes=4096-');
  });

  it('asks for new links once when a link expired, and resumes', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(20_000)]);
    // The server refuses the first link as expired (a link without a readable sign time).
    h.storage.expiredTokens.add('t1');
    const last = await h.download('b1');
    expect(last.state).toBe('done');
    expect(h.api.urlCalls).toBe(2);
    expect(h.storage.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('replaces a link whose signature runs out within a minute before using it', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(20_000)]);
    const backup = h.backups.get('b1');
    // The first answer's links end in 30 s (inside the margin); the refreshed ones in 6 h.
    Object.defineProperty(backup, 'lifetimeMs', {
      get: () => (h.api.urlCalls > 1 ? 6 * 3600_000 : 30_000),
    });
    const last = await h.download('b1');
    expect(last.state).toBe('done');
    expect(h.api.urlCalls).toBe(2);
    // The short-lived link was never sent: one request, with the fresh link, answered 200.
    expect(h.storage.requests.map((r) => r.status)).toEqual([200]);
  });

  it('says the link expired when the fresh links run out within a minute too, without sending either', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(20_000)], { lifetimeMs: 30_000 });
    expect(await h.download('b1')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_LINK_EXPIRED' });
    expect(h.api.urlCalls).toBe(2);
    expect(h.storage.requests).toEqual([]);
  });

  it('makes an existing cache folder private again', async () => {
    h = await downloadHarness();
    await mkdir(join(h.userData, CACHE_FOLDER, 'p1'), { recursive: true, mode: 0o755 });
    await chmod(join(h.userData, CACHE_FOLDER), 0o755);
    h.addBackup('b1', [rdbLike(2000)]);
    await h.download('b1');
    expect(await mode(join(h.userData, CACHE_FOLDER))).toBe(0o700);
    expect(await mode(join(h.userData, CACHE_FOLDER, 'p1'))).toBe(0o700);
  });

  it('says the link expired when a fresh one is refused too — after exactly one refresh', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(5000)]);
    h.storage.faults.deny = EXPIRED_XML;
    const last = await h.download('b1');
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_LINK_EXPIRED' });
    expect(h.api.urlCalls).toBe(2);
    expect(h.storage.requests).toHaveLength(2);
  });

  it('names a VPC/IP restriction when the API says downloads are limited', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(5000)]);
    h.storage.faults.deny = DENIED_XML;
    h.state.restriction = { limitType: 'LimitOnlyIntranet', vpcIds: [], ips: [] };
    const last = await h.download('b1');
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_RESTRICTED' });
    expect(h.api.restrictionCalls).toBe(1);
  });

  it('says denied, not restricted, when the API reports no limit', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(5000)]);
    h.storage.faults.deny = DENIED_XML;
    h.state.restriction = { limitType: 'NoLimit', vpcIds: [], ips: [] };
    const last = await h.download('b1');
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_DENIED' });
  });

  it('cancels: the part stays, and the next start resumes it', async () => {
    h = await downloadHarness();
    const bytes = rdbLike(30_000);
    h.addBackup('b1', [bytes]);
    let release: () => void = () => undefined;
    h.storage.faults.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started = await h.service.start(h.ref('b1'));
    // Listed as active from the start, before any byte (while it asks the cloud for links).
    expect((await h.service.list()).entries).toEqual([
      expect.objectContaining({ backupId: 'b1', state: 'active', downloadId: started.downloadId }),
    ]);
    await until(() => h.events.some((e) => e.state === 'downloading' && e.bytes === 4096));
    expect((await h.service.list()).entries[0]).toMatchObject({ state: 'active', bytes: 4096 });
    expect(h.service.cancel(started.downloadId)).toEqual({ cancelled: true });
    const last = await h.service.whenDone(started.downloadId);
    expect(last?.state).toBe('cancelled');
    release();
    h.storage.faults.hold = undefined;
    expect(h.service.cancel(started.downloadId)).toEqual({ cancelled: false });
    expect((await h.service.list()).entries[0]?.state).toBe('partial');
    expect((await h.download('b1')).state).toBe('done');
    expect(h.storage.requests.at(-1)?.range).toBe('bytes=4096-');
  });

  it('tells a fault of the app as such, not as a network failure', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(1000)]);
    h.api.describeBackupDetail = async () => {
      throw new TypeError('a bug');
    };
    expect(await h.download('b1')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_APP_FAULT' });
    expect(h.logger.lines.join('\n')).not.toContain('a bug');
  });

  it('refuses an unknown profile at once, before anything is fetched', async () => {
    h = await downloadHarness();
    await expect(h.service.start({ ...h.ref('b1'), profileId: 'nope' })).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
    });
  });

  it('fails clearly when the cloud offers no link for the chosen network', async () => {
    h = await downloadHarness();
    h.backups.set('b1', { files: [] });
    expect(await h.download('b1')).toMatchObject({ state: 'failed', errorCode: 'BACKUP_NO_DOWNLOAD_URL' });
  });

  it('never writes a link, a signature or a byte of the backup to the log', async () => {
    h = await downloadHarness();
    h.addBackup('b1', [rdbLike(9000)], { lifetimeMs: 3600_000 });
    h.storage.faults.cutAfter = 4096;
    await h.download('b1');
    const log = h.logger.lines.join('\n');
    expect(log).toContain('download done');
    expect(log).not.toMatch(/storage\.test|q-sign|q-signature|token=|REDIS0011/);
  });
});
