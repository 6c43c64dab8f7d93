import type { SandboxState, SeedName } from '../state';
import { buildDemoSeed } from './demo';
import { buildEmptySeed } from './empty';
import { buildLargeSeed } from './large';

/** A fresh, deterministic state for a seed; dates are relative to `now`. */
export function buildSeed(seed: SeedName, now: number): SandboxState {
  switch (seed) {
    case 'empty':
      return buildEmptySeed(now);
    case 'large':
      return buildLargeSeed(now);
    default:
      return buildDemoSeed(now);
  }
}
