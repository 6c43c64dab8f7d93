// @vitest-environment node
import { clearBrowserSandboxStorage, createBrowserStorage, sandboxStorageKey } from './browser-storage';
import { createSandbox } from './sandbox';
import { callSandbox, fakeClock } from './testing/call';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('browser storage', () => {
  it('persists the state under one key per seed and restores it', async () => {
    const storage = new MemoryStorage();
    const sandbox = createSandbox({ clock: fakeClock(), storage: createBrowserStorage({ seed: 'demo', storage }) });
    await callSandbox(sandbox, 'PUT', '/ipLoadbalancing/loadbalancer-demo-gra', { body: { displayName: 'Saved' } });
    expect(storage.getItem(sandboxStorageKey('demo'))).toContain('"Saved"');
    const restored = createSandbox({ clock: fakeClock(), seed: 'demo', storage: createBrowserStorage({ seed: 'demo', storage }) });
    expect(restored.state.services['loadbalancer-demo-gra']!.ip.displayName).toBe('Saved');
    restored.reset('empty');
    expect(storage.getItem(sandboxStorageKey('empty'))).not.toBeNull();
    clearBrowserSandboxStorage(storage);
    expect(storage.length).toBe(0);
  });

  it('ignores corrupt entries and survives a full storage', async () => {
    const storage = new MemoryStorage();
    storage.setItem(sandboxStorageKey('demo'), '{not json');
    const errors: unknown[] = [];
    const browserStorage = createBrowserStorage({ seed: 'demo', storage, onError: (error) => errors.push(error) });
    expect(browserStorage.load()).toBeNull();
    storage.quota = 10;
    const sandbox = createSandbox({ clock: fakeClock(), storage: browserStorage });
    const response = await callSandbox(sandbox, 'POST', '/ipLoadbalancing/loadbalancer-demo-gra/http/farm', { body: { zone: 'gra' } });
    expect(response.status).toBe(200);
    expect(errors).toHaveLength(1);
  });
});
