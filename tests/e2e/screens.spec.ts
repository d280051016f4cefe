/// <reference lib="dom" />
/**
 * Every screen in both languages and both themes, against the real browser mode and its built-in sandbox:
 * a screenshot of each under test-results/screenshots/, and axe on each (no serious or critical violation).
 * One full journey per combination: first run → sandbox → fleet → instance → restore → tasks → audit → settings.
 */
import { expect, screenshotPath, test } from './fixtures';
import { AppPage, type Lang, type Theme } from './pages/app-page';

const combos: Array<[Lang, Theme]> = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
];

for (const [lang, theme] of combos) {
  test(`every screen, ${lang} ${theme}`, async ({ app, page }) => {
    test.setTimeout(180_000);
    const ui = new AppPage(page);
    const shot = async (name: string) => {
      await page.screenshot({ path: screenshotPath(`${name}-${lang}-${theme}`), fullPage: false });
      expect.soft(await ui.seriousViolations(), `axe on ${name} (${lang}, ${theme})`).toEqual([]);
    };

    await ui.open(app.launchUrl);
    await ui.setPreferences(lang, theme);
    await shot('settings-empty');

    await ui.go('#/fleet');
    await expect(page.getByTestId('secret-store')).toBeVisible();
    await shot('first-run');

    await ui.go('#/add-profile');
    await expect(page.getByRole('button', { name: ui.t.profileForm.test })).toBeVisible();
    await shot('add-profile');

    await ui.go('#/fleet');
    await ui.startSandbox();
    await shot('fleet');

    await ui.openInstance('orders-cache');
    await expect(ui.backupRadios().first()).toBeVisible();
    await shot('instance');

    await ui.openRestoreDialog();
    await expect(page.getByTestId('restore-submit')).toBeDisabled();
    await page.getByLabel(ui.t.restore.passwordLabel, { exact: true }).fill('Orders#2024');
    await page.getByTestId('restore-confirm-input').fill('orders-cache');
    await expect(page.getByTestId('restore-submit')).toBeEnabled();
    await shot('restore-dialog');
    await page.getByTestId('restore-submit').click();
    await expect(ui.restoreDialog()).toBeHidden();

    await ui.nav('tasks').click();
    await expect(page.getByTestId('tasks-table')).toBeVisible();
    await shot('tasks');

    await ui.nav('audit').click();
    await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
    await shot('audit');

    await ui.nav('settings').click();
    await expect(page.getByRole('heading', { name: ui.t.settings.profiles })).toBeVisible();
    await shot('settings');
  });
}

test('the restore dialog traps focus and gives it back', async ({ app, page }) => {
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await ui.startSandbox();
  await ui.openInstance('session-store');
  await ui.backupRadios().first().check();
  const opener = page.getByRole('button', { name: ui.t.instance.restoreSelected });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(ui.restoreDialog()).toBeVisible();
  // Password-free instance: no password field.
  await expect(page.getByLabel(ui.t.restore.passwordLabel, { exact: true })).toHaveCount(0);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(ui.restoreDialog()).toBeHidden();
  await expect(opener).toBeFocused();
});

test('blocked and refused restores explain themselves', async ({ app, page }) => {
  test.setTimeout(120_000);
  const ui = new AppPage(page);
  await ui.open(app.launchUrl);
  await ui.startSandbox();

  // inventory is locked by a running restore: preflight fails and says why; Restore stays disabled.
  await ui.openInstance('inventory');
  await ui.openRestoreDialog();
  await expect(page.locator('.check-bad').first()).toBeVisible();
  await page.getByTestId('restore-confirm-input').fill('inventory');
  await expect(page.getByTestId('restore-submit')).toBeDisabled();
  await page.screenshot({ path: screenshotPath('restore-dialog-blocked-en-light') });
  expect(await ui.seriousViolations()).toEqual([]);
  await page.keyboard.press('Escape');

  // A wrong password: the dialog closes once the restore is accepted; the cloud's refusal ends the task with
  // the catalog's text, and the retry is the user's (Restore again… opens the dialog on the same backup).
  await ui.openInstance('orders-cache');
  await ui.openRestoreDialog();
  await page.getByLabel(ui.t.restore.passwordLabel, { exact: true }).fill('not-the-password');
  await page.getByTestId('restore-confirm-input').fill('orders-cache');
  await page.getByTestId('restore-submit').click();
  await expect(ui.restoreDialog()).toBeHidden();
  await expect(page.getByTestId('restore-again').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('restore-dialog-refused-en-light') });
  await page.getByTestId('restore-again').first().click();
  await expect(page.getByTestId('restore-submit')).toBeVisible();
});
