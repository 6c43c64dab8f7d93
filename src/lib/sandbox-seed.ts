export type SandboxSeedName = 'demo' | 'empty' | 'large';

export const sandboxSeedNames: readonly SandboxSeedName[] = ['demo', 'empty', 'large'];
export const sandboxSeedStorageKey = 'iplb-console.sandbox-seed';

export const isSandboxSeedName = (value: unknown): value is SandboxSeedName =>
  sandboxSeedNames.includes(value as SandboxSeedName);
