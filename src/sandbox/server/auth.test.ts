// @vitest-environment node
import { computeSignature } from '@/lib/ovh/signature';
import { authenticate, expectedSignature } from './auth';
import { CredentialStore, isCallGranted, parseCredentialRequest, rulePathMatches } from './credential-store';
import { OvhHttpError } from './ovh-errors';

const AK = 'TDPKJdwZwAQPwKX2';
const AS = '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk';
const CK = '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY';
const TS = 1457018875;

describe('expectedSignature', () => {
  it('matches the OVH library vectors (PROTOCOL set A and D)', () => {
    const base = { applicationSecret: AS, consumerKey: CK, timestamp: String(TS) };
    expect(
      expectedSignature({ ...base, method: 'GET', url: 'https://eu.api.ovh.com/1.0/auth', body: '' }),
    ).toBe('$1$e9556054b6309771395efa467c22e627407461ad');
    expect(
      expectedSignature({
        ...base,
        method: 'POST',
        url: 'https://eu.api.ovh.com/1.0/auth',
        body: '{"a":"b","c":"d"}',
      }),
    ).toBe('$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1');
    expect(
      expectedSignature({
        ...base,
        method: 'POST',
        url: 'https://eu.api.ovh.com/1.0/ipLoadbalancing/loadbalancer-0123/http/farm',
        body: Buffer.from('{"displayName":"café"}', 'utf8'),
      }),
    ).toBe('$1$62bf76c936ad3b6857d71be2fa3e002437336269');
  });

  it('agrees with the browser client signing', async () => {
    const input = {
      applicationSecret: AS,
      consumerKey: CK,
      method: 'PUT',
      url: 'http://x/1.0/a?b=1',
      body: '{"é":1}',
    };
    expect(expectedSignature({ ...input, timestamp: String(TS) })).toBe(
      await computeSignature({ ...input, timestamp: TS }),
    );
  });
});

describe('rule matching', () => {
  it('treats * as any run of characters, slashes included, and matches the rest exactly', () => {
    expect(rulePathMatches('/ipLoadbalancing/*', '/ipLoadbalancing/lb-1/http/farm/3')).toBe(true);
    expect(rulePathMatches('/ipLoadbalancing/*', '/ipLoadbalancing')).toBe(false);
    expect(rulePathMatches('/ipLoadbalancing', '/ipLoadbalancing')).toBe(true);
    expect(rulePathMatches('/ipLoadbalancing', '/ipLoadbalancingX')).toBe(false);
    expect(rulePathMatches('/ipLoadbalancing/*/http/farm', '/ipLoadbalancing/lb-1/http/farm')).toBe(true);
    expect(rulePathMatches('/ip.', '/ipX')).toBe(false);
    expect(rulePathMatches('/*', '/me')).toBe(true);
  });

  it('needs the method to match too', () => {
    const rules = [{ method: 'GET' as const, path: '/ipLoadbalancing/*' }];
    expect(isCallGranted(rules, 'GET', '/ipLoadbalancing/a')).toBe(true);
    expect(isCallGranted(rules, 'DELETE', '/ipLoadbalancing/a')).toBe(false);
  });
});

describe('parseCredentialRequest', () => {
  it('accepts rules and a redirection', () => {
    expect(
      parseCredentialRequest({
        accessRules: [{ method: 'GET', path: '/ipLoadbalancing' }],
        redirection: 'http://app/x',
      }),
    ).toEqual({
      accessRules: [{ method: 'GET', path: '/ipLoadbalancing' }],
      redirection: 'http://app/x',
      allowedIPs: null,
    });
  });

  it.each([
    [null],
    [{}],
    [{ accessRules: [] }],
    [{ accessRules: [{ method: 'PATCH', path: '/x' }] }],
    [{ accessRules: [{ method: 'GET', path: 'x' }] }],
    [{ accessRules: [{ method: 'GET', path: '/x' }], redirection: 'javascript:alert(1)' }],
    [{ accessRules: Array.from({ length: 101 }, () => ({ method: 'GET', path: '/x' })) }],
  ])('refuses %j with a 400', (body) => {
    expect(() => parseCredentialRequest(body)).toThrow(OvhHttpError);
  });
});

