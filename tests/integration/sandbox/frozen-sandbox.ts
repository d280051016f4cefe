// The demo sandbox on a frozen clock for a whole test file: started once, stopped after, and the clock moved
// one emulated second before each test. A frozen clock would otherwise apply the real per-second limits
// (RestoreInstance 20/s and the like) to the whole file; a fresh second keeps each test in a fresh window.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  ManualClock,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from '../../../sandbox/index.js';

export interface FrozenSandbox {
  /** The file's sandbox (started in beforeAll). */
  readonly sandbox: RunningSandbox;
  readonly clock: ManualClock;
}

export function frozenDemoSandbox(options: Pick<SandboxOptions, 'taskSeconds'> = {}): FrozenSandbox {
  const clock = new ManualClock(Date.now());
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'demo', clock, ...options });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  beforeEach(() => {
    clock.advance(1100);
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('frozenDemoSandbox: used outside a test');
      return sandbox;
    },
    clock,
  };
}
