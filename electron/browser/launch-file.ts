/**
 * The private launch file: an HTML page that sends its reader to the app with a fresh single-use code. The
 * app opens this file (its path is all that appears on Chromium's command line, which every local user can
 * read in /proc/PID/cmdline), and the user can open it again at any time to get back in.
 *
 * The idea is Jupyter Server's: it writes `jpserver-PID-open.html`, a redirect page, and opens that file
 * instead of the tokenized URL (jupyter-server/jupyter_server, jupyter_server/serverapp.py,
 * `write_browser_open_file` and `_prepare_browser_open`). Jupyter's file holds its long-lived token; ours
 * holds only a code that is single-use and short-lived, replaced as soon as it is used and well before it
 * expires, so the file always works and a copy of it soon does not.
 *
 * The folder is 0700 and the file 0600, written to a temporary name and renamed, so no other user can read
 * it and nobody sees it half-written. A folder that is a symlink or belongs to another user is refused.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface LaunchFileOptions {
  folder: string;
  /** `http://127.0.0.1:PORT/`. */
  appUrl: string;
  mintCode: () => string;
  /** How often a fresh code replaces the file's, whether or not it was used: less than the code's life. */
  refreshMs: number;
  /** A later rewrite that fails (a full disk) is reported here; the app keeps running. */
  onError?: (error: unknown) => void;
}

export class LaunchFile {
  readonly path: string;
  readonly #options: LaunchFileOptions;
  readonly #timer: NodeJS.Timeout;
  #code = '';

  constructor(options: LaunchFileOptions) {
    this.#options = options;
    preparePrivateFolder(options.folder);
    removeStaleFiles(options.folder);
    this.path = join(options.folder, `crs-desk-${process.pid}-open.html`);
    this.refresh();
    this.#timer = setInterval(() => this.#renew(), options.refreshMs);
    this.#timer.unref();
  }

  /** The address the file currently sends its reader to. */
  get target(): string {
    return launchAddress(this.#options.appUrl, this.#code);
  }

  /** Writes a fresh code; called on a timer and whenever the file's code was redeemed. */
  refresh(): void {
    this.#code = this.#options.mintCode();
    writePrivateFile(this.path, launchPage(this.target));
  }

  /** The file's own code was used: the next reader needs a new one. */
  redeemed(code: string): void {
    if (code === this.#code) this.#renew();
  }

  /** A rewrite after the first: a failure is reported, and the page that just got in is not affected. */
  #renew(): void {
    try {
      this.refresh();
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  remove(): void {
    clearInterval(this.#timer);
    rmSync(this.path, { force: true });
  }
}

/** Launch files left by runs that ended without removing theirs (a crash): dead codes for dead ports. */
function removeStaleFiles(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = Number(/^crs-desk-(\d+)-open\.html/.exec(name)?.[1] ?? Number.NaN);
    if (Number.isNaN(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(folder, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function launchAddress(appUrl: string, code: string): string {
  return `${appUrl}#code=${code}`;
}

/** A redirect that works without script, and a link for a browser that ignores the refresh. */
function launchPage(target: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${target}">`,
    '<title>CRS Restore Desk</title></head>',
    `<body><p><a href="${target}">Open CRS Restore Desk</a> · <a href="${target}">打开 CRS Restore Desk</a></p></body></html>`,
    '',
  ].join('\n');
}

export function preparePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) {
    throw new Error(`${folder} must be a folder of your own, not a link or another user's folder.`);
  }
  // mkdir's mode does not apply to a folder that already existed (or is masked by the umask).
  if ((stat.mode & 0o777) !== 0o700) chmodSync(folder, 0o700);
}

function writePrivateFile(path: string, text: string): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
