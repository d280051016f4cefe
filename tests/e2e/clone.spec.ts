/// <reference lib="dom" />
/**
 * Restoring into a new instance, end to end in Chromium against a test-owned sandbox backed by real
 * redis-servers: from a backup and from a point in time, each followed to running, then checked with
 * redis-cli: the new instance holds exactly the backup's keys, and the source is untouched. Also the
 * screenshots of the two-path dialog, the price step and the point-in-time timeline (en light, zh-CN dark),
 * with axe on each.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { type RunningSandbox, startSandbox } from '../../sandbox/index';
import { baseBackupAt } from '../../sandbox/state/second-level';
import { expect, launchBrowserMode, type RunningApp, screenshotPath, test } from './fixtures';
import { AppPage, type Lang, type Theme } from './pages/app-page';
import { addProfile, redisCli } from './support/journey-kit';

let sandbox: RunningSandbox;
const running: RunningApp[] = [];
const SOURCE = 'crs-demo0001';
const SOURCE_PASSWORD = 'Orders#2024';

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', redis: true, taskSeconds: 4 });
});

test.afterAll(async () => {
  await sandbox?.stop();
});

test.afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
});

async function ready(page: Page): Promise<AppPage> {
  const app = await launchBrowserMode(mkdtempSync(join(tmpdir(), 'crs-clone-')));
  running.push(app);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await addProfile(ui, {
    name: 'Sandbox cloud (prod)',
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    endpoint: sandbox.url,
    regions: 'ap-guangzhou ap-shanghai ap-beijing',
    environment: 'production',
  });
  return ui;
}

function portOf(instanceId: string): number {
  const port = sandbox.redis?.portOf(instanceId);
  if (!port) throw new Error(`no redis-server for ${instanceId}`);
  return port;
}

const keys = (port: number, password: string) =>
  redisCli(port, password, 'KEYS', '*').split('\n').filter(Boolean).sort();

/**
 * The keys the source held when a backup was taken: each backup is marked by `gen:<k>` = its id
 * (sandbox/README.md, --redis), so the backup's keys are the source's less `gen:live` and the later `gen:*`.
 */
function keysAtBackup(port: number, password: string, backupId: string): string[] {
  const all = keys(port, password).filter((k) => k !== 'gen:live');
  const gens = all.filter((k) => k.startsWith('gen:'));
  const own = gens.find((k) => redisCli(port, password, 'GET', k) === backupId);
  if (!own) throw new Error(`no gen key marks ${backupId}`);
  const upTo = Number(own.slice('gen:'.length));
  return all.filter((k) => !k.startsWith('gen:') || Number(k.slice('gen:'.length)) <= upTo);
}

/** Fills the form, shows the price and checks, types the name and orders; returns the new instance's id. */
async function order(ui: AppPage, name: string, password: string): Promise<string> {
  const { page } = ui;
  await page.getByTestId('clone-name').fill(name);
  await page.getByTestId('clone-password').fill(password);
  await page.getByTestId('clone-review').click();
  await expect(page.getByTestId('clone-price-amount')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('clone-checks')).toBeVisible();
  await expect(page.locator('[data-testid="clone-checks"] [data-state="fail"]')).toHaveCount(0);
  const submit = page.getByTestId('clone-submit');
  await expect(submit).toBeDisabled();
  await page.getByTestId('clone-confirm-input').fill(name);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(ui.restoreDialog()).toBeHidden({ timeout: 15_000 });

  await ui.nav('tasks').click();
  const row = page.locator('tr', { has: page.getByTestId('clone-progress') }).filter({ hasText: name });
  await expect(row.getByTestId('clone-aftercare')).toBeVisible({ timeout: 90_000 });
  await expect(row).toContainText(ui.t.taskStatus.succeed);
  await expect(row.getByTestId('clone-address')).toBeVisible();
  const href = (await row.getByTestId('clone-open-new').getAttribute('href')) ?? '';
  const newId = decodeURIComponent(href.split('/').pop() ?? '');
  expect(newId).toMatch(/^crs-/);
  return newId;
}

