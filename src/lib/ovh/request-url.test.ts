// @vitest-environment node
import { serializeJsonBody } from './json-body.ts';
import { encodeComponent, encodePath, encodeQuery } from './request-url.ts';

describe('encodePath', () => {
  it('encodes each segment of a string path', () => {
    expect(encodePath('/ipLoadbalancing/lb-1/http/farm')).toBe('/ipLoadbalancing/lb-1/http/farm');
    expect(encodePath('ipLoadbalancing/my lb/http')).toBe('/ipLoadbalancing/my%20lb/http');
    expect(encodePath('/domain/')).toBe('/domain/');
    expect(encodePath('/a/50%')).toBe('/a/50%25');
  });

  it('takes raw segments that contain a slash from an array', () => {
    expect(encodePath(['ip', '10.0.0.0/24', 'arp', 7])).toBe('/ip/10.0.0.0%2F24/arp/7');
  });
});

describe('encodeQuery', () => {
  it('sorts keys, drops null/undefined, repeats arrays, writes booleans and objects', () => {
    expect(
      encodeQuery({ zone: 'gra', address: '10.0.0.1', status: undefined, cookie: null, ok: true, farmId: [1, 2], tags: { a: 1 } }),
    ).toBe('?address=10.0.0.1&farmId=1&farmId=2&ok=true&tags=%7B%22a%22%3A1%7D&zone=gra');
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery(undefined)).toBe('');
  });

  it('produces text the WHATWG URL parser leaves as is (so what is signed is what is sent)', () => {
    const query = encodeQuery({ filter: "value:&é'-", another: '=test (1)*!', space: 'a b' });
    const url = `https://eu.api.ovh.com/1.0/route${encodePath(['x y', "it's"])}${query}`;
    expect(new URL(url).href).toBe(url);
    expect(query).toBe('?another=%3Dtest%20%281%29%2A%21&filter=value%3A%26%C3%A9%27-&space=a%20b');
  });

  it('encodes components strictly', () => {
    expect(encodeComponent("a'b!c(d)e*f g/h")).toBe('a%27b%21c%28d%29e%2Af%20g%2Fh');
  });
});

describe('serializeJsonBody', () => {
  it('is compact JSON with non-ASCII escaped as lower-case \\uXXXX', () => {
    expect(serializeJsonBody({ a: 'b', c: 'd' })).toBe('{"a":"b","c":"d"}');
    expect(serializeJsonBody({ displayName: 'café' })).toBe('{"displayName":"caf\\u00e9"}');
    expect(serializeJsonBody({ name: '🙂 ok' })).toBe('{"name":"\\ud83d\\ude42 ok"}');
    expect(JSON.parse(serializeJsonBody({ name: '🙂 café' }))).toEqual({ name: '🙂 café' });
    expect(serializeJsonBody('Fake content')).toBe('"Fake content"');
  });

  it('refuses a body that is not JSON', () => {
    expect(() => serializeJsonBody(() => 1)).toThrow(TypeError);
  });
});
