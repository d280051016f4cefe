/**
 * "Explore with the built-in sandbox": starts the local CRS sandbox once per app run and keeps one profile
 * pointing at it. The sandbox's port changes between runs, so the profile's endpoint and key are refreshed
 * each time rather than a new profile being added.
 */
import { AppError } from '../../../shared/errors';
import type { ProfileView } from '../../../shared/profiles';
import type { Logger } from '../logging/logger';
import type { ProfileService } from '../profiles/profile-service';

export interface StartedSandbox {
  url: string;
  credentials: { secretId: string; secretKey: string };
  regions: string[];
  stop(): Promise<void>;
}

export type SandboxStarter = () => Promise<StartedSandbox>;

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

  async start(): Promise<ProfileView> {
    this.#running ??= this.#start().catch((error: unknown) => {
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
    const existing = this.#profiles
      .stored()
      .find((p) => p.environment === 'sandbox' && p.name === SANDBOX_PROFILE_NAME);
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
