/// <reference lib="dom" />
/**
 * What the restore dialog says, as a DBA sees it: the consequence sentence for an engine Tencent documents as
 * overwritten in place (Redis 2.8), as cloned and swapped (Redis 6.2), and for one it does not document
 * (Valkey 8.0: the worst case), in English light and Chinese dark, with screenshots; then a restore started
 * outside the app (sent straight to the sandbox, as the console would) blocking a new one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api3CrsClient } from '../../electron/core/cloud/api3/api3-client';
import { createProxyFetch } from '../../electron/core/cloud/transport/proxy-fetch';
import { createMemoryLogger } from '../../electron/core/logging/logger';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { expect, screenshotPath, test } from './fixtures';
import { AppPage, type Lang, type Theme } from './pages/app-page';

const engines = [
  ['old-cache', 'inPlace'],
  ['orders-cache', 'cloneSwap'],
  ['valkey-sessions', 'assumedWorst'],
] as const;

for (const [lang, theme] of [
  ['en', 'light'],
  ['zh-CN', 'dark'],
] as Array<[Lang, Theme]>) {
  test(`the dialog says what a restore does to each engine, ${lang} ${theme}`, async ({ app, page }) => {
    test.setTimeout(120_000);
    const ui = new AppPage(page);
    await ui.open(app.launchUrl);
    await ui.setPreferences(lang, theme);
    await ui.go('#/fleet');
    await ui.startSandbox();
    for (const [name, semantics] of engines) {
      await ui.openInstance(name);
      await ui.openRestoreDialog();
      await expect(ui.restoreDialog().getByTestId('restore-semantics')).toHaveAttribute(
        'data-semantics',
        semantics,
      );
      // Times carry their zone, Beijing time by default as the console shows them.
      await expect(ui.restoreDialog().getByTestId('restore-backup-time')).toContainText('(UTC+8)');
      await page.screenshot({ path: screenshotPath(`restore-dialog-${semantics}-${lang}-${theme}`) });
      await page.keyboard.press('Escape');
      await expect(ui.restoreDialog()).toBeHidden();
    }
  });
}

test('a restore started outside the app blocks a new one, named by its task', async ({ app, page }) => {
  test.setTimeout(120_000);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await ui.go('#/fleet');
  await ui.startSandbox();
  const settings = JSON.parse(readFileSync(join(app.userData, 'settings.json'), 'utf8')) as {
    profiles: Array<{ endpoint?: string; environment: string }>;
  };
  const endpoint = settings.profiles.find((p) => p.environment === 'sandbox')?.endpoint;
  expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // "The console": the same cloud, another client, a restore the app's journal knows nothing about.
  const fetch = createProxyFetch({ env: {} });
  const consoleClient = new Api3CrsClient({
    fetch,
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    now: Date.now,
    random: Math.random,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    logger: createMemoryLogger(),
    endpoint,
  });
  const { backups } = await consoleClient.describeBackups({
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0015',
    limit: 10,
    offset: 0,
  });
  const backup = backups.find((b) => b.restorable);
  if (!backup) throw new Error('no restorable backup');
  const { taskId } = await consoleClient.restoreInstance({
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0015',
    backupId: backup.id,
    password: 'Valkey#15',
  });
  await fetch.close();

  await ui.openInstance('valkey-sessions');
  await ui.openRestoreDialog();
  const check = ui.restoreDialog().locator('[data-check="no-active-restore"]');
  await expect(check).toContainText(`task ${taskId}`);
  await expect(check).toContainText('started outside this app');
  await expect(page.getByTestId('restore-submit')).toBeDisabled();
  await page.screenshot({ path: screenshotPath('restore-dialog-console-restore-en-light') });
});

test('backups say why they cannot be chosen; a restore with a safety backup closes the dialog at once and shows the backup as its first step; the audit speaks Chinese', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await ui.go('#/fleet');
  await ui.startSandbox();

  // leaderboard holds a backup being exported and a deleted one (sandbox/README.md).
  await ui.openInstance('leaderboard');
  const reasons = page.getByTestId('not-restorable');
  await expect(reasons.filter({ hasText: 'Being exported' })).toContainText('once the export ends');
  await expect(reasons.filter({ hasText: 'Deleted' }).first()).toContainText('choose another backup');

  await ui.openInstance('orders-cache');
  await ui.openRestoreDialog();
  await page.getByLabel(ui.t.restore.passwordLabel, { exact: true }).fill('Orders#2024');
  await page.getByLabel(ui.t.restore.safetyBackup).check();
  await page.getByTestId('restore-confirm-input').fill('orders-cache');
  await page.getByTestId('restore-submit').click();
  // The dialog closes once the restore is journaled; the safety backup runs as the task's first step.
  await expect(ui.restoreDialog()).toBeHidden({ timeout: 5_000 });
  await ui.nav('tasks').click();
  await expect(page.getByTestId('safety-progress').first()).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: screenshotPath('task-safety-backup-en-light') });
  await expect(page.getByTestId('tasks-table').locator('tbody tr').first()).toContainText(
    ui.t.taskStatus.succeed,
    {
      timeout: 90_000,
    },
  );

  await ui.setPreferences('zh-CN', 'dark');
  await ui.nav('audit').click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('安全备份');
  await expect(table).not.toContainText('Safety backup task');
  await page.screenshot({ path: screenshotPath('audit-zh-CN-dark') });
});
