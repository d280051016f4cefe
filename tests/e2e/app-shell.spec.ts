/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { en } from '../../renderer/src/i18n/en';
import { expect, launchTarget, screenshotPath, test } from './fixtures';

const codeOf = (url: string) => /#code=([0-9a-f]{64})/.exec(url)?.[1] ?? 'missing';

test('browser mode loads the renderer through the launch file, connects to the core and hides the code', async ({
  app,
  page,
}) => {
  const code = codeOf(app.launchUrl);
  await page.goto(pathToFileURL(app.launchFile).href);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CRS Restore Desk');
  await expect(page.getByText('Browser mode', { exact: true })).toBeVisible();
  // npm test runs e2e inside a gnome-keyring session, so the core finds a real keychain.
  await expect(page.getByTestId('secret-store')).toContainText('keychain');
  expect(page.url()).not.toContain('code=');
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
  );
  expect(stored).not.toContain(code);
  // The file now holds a fresh code: the one just used is spent.
  expect(codeOf(app.launchUrl)).not.toBe(code);
  await page.screenshot({ path: screenshotPath('welcome'), fullPage: true });
});

test('F5 keeps the session, and a second window opened from the launch file works too', async ({
  app,
  page,
  context,
}) => {
  await page.goto(app.launchUrl);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByText('Browser mode', { exact: true })).toBeVisible();
  }
  const second = await context.newPage();
  await second.goto(pathToFileURL(app.launchFile).href);
  await expect(second.locator('[data-app-state="ready"]')).toBeVisible();
  // Both windows are served: a preference saved in one reaches the other.
  await second.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await second.getByLabel('Theme', { exact: true }).selectOption('dark');
  await expect(page.locator('[data-theme="dark"]')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-theme="dark"]')).toBeVisible();
});

test('a page without a code gets a clear message, not the core', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('alert')).toContainText('no connection to the app core');
  await expect(page.getByRole('alert')).toContainText('launch file');
});

test('the printed address works once; a used code, even with the right Origin, gets nothing', async ({
  app,
  page,
  context,
}) => {
  await page.goto(app.printedUrl);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const thief = await context.newPage();
  await thief.goto(app.printedUrl);
  await expect(thief.getByRole('alert')).toHaveText(en.bridge.sessionEnded);
  // The same from a bare socket on the app's own origin, which the bridge's Origin check lets through.
  const answer = await thief.evaluate(async (code) => {
    const ws = new WebSocket(`ws://${location.host}/bridge`);
    await new Promise((r) => ws.addEventListener('open', r));
    ws.send(JSON.stringify({ hello: { code } }));
    return new Promise((r) => ws.addEventListener('message', (e) => r(JSON.parse(String(e.data)))));
  }, codeOf(app.printedUrl));
  expect(answer).toEqual({ hello: false });
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
});

test('no launch code or session secret is on a command line or in an environment', async ({ app, page }) => {
  await page.goto(pathToFileURL(app.launchFile).href);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const secrets = [
    codeOf(app.printedUrl),
    codeOf(launchTarget(app.launchFile)),
    (await page.evaluate(() => window.name)).replace('crs-desk-resume:', ''),
  ];
  expect(secrets.every((s) => /^[0-9a-f]{64}$/.test(s))).toBe(true);
  // Every process on the machine, which includes the app (app.pid) and the browser.
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  expect(pids).toContain(String(app.pid));
  for (const pid of pids) {
    for (const what of ['cmdline', 'environ']) {
      let text = '';
      try {
        text = readFileSync(`/proc/${pid}/${what}`, 'latin1');
      } catch {
        continue; // gone already
      }
      for (const secret of secrets) expect(text.includes(secret), `${what} of ${pid}`).toBe(false);
    }
  }
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
  // Without a hello, even a same-origin socket is refused: the session key lives only in the app's closure.
  expect(result).toMatchObject({ response: { ok: false, error: { code: 'FORBIDDEN_SENDER' } } });
  await expect(page.locator('[data-theme="system"]')).toBeVisible();
});
