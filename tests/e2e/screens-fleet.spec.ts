/// <reference lib="dom" />
/**
 * A real 100,000-instance fleet: a profile added through the form (connection test first) against a
 * `fleet:100000` sandbox, pages streaming in with per-region progress, instant search, then the offline
 * banner once the sandbox is gone. Screenshots of each state; axe on each.
 */
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { startSandbox } from '../../sandbox/index';
import { SDK_REGIONS } from '../../shared/crs-regions';
import { expect, screenshotPath, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('a 100,000-instance fleet streams in, searches instantly, and goes stale offline', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const sandbox = await startSandbox({ port: 0, seed: 'fleet:100000' });
  try {
    const ui = new AppPage(page);
    await ui.open(app.launchUrl);
    await ui.go('#/add-profile');
    const f = ui.t.profileForm;
    await page.getByLabel(f.name, { exact: true }).fill('Load test (prod)');
    await page.getByLabel(f.secretId, { exact: true }).fill(DEFAULT_SECRET_ID);
    await page.getByLabel(f.secretKey, { exact: true }).fill(DEFAULT_SECRET_KEY);
    // fleet:N spreads its instances over every region of the SDK's list; Guangzhou first, as the default
    // region the connection test reads.
    const regions = ['ap-guangzhou', ...SDK_REGIONS.filter((r) => r !== 'ap-guangzhou')];
    await page.getByLabel(f.regions, { exact: true }).fill(regions.join(' '));
    await page.getByLabel(f.endpoint, { exact: true }).fill(sandbox.url);
    await page.getByRole('button', { name: f.test }).click();
    await expect(page.getByText(/Connected to ap-guangzhou/)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('add-profile-tested-en-light') });
    await page.getByRole('button', { name: f.save }).click();

    // Pages stream in: rows show before the listing ends, with the progress line.
    await expect(ui.fleetRows().first()).toBeVisible({ timeout: 60_000 });
    if (await page.locator('.region-progress progress').isVisible()) {
      await page.screenshot({ path: screenshotPath('fleet-streaming-en-light') });
    }
    await expect(page.getByTestId('fleet-count')).toHaveText('100,000 of 100,000 instances', {
      timeout: 120_000,
    });
    await page.screenshot({ path: screenshotPath('fleet-100k-en-light') });
    expect(await ui.seriousViolations()).toEqual([]);

    // Scroll to the end with the keyboard; the grid keeps only the visible rows in the DOM.
    await ui.fleetGrid().focus();
    await page.keyboard.press('End');
    expect(await ui.fleetRows().count()).toBeLessThan(80);
    await ui.search('orders-00001');
    await expect(page.getByTestId('fleet-count')).not.toHaveText(/^100,000 of/);
    await page.screenshot({ path: screenshotPath('fleet-100k-search-en-light') });

    // The cloud goes away: the refresh fails, the fleet is kept and marked stale, restores are disabled.
    await sandbox.stop();
    await page.getByRole('button', { name: ui.t.fleet.refresh }).click();
    await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 120_000 });
    await page.screenshot({ path: screenshotPath('fleet-offline-en-light') });
    expect(await ui.seriousViolations()).toEqual([]);
  } finally {
    await sandbox.stop().catch(() => undefined);
  }
});
