/// <reference lib="dom" />
/**
 * End-to-end journeys in Debian's Chromium against real browser mode, each in a fresh user-data folder, with a
 * test-owned sandbox backed by real redis-servers (so it survives app restarts and can be taken offline). The
 * e2e run happens inside a private D-Bus session with gnome-keyring: the real keychain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { type RunningSandbox, startSandbox } from '../../sandbox/index';
import { expect, launchBrowserMode, type RunningApp, screenshotPath, test } from './fixtures';
import { AppPage } from './pages/app-page';
import {
  addProfile,
  clickNotification,
  expectNoSecretsLeaked,
  notifications,
  observeNotifications,
  recordBridgeFrames,
  redisCli,
} from './support/journey-kit';

let sandbox: RunningSandbox;
const running: RunningApp[] = [];

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', redis: true, taskSeconds: 4 });
});

test.afterAll(async () => {
  await sandbox?.stop();
});

test.afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
});

async function freshApp(userData = mkdtempSync(join(tmpdir(), 'crs-journey-'))): Promise<RunningApp> {
  const app = await launchBrowserMode(userData);
  running.push(app);
  return app;
}

const v3Profile = (name = 'Sandbox cloud (prod)') => ({
  name,
  secretId: DEFAULT_SECRET_ID,
  secretKey: DEFAULT_SECRET_KEY,
  endpoint: sandbox.url,
  regions: 'ap-guangzhou ap-shanghai ap-beijing',
  environment: 'production' as const,
});

/** The redis-server behind a demo instance, as the sandbox reports it (WanIp/Port). */
function redisPort(instanceId: string): number {
  const port = sandbox.redis?.portOf(instanceId);
  if (!port) throw new Error(`no redis-server for ${instanceId}`);
  return port;
}

async function restoreNewestBackup(
  ui: AppPage,
  name: string,
  password: string | undefined,
  semantics: 'inPlace' | 'cloneSwap' | 'assumedWorst',
): Promise<string> {
  const { page } = ui;
  await ui.openInstance(name);
  await ui.openRestoreDialog();
  const dialog = ui.restoreDialog();
  // What the restore does to this engine, from the shared engine table (engine-rules.ts).
  await expect(dialog.getByTestId('restore-semantics')).toHaveAttribute('data-semantics', semantics);
  // Every check must pass, each shown with its result.
  await expect(dialog.locator('[data-check]')).toHaveCount(8);
  await expect(dialog.locator('.check-bad')).toHaveCount(0);
  const backupId = (await dialog.getByTestId('restore-backup-id').textContent())?.trim() ?? '';
  expect(backupId).not.toBe('');
  const submit = page.getByTestId('restore-submit');
  if (password) {
    await expect(submit).toBeDisabled();
    await page.getByLabel(ui.t.restore.passwordLabel, { exact: true }).fill(password);
  }
  // A production profile: Restore stays disabled until the instance name is typed exactly.
  await page.getByTestId('restore-confirm-input').fill(name.slice(0, -1));
  await expect(submit).toBeDisabled();
  await page.getByTestId('restore-confirm-input').fill(name);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog).toBeHidden();
  return backupId;
}

test('first run with the real keychain: add an API 3.0 profile; the SecretKey is in gnome-keyring and in no file', async ({
  page,
}) => {
  const app = await freshApp();
  const frames = recordBridgeFrames(page);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await expect(page.getByTestId('secret-store')).toContainText('keychain');
  await addProfile(ui, v3Profile());
  await page.screenshot({ path: screenshotPath('journey-first-run-fleet') });
  const keyring = execFileSync('sh', ['-c', 'secret-tool search --all service crs-restore-desk 2>&1'], {
    encoding: 'utf8',
  });
  expect(keyring).toContain(':secret-key');
  expect(keyring).toContain(DEFAULT_SECRET_KEY);
  await expectNoSecretsLeaked(page, { userData: app.userData, logs: app.output(), frames }, [
    DEFAULT_SECRET_KEY,
  ]);
});

test('browse, search, open, pick a backup, pass every safeguard, restore, get notified; redis holds exactly the backup', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await freshApp();
  const frames = recordBridgeFrames(page);
  await observeNotifications(page, app.url.replace(/\/$/, ''));
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await addProfile(ui, v3Profile());

  const port = redisPort('crs-demo0001');
  redisCli(port, 'Orders#2024', 'SET', 'e2e:after-backup', 'must vanish');
  const backupId = await restoreNewestBackup(ui, 'orders-cache', 'Orders#2024', 'cloneSwap');

  await ui.nav('tasks').click();
  const row = page.getByTestId('tasks-table').locator('tbody tr').first();
  await expect(row).toContainText(ui.t.taskStatus.succeed, { timeout: 60_000 });
  await expect
    .poll(() => notifications(page), { timeout: 10_000 })
    .toContainEqual(expect.objectContaining({ title: expect.stringContaining('orders-cache') }));
  await page.screenshot({ path: screenshotPath('journey-restore-succeeded') });

  // The instance now holds exactly the backup's data: its marker, and nothing written after it.
  expect(redisCli(port, 'Orders#2024', 'GET', 'sandbox:backup')).toBe(backupId);
  expect(redisCli(port, 'Orders#2024', 'EXISTS', 'e2e:after-backup')).toBe('0');
  expect(redisCli(port, 'Orders#2024', 'EXISTS', 'gen:live')).toBe('0');
  expect(redisCli(port, 'Orders#2024', 'GET', 'user:1')).toBe('orders-cache-user-1');
  expect(sandbox.state.restoreCalls.get('crs-demo0001')).toBe(1);

  // Clicking the notification opens that instance.
  await ui.go('#/tasks');
  await clickNotification(page, 0);
  await expect(page.getByRole('heading', { name: 'orders-cache', level: 2 })).toBeVisible();

  // The audit log lists the restore and exports it.
  await ui.nav('audit').click();
  const audit = page.getByTestId('audit-table');
  await expect(audit.locator('tbody tr').first()).toContainText('crs-demo0001');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /CSV/ }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(csv, 'utf8');
  expect(text).toContain('crs-demo0001');
  expect(text).toContain(backupId);
  expect(text).toMatch(/succeed/);
  await expectNoSecretsLeaked(page, { userData: app.userData, logs: app.output(), frames }, [
    DEFAULT_SECRET_KEY,
    'Orders#2024',
  ]);
});

