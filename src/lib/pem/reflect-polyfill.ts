/**
 * The few `Reflect` metadata functions that tsyringe (a dependency of @peculiar/x509) checks for at load time.
 * Import this module BEFORE any module that imports @peculiar/x509; it does nothing when a full
 * polyfill (reflect-metadata) is already installed.
 */
type Key = unknown;
type Target = object;

interface ReflectMetadata {
  defineMetadata(key: Key, value: unknown, target: Target, property?: PropertyKey): void;
  getOwnMetadata(key: Key, target: Target, property?: PropertyKey): unknown;
  getMetadata(key: Key, target: Target, property?: PropertyKey): unknown;
  hasMetadata(key: Key, target: Target, property?: PropertyKey): boolean;
  metadata(key: Key, value: unknown): (target: Target, property?: PropertyKey) => void;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<Target, Map<PropertyKey | undefined, Map<Key, unknown>>>();
  const own = (target: Target, property: PropertyKey | undefined, create: boolean) => {
    let byProperty = store.get(target);
    if (!byProperty) {
      if (!create) return undefined;
      byProperty = new Map();
      store.set(target, byProperty);
    }
    let entries = byProperty.get(property);
    if (!entries && create) {
      entries = new Map();
      byProperty.set(property, entries);
    }
    return entries;
  };
  const find = (key: Key, target: Target, property?: PropertyKey): { found: boolean; value?: unknown } => {
    for (let current: Target | null = target; current; current = Object.getPrototypeOf(current) as Target | null) {
      const entries = own(current, property, false);
      if (entries?.has(key)) return { found: true, value: entries.get(key) };
    }
    return { found: false };
  };
  const polyfill: ReflectMetadata = {
    defineMetadata: (key, value, target, property) => void own(target, property, true)!.set(key, value),
    getOwnMetadata: (key, target, property) => own(target, property, false)?.get(key),
    getMetadata: (key, target, property) => find(key, target, property).value,
    hasMetadata: (key, target, property) => find(key, target, property).found,
    metadata: (key, value) => (target, property) => polyfill.defineMetadata(key, value, target, property),
  };
  Object.assign(reflect, polyfill);
}

export {};
