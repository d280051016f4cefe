/// <reference lib="dom" />
/**
 * Page object for the renderer: locators by role and accessible name, named from the app's own translation
 * files so one spec walks every screen in English and in Simplified Chinese.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { en, type Translation } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';

export type Lang = 'en' | 'zh-CN';
export type Theme = 'light' | 'dark';

export class AppPage {
  t: Translation = en;

  constructor(readonly page: Page) {}

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  /** Routes are hashes; setting one is what clicking a sidebar link does. */
  async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }

  nav(name: keyof Translation['nav']): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: this.t.nav[name] as string });
  }

  /** Sets language and theme through the Settings screen, as a user would. */
  async setPreferences(lang: Lang, theme: Theme): Promise<void> {
    await this.go('#/settings');
    await this.page.getByLabel(this.t.settings.language, { exact: true }).selectOption(lang);
    this.t = lang === 'en' ? en : zhCN;
    await expect(this.page.getByRole('heading', { name: this.t.settings.title, level: 2 })).toBeVisible();
    await this.page.getByLabel(this.t.settings.theme, { exact: true }).selectOption(theme);
    await expect(this.page.locator(`[data-theme="${theme}"]`)).toBeVisible();
  }

  async startSandbox(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.firstRun.sandboxTitle }).click();
    await expect(this.fleetRows().first()).toBeVisible({ timeout: 30_000 });
  }

  fleetGrid(): Locator {
    return this.page.getByTestId('fleet-grid');
  }

  fleetRows(): Locator {
    return this.fleetGrid().locator('tbody tr');
  }

  /** `/` focuses the search box from anywhere on the fleet screen; then replace what it holds. */
  async search(text: string): Promise<void> {
    await this.page.keyboard.press('/');
    const box = this.page.getByRole('searchbox');
    await expect(box).toBeFocused();
    await box.fill(text);
  }

  /** Opens an instance from the fleet with the keyboard: search, focus the grid, Enter. */
  async openInstance(name: string): Promise<void> {
    await this.go('#/fleet');
    await this.fleetGrid().waitFor();
    await this.page.locator('body').click({ position: { x: 5, y: 300 } });
    await this.search(name);
    await expect(this.fleetRows()).toHaveCount(1);
    await this.fleetGrid().focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }

  backupRadios(): Locator {
    return this.page.getByRole('radio');
  }

  restoreDialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens the restore dialog on its overwrite path (the dialog opens on the new-instance path). */
  async openRestoreDialog(): Promise<void> {
    await this.backupRadios().first().check();
    await this.page.getByRole('button', { name: this.t.instance.restoreSelected }).click();
    await expect(this.restoreDialog()).toBeVisible();
    await this.page.getByTestId('path-overwrite').check();
    await expect(this.page.getByTestId('preflight-checks')).toBeVisible();
  }

  /** Opens the restore dialog on its default path, restoring into a new instance, read from the source. */
  async openCloneDialog(backupIndex = 0): Promise<void> {
    await this.backupRadios().nth(backupIndex).check();
    await this.page.getByRole('button', { name: this.t.instance.restoreSelected }).click();
    await expect(this.restoreDialog()).toBeVisible();
    await expect(this.page.getByTestId('path-clone')).toBeChecked();
    await expect(this.page.getByTestId('clone-inherited')).toBeVisible({ timeout: 15_000 });
  }

  /** Runs axe and returns the serious and critical violations (ids and targets, for a readable failure). */
  async seriousViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}