test('quit while a restore runs, start again: the task resumes and ends with its notification', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const userData = mkdtempSync(join(tmpdir(), 'crs-journey-'));
  const first = await freshApp(userData);
  const ui = new AppPage(page);
  await ui.open(first.launchUrl);
  await addProfile(ui, v3Profile());
  await restoreNewestBackup(ui, 'leaderboard', 'Leader#Board3', 'cloneSwap');
  // The dialog closes once the restore is journaled; quit only after the request was sent and answered
  // (a quit before that closes the restore unsent at the next start, as reconcile.test.ts shows).
  await expect(page.getByTestId('tasks-table').locator('tbody tr').first()).toContainText(
    ui.t.phase.polling,
    {
      timeout: 30_000,
    },
  );
  await first.stop();

  const second = await freshApp(userData);
  await observeNotifications(page, second.url.replace(/\/$/, ''));
  await ui.open(second.launchUrl);
  await ui.nav('tasks').click();
  const row = page.getByTestId('tasks-table').locator('tbody tr').first();
  await expect(row).toContainText('leaderboard');
  await expect(row).toContainText(ui.t.taskStatus.succeed, { timeout: 60_000 });
  await expect
    .poll(() => notifications(page), { timeout: 10_000 })
    .toContainEqual(expect.objectContaining({ title: expect.stringContaining('leaderboard') }));
  expect(sandbox.state.restoreCalls.get('crs-demo0003')).toBe(1);
  rmSync(userData, { recursive: true, force: true });
});

test('legacy v2: a wrong password shows the 10712 message, a locked instance shows 10707, then a legacy restore succeeds', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await freshApp();
  const frames = recordBridgeFrames(page);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await addProfile(ui, { ...v3Profile('Private cloud (legacy)'), legacy: true, environment: 'staging' });

  await ui.openInstance('inventory');
  await ui.openRestoreDialog();
  await expect(ui.restoreDialog().locator('[data-check="instance-unlocked"]')).toContainText(
    'The instance is locked by another operation.',
  );
  await expect(page.getByTestId('restore-submit')).toBeDisabled();
  await page.keyboard.press('Escape');

  await ui.openInstance('orders-cache');
  await ui.openRestoreDialog();
  // The connection-string form is the classic mistake the 10712 message explains.
  await page.getByLabel(ui.t.restore.passwordLabel, { exact: true }).fill('crs-demo0001:Orders#2024');
  await page.getByTestId('restore-confirm-input').fill('orders-cache');
  await page.getByTestId('restore-submit').click();
  // The dialog closes once the restore is accepted; the cloud's refusal ends the task, on the instance page.
  await expect(ui.restoreDialog()).toBeHidden();
  const refused = page.locator('[data-testid="task-refusal"]').first();
  await expect(refused).toContainText('10712', { timeout: 30_000 });
  await expect(page.getByTestId('tasks-table').locator('tbody tr').first()).toContainText(
    'The instance password is wrong.',
  );
  await page.screenshot({ path: screenshotPath('journey-legacy-10712') });

  // The legacy listing names no engine version, so this Redis 2.8 instance is described by the worst case
  // (overwritten in place, no way back), never as clone-and-swap.
  await restoreNewestBackup(ui, 'old-cache', 'OldCache#7', 'assumedWorst');
  await ui.nav('tasks').click();
  await expect(page.getByTestId('tasks-table').locator('tbody tr').first()).toContainText(
    ui.t.taskStatus.succeed,
    {
      timeout: 60_000,
    },
  );
  await expectNoSecretsLeaked(page, { userData: app.userData, logs: app.output(), frames }, [
    DEFAULT_SECRET_KEY,
    'OldCache#7',
    'crs-demo0001:Orders#2024',
  ]);
});

test('offline: the cached fleet shows as stale, restore is disabled, nothing crashes; back online it recovers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const own = await startSandbox({ port: 0, seed: 'demo', taskSeconds: 4 });
  const port = own.port;
  let current: RunningSandbox | undefined = own;
  try {
    const app = await freshApp();
    const ui = new AppPage(page);
    await ui.open(app.launchUrl);
    await addProfile(ui, { ...v3Profile('Offline test'), endpoint: own.url });
    await own.stop();
    current = undefined;
    await page.getByRole('button', { name: ui.t.fleet.refresh }).click();
    await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 60_000 });
    await expect(ui.fleetRows().first()).toBeVisible();
    await ui.openInstance('orders-cache');
    await expect(page.getByRole('button', { name: ui.t.instance.restoreSelected })).toBeDisabled();
    await page.screenshot({ path: screenshotPath('journey-offline') });

    current = await startSandbox({ port, seed: 'demo', taskSeconds: 4 });
    await ui.go('#/fleet');
    await page.getByRole('button', { name: ui.t.fleet.refresh }).click();
    await expect(page.getByTestId('stale-banner')).toBeHidden({ timeout: 60_000 });
    await ui.openInstance('orders-cache');
    await ui.backupRadios().first().check();
    await expect(page.getByRole('button', { name: ui.t.instance.restoreSelected })).toBeEnabled();
  } finally {
    await current?.stop();
  }
});
