import type { SandboxState } from '../state/store.js';
import { seedDemo } from './demo.js';
import { MAX_FLEET_SIZE, seedFleet } from './fleet.js';

/** `demo`, `fleet:N` (1 ≤ N ≤ 100,000) or `empty`. */
export type SeedName = string;

/** Returns an error message for an invalid seed name, or null. */
export function validateSeed(seed: string): string | null {
  if (seed === 'demo' || seed === 'empty') return null;
  const match = /^fleet:(\d+)$/.exec(seed);
  const count = match ? Number(match[1]) : Number.NaN;
  if (Number.isInteger(count) && count >= 1 && count <= MAX_FLEET_SIZE) return null;
  return `--seed must be "demo", "empty" or "fleet:N" with 1 ≤ N ≤ ${MAX_FLEET_SIZE} (got "${seed}")`;
}

export function applySeed(state: SandboxState, seed: SeedName): void {
  const problem = validateSeed(seed);
  if (problem) throw new Error(problem);
  if (seed === 'demo') seedDemo(state);
  else if (seed.startsWith('fleet:')) seedFleet(state, Number(seed.slice('fleet:'.length)));
}
