/**
 * Whether the OS keychain can be used, asked where a crash or a hang cannot take the app down. keytar is a
 * native module over libsecret: on Linux without a session bus it autolaunches its own D-Bus (and then a keyring
 * daemon it leaves running), waiting for tens of seconds with no X11; a locked keyring opens an unlock prompt whose
 * cancellation has crashed the process. So the first touch happens in a child process with a deadline, and only
 * a keychain that answered there is used by the app.
 */

/** Why the keychain is not used; each has its own sentence in the session-only banner and the log. */
export type ProbeFailure = 'no-session-bus' | 'timeout' | 'crashed' | 'cancelled' | 'error';

export type ProbeOutcome = { ok: true } | { ok: false; reason: ProbeFailure; detail: string };

/** What the child process reports (keychain-probe-child.ts). */
export type ProbeMessage = { ok: true } | { ok: false; message: string };

/**
 * Runs the child and resolves to what it reported, or to a failure when it exceeded the deadline or died.
 * Shell-specific: browser mode forks a Node child, the Electron shell a utility process.
 */
export type ProbeRunner = (timeoutMs: number) => Promise<ProbeOutcome>;

/** No usable keychain within this long means session-only: a start must never wait on a prompt. */
export const PROBE_TIMEOUT_MS = 2000;

/** The account the probe reads; reading one absent entry decrypts nothing and never prompts to create one. */
export const PROBE_ACCOUNT = '__crs-desk-probe__';

export async function probeKeychain(options: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  run: ProbeRunner;
  timeoutMs?: number;
}): Promise<ProbeOutcome> {
  if (options.platform === 'linux' && !options.env.DBUS_SESSION_BUS_ADDRESS) {
    return {
      ok: false,
      reason: 'no-session-bus',
      detail: 'No D-Bus session bus, so no Secret Service; the app does not start one of its own.',
    };
  }
  return options.run(options.timeoutMs ?? PROBE_TIMEOUT_MS);
}

/** Reads a child's report, its exit, or the deadline into one outcome. */
export function outcomeOf(
  event:
    | { kind: 'message'; message: ProbeMessage }
    | { kind: 'exit'; code: number | null; signal: string | null }
    | { kind: 'timeout'; timeoutMs: number },
): ProbeOutcome {
  switch (event.kind) {
    case 'message':
      if (event.message.ok) return { ok: true };
      return {
        ok: false,
        reason: /cancel|dismiss/i.test(event.message.message) ? 'cancelled' : 'error',
        detail: event.message.message.slice(0, 300),
      };
    case 'timeout':
      return {
        ok: false,
        reason: 'timeout',
        detail: `The keychain did not answer within ${event.timeoutMs} ms (a locked keyring waiting on a prompt?).`,
      };
    default:
      return {
        ok: false,
        reason: 'crashed',
        detail: `The keychain check ended without an answer (${event.signal ?? `exit ${event.code}`}).`,
      };
  }
}
