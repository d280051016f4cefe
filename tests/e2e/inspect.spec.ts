/// <reference lib="dom" />
/**
 * The backup inspector against browser mode and its sandbox (real signed links on the sandbox's object
 * store, real RDB files): Inspect on a backup row → download → report (prefix tree by keyboard) → find with a
 * glob → a value preview → compare with the newest backup. axe on each view; screenshots of report, find and
 * compare in English light and Chinese dark, kept in docs/screenshots/.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { AppPage, type Lang, type Theme } from './pages/app-page';

const docsShot = (name: string) => join(import.meta.dirname, '../../docs/screenshots', `${name}.png`);

const combos: Array<[Lang, Theme]> = [
  ['en', 'light'],
  ['zh-CN', 'dark'],
];

for (const [lang, theme] of combos) {
  test(`inspect, find and compare a backup, ${lang} ${theme}`, async ({ app, page }) => {
    test.setTimeout(180_000);
    const ui = new AppPage(page);
    const check = async (name: string) => {
      await page.screenshot({ path: docsShot(`${name}-${lang}-${theme}`), fullPage: false });
      expect.soft(await ui.seriousViolations(), `axe on ${name} (${lang}, ${theme})`).toEqual([]);
    };

    await ui.open(app.launchUrl);
    await ui.setPreferences(lang, theme);
    await ui.go('#/fleet');
    await ui.startSandbox();
    await ui.openInstance('orders-cache');

    // The second newest backup, so that comparing with the newest has something to say.
    const inspect = page.getByTestId('inspect-backup');
    await expect(inspect.nth(1)).toBeVisible();
    await inspect.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('download-start').click();
    const report = page.getByTestId('inspect-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    // The sandbox's backups hold strings (its redis-server's data) or hashes too (its own RDB files).
    await expect(page.getByTestId('types-chart')).toHaveAttribute('aria-label', /string \d/);
    await expect(page.getByTestId('big-keys').locator('tbody tr').first()).toBeVisible();

    // The prefix tree by keyboard: one tab stop; arrows, Home and End move; Right opens a prefix.
    const items = page.getByRole('treeitem');
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(items.first()).toBeFocused();
    const expandable = page.locator('[role="treeitem"][aria-expanded]').first();
    if ((await expandable.count()) > 0) {
      await expandable.focus();
      await page.keyboard.press('ArrowRight');
      await expect(expandable).toHaveAttribute('aria-expanded', 'true');
    }
    // The page from its title: the summary and the charts, as a DBA first sees them.
    await page.evaluate(() => document.getElementById('inspect-title')?.scrollIntoView({ block: 'start' }));
    await check('inspect-report');

    await page.getByTestId('inspect-tab-find').click();
    await page.getByTestId('find-pattern').fill('user:*');
    await page.keyboard.press('Enter');
    const results = page.getByTestId('find-results');
    await expect(results.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
    await results.getByTestId('show-value').first().click();
    const preview = page.getByTestId('value-preview');
    // The value itself (a hash's fields and values, or a string's text), read again from the backup: never
    // an error such as INSPECT_PREVIEW_UNAVAILABLE, never a stuck spinner.
    await expect(preview.locator('.value-items li, pre.value-text').first()).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('status')).toHaveCount(0);
    await expect(preview.getByRole('alert')).toHaveCount(0);
    await check('inspect-find');
    await preview.press('Escape');
    await expect(preview).toHaveCount(0);

    await page.getByTestId('inspect-tab-compare').click();
    await expect(page.getByTestId('compare-other')).toBeVisible();
    // The newest backup is not on this computer yet: download it first.
    const downloadOther = page.getByTestId('compare-view').getByTestId('download-start');
    if (await downloadOther.isVisible()) await downloadOther.click();
    await page.getByTestId('compare-run').click({ timeout: 60_000 });
    const loss = page.getByTestId('loss-box');
    await expect(loss).toBeVisible({ timeout: 60_000 });
    await expect(loss).toContainText(ui.t.compare.lossTitle);
    await check('inspect-compare');
  });
}
