/// <reference lib="dom" />
import { expect, screenshotPath, test } from './fixtures';

test('browser mode loads the renderer, connects to the core and hides the launch token', async ({
  app,
  page,
}) => {
  await page.goto(app.launchUrl);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CRS Restore Desk');
  await expect(page.getByText('Browser mode', { exact: true })).toBeVisible();
  // npm test runs e2e inside a gnome-keyring session, so the core finds a real keychain.
  await expect(page.getByTestId('secret-store')).toContainText('keychain');
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => JSON.stringify(localStorage) + document.cookie)).not.toContain(
    app.launchUrl.split('=')[1],
  );
  await page.screenshot({ path: screenshotPath('welcome'), fullPage: true });
});

test('a page without the token gets a clear message, not the core', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('alert')).toContainText('no connection to the app core');
});

test('the renderer follows a theme change saved through the bridge', async ({ app, page }) => {
  await page.goto(app.launchUrl);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const result = await page.evaluate(async () => {
    // The same contract the UI uses, reached the way any code in the page could: the bridge socket.
    const ws = new WebSocket(`ws://${location.host}/bridge`);
    await new Promise((r) => ws.addEventListener('open', r));
    ws.send(JSON.stringify({ id: 1, channel: 'settings:update', request: { theme: 'dark' } }));
    return new Promise((r) => ws.addEventListener('message', (e) => r(JSON.parse(String(e.data)))));
  });
  // Without the token, even a same-origin socket is refused: the token lives only in the app's closure.
  expect(result).toMatchObject({ response: { ok: false, error: { code: 'FORBIDDEN_SENDER' } } });
  await expect(page.locator('[data-theme="system"]')).toBeVisible();
});
