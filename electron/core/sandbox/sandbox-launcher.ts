/**
 * "Explore with the built-in sandbox": starts the local CRS sandbox once per app run and keeps one profile
 * pointing at it. The sandbox's port changes between runs, so the profile's endpoint and key are refreshed
 * each time rather than a new profile being added.
 */
import { AppError } from '../../../shared/errors';
import type { ProfileView, StoredProfile } from '../../../shared/profiles';
import type { Logger } from '../logging/logger';
import type { ProfileService } from '../profiles/profile-service';

export interface StartedSandbox {
  url: string;
  credentials: { secretId: string; secretKey: string };
  regions: string[];
  stop(): Promise<void>;
}

/** Starts the sandbox, on `preferredPort` when given and free (else any port). */
export type SandboxStarter = (preferredPort?: number) => Promise<StartedSandbox>;

export const SANDBOX_PROFILE_NAME = 'Built-in sandbox';

export class SandboxLauncher {
  readonly #start: SandboxStarter;
  readonly #profiles: ProfileService;
  readonly #log: Logger;
  #running: Promise<StartedSandbox> | undefined;

  constructor(deps: { start: SandboxStarter; profiles: ProfileService; logger: Logger }) {
    this.#start = deps.start;
    this.#profiles = deps.profiles;
    this.#log = deps.logger.child('sandbox');
  }

  /** Whether the sandbox runs in this app now (Settings shows it and offers start or stop). */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** The built-in sandbox's profile, when one was added. */
  profile(): StoredProfile | undefined {
    return this.#profiles
      .stored()
      .find((p) => p.environment === 'sandbox' && p.name === SANDBOX_PROFILE_NAME);
  }

  /**
   * At launch: the sandbox profile is dead unless something starts the sandbox again. It is started when that
   * profile was the one in use when the app last ran (or is the only profile), on its old port when free.
   */
  async resumeAtLaunch(lastProfileId: string | undefined): Promise<boolean> {
    const profile = this.profile();
    if (!profile) return false;
    const only = this.#profiles.stored().length === 1;
    if (profile.id !== lastProfileId && !only) return false;
    await this.start();
    return true;
  }

  async start(): Promise<ProfileView> {
    const port = portOf(this.profile()?.endpoint);
    this.#running ??= this.#start(port).catch((error: unknown) => {
      this.#running = undefined;
      this.#log.error('sandbox failed to start', {
        error: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
      });
      throw new AppError('SANDBOX_UNAVAILABLE');
    });
    const sandbox = await this.#running;
    const fields = {
      name: SANDBOX_PROFILE_NAME,
      secretId: sandbox.credentials.secretId,
      generation: 'v3' as const,
      endpoint: sandbox.url.replace(/\/$/, ''),
      regions: sandbox.regions,
      defaultRegion: sandbox.regions[0] ?? 'ap-guangzhou',
      environment: 'sandbox' as const,
    };
    const existing = this.profile();
    if (existing) {
      return this.#profiles.update({ id: existing.id, ...fields, secretKey: sandbox.credentials.secretKey });
    }
    return this.#profiles.create({ ...fields, secretKey: sandbox.credentials.secretKey });
  }

  async stop(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    if (running) await (await running.catch(() => undefined))?.stop();
  }
}

/** The port of a loopback endpoint such as `http://127.0.0.1:41234`. */
function portOf(endpoint: string | undefined): number | undefined {
  const match = endpoint ? /:(\d{1,5})\/?$/.exec(endpoint) : null;
  const port = match ? Number(match[1]) : Number.NaN;
  return port > 0 && port < 65536 ? port : undefined;
}