test('clone from a backup: the price before the order, followed to running; redis holds the backup, the source is untouched', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ui = await ready(page);
  const sourcePort = portOf(SOURCE);
  const sourceKeys = keys(sourcePort, SOURCE_PASSWORD);
  const ordersBefore = sandbox.state.clones.ordersPlaced;

  await ui.openInstance('orders-cache');
  await ui.openCloneDialog();
  const backupId = (await ui.restoreDialog().getByTestId('restore-backup-id').textContent())?.trim() ?? '';
  const newId = await order(ui, 'orders-e2e-backup', 'Clone-2026a');
  await page.screenshot({ path: screenshotPath('clone-task-en-light') });
  expect(sandbox.state.clones.ordersPlaced).toBe(ordersBefore + 1);

  // The new instance holds exactly the backup: its keys are the source's at the backup (no gen:live).
  const port = portOf(newId);
  expect(redisCli(port, 'Clone-2026a', 'GET', 'sandbox:backup')).toBe(backupId);
  expect(keys(port, 'Clone-2026a')).toEqual(keysAtBackup(sourcePort, SOURCE_PASSWORD, backupId));
  expect(redisCli(port, 'Clone-2026a', 'GET', 'user:1')).toBe('orders-cache-user-1');
  // The source was not touched.
  expect(keys(sourcePort, SOURCE_PASSWORD)).toEqual(sourceKeys);
  expect(redisCli(sourcePort, SOURCE_PASSWORD, 'GET', 'sandbox:backup')).toBe('live');
  expect(sandbox.state.restoreCalls.get(SOURCE) ?? 0).toBe(0);

  // The link opens the new instance in the fleet.
  await page.getByTestId('clone-open-new').first().click();
  await expect(page.getByRole('heading', { name: 'orders-e2e-backup', level: 2 })).toBeVisible({
    timeout: 30_000,
  });
});

test('clone to a point in time chosen on the timeline: the gaps are skipped; redis holds the base backup of that time', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ui = await ready(page);
  await ui.openInstance('orders-cache');
  await ui.openCloneDialog();
  await page.getByTestId('point-time').check();
  const slider = page.getByRole('slider');
  await expect(slider).toBeVisible();
  await expect(page.getByTestId('pitr-gap-list').locator('li')).not.toHaveCount(0);
  // Five hours back from now lands in (or next to) a gap; the slider never stops inside one.
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  const at = Number(await slider.getAttribute('aria-valuenow'));
  const source = sandbox.state.instances.get(SOURCE);
  if (!source) throw new Error('no source');
  const base = baseBackupAt(sandbox.state, source, at);
  expect(base).toBeDefined();

  const newId = await order(ui, 'orders-e2e-pitr', 'Clone-2026b');
  const port = portOf(newId);
  expect(redisCli(port, 'Clone-2026b', 'GET', 'sandbox:backup')).toBe(base?.id);
  expect(keys(port, 'Clone-2026b')).toEqual(keysAtBackup(portOf(SOURCE), SOURCE_PASSWORD, base?.id ?? ''));
});

const screens: Array<[Lang, Theme]> = [
  ['en', 'light'],
  ['zh-CN', 'dark'],
];

for (const [lang, theme] of screens) {
  test(`the two-path dialog, the price step and the timeline, ${lang} ${theme}`, async ({ page }) => {
    test.setTimeout(120_000);
    const ui = await ready(page);
    await ui.setPreferences(lang, theme);
    const shot = async (name: string) => {
      await page.screenshot({ path: screenshotPath(`${name}-${lang}-${theme}`) });
      expect.soft(await ui.seriousViolations(), `axe on ${name} (${lang}, ${theme})`).toEqual([]);
    };
    await ui.openInstance('orders-cache');
    await ui.openCloneDialog();
    await shot('clone-paths');

    await page.getByTestId('point-time').check();
    await expect(page.getByRole('slider')).toBeVisible();
    await page.getByTestId('pitr-timeline').scrollIntoViewIfNeeded();
    await shot('clone-pitr');

    await page.getByTestId('point-backup').check();
    await page.getByTestId('clone-name').fill('orders-preview');
    await page.getByTestId('clone-password').fill('Clone-2026c');
    await page.getByTestId('clone-review').click();
    await expect(page.getByTestId('clone-price-amount')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('clone-checks')).toBeVisible();
    await shot('clone-price');
    // Nothing was ordered by looking.
    await page.keyboard.press('Escape');
    await expect(ui.restoreDialog()).toBeHidden();
  });
}
