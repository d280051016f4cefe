/**
 * The Electron shell: windows, preload, protocol, menu, electron-store and keytar wiring. It builds the same
 * core as browser mode and registers the same guarded handlers; no business logic lives here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, Notification, net, protocol, session, shell } from 'electron';
import Store from 'electron-store';
import { type EventChannel, invokeChannels } from '../../shared/ipc-contract';
import { finishedTarget, finishedTitle, type RestoreRecord } from '../../shared/tasks';
import { bootCore } from '../boot/boot-core';
import type { FetchLike } from '../core/cloud/crs-api';
import { chromiumProxyConfig } from '../core/cloud/transport/proxy-fetch';
import { BUILT_WORKER } from '../core/inspector/diff/diff-threads';
import { packagedWorkerEntry } from '../core/inspector/packaged-worker';
import { createLogger } from '../core/logging/logger';
import type { KeytarLike } from '../core/secrets/secret-store';
import type { DocumentStore } from '../core/settings/settings-service';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../core/web/content';
import { utilityProbeRunner } from './utility-probe';

const APP_SCHEME = 'crs-desk';
const APP_ORIGIN = `${APP_SCHEME}://app`;
const rendererRoot = join(__dirname, '../renderer');
const logger = createLogger({ module: 'shell' });
const require = createRequire(__filename);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Test and development builds may point userData elsewhere; a packaged build never honours it.
if (!app.isPackaged && process.env.CRS_DESK_USER_DATA)
  app.setPath('userData', process.env.CRS_DESK_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  app.setAppUserModelId('com.crs-restore-desk.app');
  serveRenderer();
  lockDownSessions();
  // net.fetch uses Chromium's network stack: the system proxy, PAC scripts and the OS certificate store.
  const fetch: FetchLike = (url, init) => net.fetch(url, init);
  const { core, guard } = await bootCore<Electron.IpcMainInvokeEvent>({
    shell: 'electron',
    version: app.getVersion(),
    userData: app.getPath('userData'),
    logger,
    secrets: {
      loadKeytar: async () => require('keytar') as KeytarLike,
      probe: utilityProbeRunner(join(__dirname, 'keychain-probe.js')),
    },
    // Profiles name endpoints, ids and regions: readable by the user only.
    settingsStore: () => new Store({ name: 'settings', configFileMode: 0o600 }) as unknown as DocumentStore,
    fetch,
    // Packaged, the diff worker runs from app.asar.unpacked (electron-builder.yml asarUnpack).
    ...(app.isPackaged
      ? {
          diffWorkerEntry: packagedWorkerEntry(
            pathToFileURL(join(__dirname, `${BUILT_WORKER}.js`)),
            existsSync,
            (message) => logger.error(message),
          ),
        }
      : {}),
    emit: (channel: EventChannel, payload: unknown) => {
      mainWindow?.webContents.send(channel, payload);
      if (channel === 'task:finished')
        notifyFinished(payload as RestoreRecord, core.settings.get().notifications);
    },
    isTrustedSender: (event: Electron.IpcMainInvokeEvent) =>
      mainWindow !== undefined &&
      event.sender === mainWindow.webContents &&
      event.senderFrame?.parent === null &&
      new URL(event.senderFrame.url).origin === APP_ORIGIN,
  });
  // The proxy preference drives Chromium's network stack (net.fetch), now and whenever it changes.
  const applyProxy = () =>
    void session.defaultSession.setProxy(chromiumProxyConfig(core.settings.get().proxy));
  applyProxy();
  core.settings.onChange(applyProxy);
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, request: unknown) => guard.dispatch(channel, event, request));
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  app.on('second-instance', () => mainWindow?.show());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void core.dispose());
  mainWindow = createWindow();
  mainWindow.webContents.once('did-finish-load', () => void core.start());
}

/** A desktop notification when a restore ends; clicking it brings the window up on that instance. */
function notifyFinished(record: RestoreRecord, enabled: boolean): void {
  if (!enabled || !Notification.isSupported()) return;
  const notification = new Notification({
    title: finishedTitle(record),
    body: record.message,
  });
  notification.on('click', () => {
    mainWindow?.show();
    mainWindow?.webContents.send('app:navigate', finishedTarget(record));
  });
  notification.show();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'CRS Restore Desk',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click would open links in new windows outside the navigation lock.
      disableBlinkFeatures: 'Auxclick',
      // A packaged build has no developer tools: they would let anyone at the keyboard drive the renderer.
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Serves the built renderer from a custom protocol (not file://), with the CSP as a header. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererRoot, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(extname(file)),
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Notifications are the only permission granted; nothing else is. */
function lockDownSessions(): void {
  // No <webview> is ever used; refuse any attempt to attach one.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'notifications'),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permission === 'notifications');
}

function menuTemplate(): Electron.MenuItemConstructorOptions[] {
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
