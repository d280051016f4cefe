// Debian packages the app and its tests need, installed through apt-get only when missing.
import { capture, isRoot, run } from './run.mjs';

/** Needed to build keytar from source when no prebuilt binary can be fetched. */
export const buildPackages = ['libsecret-1-dev', 'pkg-config', 'make', 'g++', 'python3'];

/** Everything the three test tiers touch: a real browser, keychain, D-Bus, Redis, X server, CJK fonts. */
export const testPackages = [
  'chromium',
  'dbus',
  'dbus-x11',
  'gnome-keyring',
  'libsecret-tools',
  'redis-server',
  'redis-tools',
  'xvfb',
  'xauth',
  'fonts-noto-cjk',
  'procps',
];

export function isDebian() {
  return capture('dpkg-query', ['--version']) !== undefined;
}

export function missingPackages(names) {
  return names.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
    const status = capture('dpkg-query', ['-W', '-f=${Status}', name]);
    return !status?.includes('install ok installed');
  });
}

/**
 * Installs what is missing. As root it uses apt-get; otherwise it prints the one line to run and fails,
 * because a half-provisioned machine gives confusing test failures later.
 */
export async function ensurePackages(names, { required = true } = {}) {
  if (!isDebian()) return true;
  const missing = missingPackages(names);
  if (missing.length === 0) return true;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot()) {
    const say = required ? console.error : console.log;
    say(`Missing Debian packages: ${missing.join(', ')}. Install them with:\n  sudo ${line}`);
    return !required;
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0)
    console.error('apt-get update failed; trying the install anyway.');
  const code = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  if (code !== 0) {
    console.error(`apt-get could not install ${missing.join(' ')}; run "${line}" and try again.`);
    return !required;
  }
  return true;
}
