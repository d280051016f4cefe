/// <reference lib="dom" />
/**
 * The same renderer and core through the Electron shell, with Playwright's `_electron`, where an Electron
 * binary exists. Here (no binary can be downloaded) it is skipped with one line; the browser-mode specs cover
 * the renderer and the core, and the shell's wiring is typechecked and scanned by Electronegativity.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../sandbox/constants';
import { startSandbox } from '../../sandbox/index';
import { electronBinary } from '../../scripts/lib/npm-deps.mjs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { addProfile } from './support/journey-kit';

const root = join(import.meta.dirname, '../..');

const binary = electronBinary(root);
const why =
  'Electron binary not installed here: Electron specs skipped; browser mode covers the same renderer and core.';
if (!binary) console.log(why);

test.describe('Electron shell', () => {
  test.skip(!binary, why);

  test('opens the app window, adds a profile, restores, and keeps the secret out of the window', async () => {
    test.setTimeout(120_000);
    const userData = mkdtempSync(join(tmpdir(), 'crs-electron-'));
    const sandbox = await startSandbox({ port: 0, seed: 'demo', taskSeconds: 3 });
    const app = await electron.launch({
      executablePath: binary,
      args: [root, '--no-sandbox'],
      env: { ...process.env, CRS_DESK_USER_DATA: userData },
    });
    try {
      const page = await app.firstWindow();
      const ui = new AppPage(page);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      expect(await page.evaluate(() => typeof (window as unknown as { crs?: unknown }).crs)).toBe('object');
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      await addProfile(ui, {
        name: 'Electron journey',
        secretId: DEFAULT_SECRET_ID,
        secretKey: DEFAULT_SECRET_KEY,
        endpoint: sandbox.url,
        regions: 'ap-guangzhou',
      });
      expect(await page.content()).not.toContain(DEFAULT_SECRET_KEY);
    } finally {
      await app.close();
      await sandbox.stop();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
