import {
  clearConnection,
  connectionStorageKey,
  type ConnectionSettings,
  type ConnectionStorages,
  loadConnection,
  parseCustomBase,
  saveConnection,
  savedTarget,
  targetFromSettings,
} from './connection-settings';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

function storages() {
  const session = memoryStorage();
  const local = memoryStorage();
  return { session, local, both: { session, local } satisfies ConnectionStorages };
}

const credentials = { applicationKey: 'AK', applicationSecret: 'the-secret', consumerKey: 'CK' };
const eu: ConnectionSettings = {
  target: 'ovh-eu',
  transport: 'proxy',
  customBase: '',
  credentials,
  remember: false,
};

describe('connection storage policy', () => {
  it('keeps the keys in sessionStorage only, unless the user opted in', () => {
    const { session, local, both } = storages();
    saveConnection(eu, both);
    expect(local.map.size).toBe(0);
    expect(session.map.get(connectionStorageKey)).toContain('the-secret');
    expect(loadConnection(both)).toEqual(eu);
  });

  it('"Remember on this device" moves them to localStorage and leaves no copy in the session', () => {
    const { session, local, both } = storages();
    saveConnection(eu, both);
    saveConnection({ ...eu, remember: true }, both);
    expect(session.map.size).toBe(0);
    expect(local.map.has(connectionStorageKey)).toBe(true);
    expect(loadConnection(both)).toEqual({ ...eu, remember: true });

    // Unticking it again removes the remembered copy.
    saveConnection(eu, both);
    expect(local.map.size).toBe(0);
  });

  it('logging out clears both storages', () => {
    const { session, local, both } = storages();
    session.setItem(connectionStorageKey, JSON.stringify(eu));
    local.setItem(connectionStorageKey, JSON.stringify(eu));
    clearConnection(both);
    expect(session.map.size).toBe(0);
    expect(local.map.size).toBe(0);
    expect(loadConnection(both)).toBeNull();
  });

  it('ignores corrupt or foreign values', () => {
    const { session, local, both } = storages();
    session.setItem(connectionStorageKey, '{not json');
    local.setItem(connectionStorageKey, JSON.stringify({ target: 'elsewhere' }));
    expect(loadConnection(both)).toBeNull();
  });

  it('never writes the "remember" choice itself, so it cannot drift from where the value is stored', () => {
    const { local, both } = storages();
    saveConnection({ ...eu, remember: true }, both);
    expect(JSON.parse(local.map.get(connectionStorageKey)!)).not.toHaveProperty('remember');
  });
});

describe('targetFromSettings', () => {
  const origin = 'https://console.example';

  it('signs over the OVH URL and sends through the same-origin proxy by default', () => {
    expect(targetFromSettings(eu, origin)).toEqual({
      kind: 'ovh-eu',
      label: 'OVH Europe',
      requestBase: 'https://console.example/ovh/eu/1.0',
      signatureBase: 'https://eu.api.ovh.com/1.0',
      credentials,
    });
    expect(targetFromSettings({ ...eu, target: 'ovh-us', transport: 'direct' }, origin)).toMatchObject({
      requestBase: 'https://api.us.ovhcloud.com/1.0',
      signatureBase: 'https://api.us.ovhcloud.com/1.0',
    });
    expect(targetFromSettings({ ...eu, target: 'ovh-ca' }, origin).requestBase).toBe(
      'https://console.example/ovh/ca/1.0',
    );
  });

  it('uses a custom base for both sending and signing', () => {
    expect(
      targetFromSettings({ ...eu, target: 'custom', customBase: ' http://127.0.0.1:8787/1.0/ ' }, origin),
    ).toEqual({
      kind: 'custom',
      label: 'Custom (127.0.0.1:8787)',
      requestBase: 'http://127.0.0.1:8787/1.0',
      signatureBase: 'http://127.0.0.1:8787/1.0',
      credentials,
    });
  });

  it('carries the chosen request rate to the target, and drops an out-of-range stored one', () => {
    const { session, both } = storages();
    saveConnection({ ...eu, requestsPerSecond: 5 }, both);
    expect(savedTarget(origin, both)?.requestsPerSecond).toBe(5);
    session.setItem(connectionStorageKey, JSON.stringify({ ...eu, requestsPerSecond: 5000 }));
    expect(loadConnection(both)?.requestsPerSecond).toBeUndefined();
    expect(savedTarget(origin, both)?.requestsPerSecond).toBeUndefined();
  });

  it('gives no saved target for the sandbox or nothing saved', () => {
    const { session, both } = storages();
    expect(savedTarget(origin, both)).toBeNull();
    session.setItem(connectionStorageKey, JSON.stringify({ ...eu, target: 'sandbox' }));
    expect(savedTarget(origin, both)).toBeNull();
    session.setItem(connectionStorageKey, JSON.stringify(eu));
    expect(savedTarget(origin, both)?.kind).toBe('ovh-eu');
  });
});

describe('parseCustomBase', () => {
  it.each([
    ['', /Enter the API base URL/],
    ['127.0.0.1:8787', /http/],
    ['ftp://x/1.0', /Only http/],
    ['http://user:pw@x/1.0', /credentials in the URL/],
    ['http://x/1.0?a=1', /query string/],
  ])('refuses %j', (text, message) => {
    const result = parseCustomBase(text);
    expect('error' in result && result.error).toMatch(message);
  });
});
