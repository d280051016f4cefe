/// <reference lib="dom" />
/**
 * What the end-to-end journeys share: a sandbox owned by the test (so it outlives app restarts and can be
 * stopped to go offline), profiles added through the form, desktop notifications observed through a wrapped
 * `window.Notification`, bridge frames recorded, redis-cli, and the secret-hygiene scan.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

/** Wraps Notification before the app loads, recording each one and keeping it so a test can "click" it. */
export async function observeNotifications(page: Page, origin: string): Promise<void> {
  await page.context().grantPermissions(['notifications'], { origin });
  await page.addInitScript(() => {
    const Original = window.Notification;
    const seen: Array<{ title: string; body: string; n: Notification }> = [];
    class Observed extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push({ title, body: options?.body ?? '', n: this });
      }
    }
    Object.defineProperty(Observed, 'permission', { get: () => Original.permission });
    Object.defineProperty(window, 'Notification', { value: Observed, configurable: true, writable: true });
    Object.assign(window, { __notifications: seen });
  });
}

export async function notifications(page: Page): Promise<Array<{ title: string; body: string }>> {
  return page.evaluate(() =>
    (
      (window as unknown as { __notifications?: Array<{ title: string; body: string }> }).__notifications ??
      []
    ).map(({ title, body }) => ({ title, body })),
  );
}

/** Clicks the n-th notification as the desktop would: its onclick runs in the page. */
export async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    const list = (window as unknown as { __notifications: Array<{ n: Notification }> }).__notifications;
    const n = list[i]?.n;
    n?.onclick?.(new Event('click'));
  }, index);
}

/** Every bridge frame the page receives, to prove no secret ever comes back over the bridge. */
export function recordBridgeFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  return frames;
}

export interface ProfileFields {
  name: string;
  secretId: string;
  secretKey: string;
  endpoint: string;
  regions: string;
  legacy?: boolean;
  environment?: 'production' | 'staging' | 'testing' | 'development' | 'sandbox';
}

/** Adds a profile through the form, with the connection test the form requires before saving. */
export async function addProfile(ui: AppPage, fields: ProfileFields): Promise<void> {
  const { page } = ui;
  const f = ui.t.profileForm;
  await ui.go('#/add-profile');
  await page.getByLabel(f.name, { exact: true }).fill(fields.name);
  await page.getByLabel(f.secretId, { exact: true }).fill(fields.secretId);
  await page.getByLabel(f.secretKey, { exact: true }).fill(fields.secretKey);
  if (fields.legacy) await page.getByLabel(f.generationLegacy, { exact: true }).check();
  await page.getByLabel(f.regions, { exact: true }).fill(fields.regions);
  await page.getByLabel(f.endpoint, { exact: true }).fill(fields.endpoint);
  if (fields.environment)
    await page.getByLabel(f.environment, { exact: true }).selectOption(fields.environment);
  await page.getByRole('button', { name: f.test }).click();
  await expect(page.getByText(/Connected to /)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: f.save }).click();
  await expect(ui.fleetRows().first()).toBeVisible({ timeout: 30_000 });
}

export function redisCli(port: number, password: string | undefined, ...args: string[]): string {
  const auth = password ? ['-a', password, '--no-auth-warning'] : [];
  return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...auth, ...args], {
    encoding: 'utf8',
  }).trim();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'chromium') return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Secret hygiene: the SecretKey and every instance password used appear nowhere in the user-data folder,
 * the app's log output, the renderer's DOM, localStorage, IndexedDB, or any bridge frame.
 */
export async function expectNoSecretsLeaked(
  page: Page,
  where: { userData: string; logs: string; frames: string[] },
  secrets: string[],
): Promise<void> {
  const dom = await page.content();
  const storage = await page.evaluate(async () => {
    const local = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    const dbs = (await indexedDB.databases?.()) ?? [];
    return `${local}${JSON.stringify(dbs)}${document.cookie}`;
  });
  const files = filesUnder(where.userData).map((f) => [f, readFileSync(f, 'latin1')] as const);
  for (const secret of secrets) {
    for (const [file, text] of files) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    expect(where.logs.includes(secret), `${secret} in the app's logs`).toBe(false);
    expect(dom.includes(secret), `${secret} in the DOM`).toBe(false);
    expect(storage.includes(secret), `${secret} in web storage`).toBe(false);
    expect(
      where.frames.some((f) => f.includes(secret)),
      `${secret} in a bridge frame`,
    ).toBe(false);
  }
}