describe('authenticate', () => {
  let clock = TS * 1000;
  const now = () => clock;

  function setup() {
    clock = TS * 1000;
    const store = new CredentialStore({ now });
    store.ensureApplication(AK, AS);
    store.ensureValidatedCredential(AK, CK, [
      { method: 'GET', path: '/ipLoadbalancing' },
      { method: 'GET', path: '/ipLoadbalancing/*' },
    ]);
    return store;
  }

  async function call(
    store: CredentialStore,
    overrides: {
      secret?: string;
      ts?: number;
      ck?: string;
      ak?: string;
      method?: string;
      path?: string;
      drop?: string;
    } = {},
  ) {
    const method = overrides.method ?? 'GET';
    const path = overrides.path ?? '/ipLoadbalancing';
    const url = `https://eu.api.ovh.com/1.0${path}`;
    const ts = overrides.ts ?? TS;
    const ck = overrides.ck ?? CK;
    const headers = new Headers({
      'X-Ovh-Application': overrides.ak ?? AK,
      'X-Ovh-Consumer': ck,
      'X-Ovh-Timestamp': String(ts),
      'X-Ovh-Signature': await computeSignature({
        applicationSecret: overrides.secret ?? AS,
        consumerKey: ck,
        method,
        url,
        body: '',
        timestamp: ts,
      }),
    });
    if (overrides.drop) headers.delete(overrides.drop);
    try {
      authenticate({ method, signedUrl: url, path, headers, body: new Uint8Array() }, { store, now });
      return 'ok';
    } catch (error) {
      if (!(error instanceof OvhHttpError)) throw error;
      return `${error.status} ${error.errorCode} ${error.message}`;
    }
  }

  it('accepts a correctly signed call and records its use', async () => {
    const store = setup();
    expect(await call(store)).toBe('ok');
    expect(store.findByConsumerKey(CK)?.lastUse).toBe(new Date(TS * 1000).toISOString());
  });

  it('answers like OVHcloud to each kind of bad call', async () => {
    const store = setup();
    expect(await call(store, { drop: 'X-Ovh-Signature' })).toBe('401 NOT_AUTHENTICATED You must login first');
    expect(await call(store, { ak: 'unknownAppKey123' })).toBe(
      '403 INVALID_KEY This application key is invalid',
    );
    expect(await call(store, { ts: TS - 181 })).toBe('400 QUERY_TIME_OUT Query out of time');
    expect(await call(store, { ts: TS + 180 })).toBe('ok');
    expect(await call(store, { ck: 'unknownConsumerKey' })).toBe(
      '403 NOT_CREDENTIAL This credential does not exist',
    );
    expect(await call(store, { secret: 'wrong' })).toBe('400 INVALID_SIGNATURE Invalid signature');
    expect(await call(store, { method: 'DELETE', path: '/ipLoadbalancing/lb' })).toBe(
      '403 NOT_GRANTED_CALL This call has not been granted',
    );
    expect(await call(store, { path: '/me' })).toBe('403 NOT_GRANTED_CALL This call has not been granted');
  });

  it('refuses pending, refused, expired and logged-out consumer keys', async () => {
    const store = setup();
    const request = {
      accessRules: [{ method: 'GET' as const, path: '/*' }],
      redirection: null,
      allowedIPs: null,
    };
    const pending = store.createPending(AK, request);
    expect(await call(store, { ck: pending.consumerKey })).toBe(
      '403 INVALID_CREDENTIAL This credential is not valid',
    );

    const refused = store.createPending(AK, request);
    store.refuse(refused.credentialToken!);
    expect(await call(store, { ck: refused.consumerKey })).toBe(
      '403 INVALID_CREDENTIAL This credential is not valid',
    );

    const shortLived = store.createPending(AK, request);
    store.validate(shortLived.credentialToken!, 3600);
    expect(await call(store, { ck: shortLived.consumerKey })).toBe('ok');
    clock += 3601 * 1000;
    expect(await call(store, { ck: shortLived.consumerKey, ts: TS + 3601 })).toBe(
      '403 INVALID_CREDENTIAL This credential is not valid',
    );

    store.expire(CK);
    expect(await call(store, { ts: TS + 3601 })).toBe('403 INVALID_CREDENTIAL This credential is not valid');
  });
});
