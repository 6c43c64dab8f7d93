// @vitest-environment node
import { validateDisplayName, validateFqdn, validateRouteWeight, validateServerWeight } from './fields';
import { isIpv4, validateIpv4, validateIpv4Block, validateIpv4BlockList, validateServerAddress, validateSourceLists } from './ip';
import { parsePortSpec, portSpecsOverlap, validatePort, validatePortSpec } from './port-spec';
import { standardFarmProbes as availableFarmProbes, validateProbe } from './probe';

describe('port rules', () => {
  it('accepts ports 1–49151 and refuses others', () => {
    expect(validatePort(1)).toBeNull();
    expect(validatePort(49151)).toBeNull();
    expect(validatePort(0)).toBe('Port must be between 1 and 49151 (got 0)');
    expect(validatePort(49152)).toBe('Port must be between 1 and 49151 (got 49152)');
    expect(validatePort(80.5)).toBe('Port must be a whole number');
  });

  it('parses single ports, ranges and lists', () => {
    expect(parsePortSpec('443')).toEqual({ ranges: [{ from: 443, to: 443 }] });
    expect(parsePortSpec('80, 8000-8010')).toEqual({ ranges: [{ from: 80, to: 80 }, { from: 8000, to: 8010 }] });
    expect(validatePortSpec('80,443,8000-8010')).toBeNull();
  });

  it('refuses malformed specs with a clear message', () => {
    expect(validatePortSpec('')).toBe('Port is required');
    expect(validatePortSpec('8010-8000')).toBe('Invalid port range "8010-8000": the first port must be lower than the last one');
    expect(validatePortSpec('80,,443')).toBe('Invalid port list "80,,443": empty item');
    expect(validatePortSpec('http')).toBe('Invalid port "http": ports are whole numbers');
    expect(validatePortSpec('60000')).toBe('Port 60000 is out of range: ports must be between 1 and 49151');
    expect(validatePortSpec('1-2-3')).toBe('Invalid port range "1-2-3": use "first-last"');
    expect(validatePortSpec(443)).toMatch(/must be text/);
  });

  it('tells overlapping specs apart', () => {
    expect(portSpecsOverlap('80,443', '8000-8443')).toBe(false);
    expect(portSpecsOverlap('80,443', '400-500')).toBe(true);
  });
});

describe('IP rules', () => {
  it('checks IPv4 addresses', () => {
    expect(isIpv4('10.0.0.1')).toBe(true);
    expect(validateIpv4('10.0.0.256')).toBe('Address must be an IPv4 address such as 203.0.113.10');
    expect(validateIpv4('::1')).not.toBeNull();
  });

  it('refuses reserved server addresses', () => {
    expect(validateServerAddress('10.0.0.5')).toBeNull();
    expect(validateServerAddress('127.0.0.1')).toBe('Server address 127.0.0.1 is a loopback address and cannot be used');
    expect(validateServerAddress('0.1.2.3')).toMatch(/0\.0\.0\.0\/8/);
    expect(validateServerAddress('239.1.1.1')).toBe('Server address 239.1.1.1 is a multicast address and cannot be used');
    expect(validateServerAddress('169.254.1.1')).toMatch(/link-local/);
  });

  it('checks CIDR blocks and lists', () => {
    expect(validateIpv4Block('203.0.113.0/24')).toBeNull();
    expect(validateIpv4Block('203.0.113.7')).toBeNull();
    expect(validateIpv4Block('203.0.113.5/24')).toBe('IP block "203.0.113.5/24" is not the start of its block: did you mean 203.0.113.0/24?');
    expect(validateIpv4Block('203.0.113.0/33')).toMatch(/invalid prefix length/);
    expect(validateIpv4BlockList(['10.0.0.0/8', 'nope'], 'allowedSource')).toBe('allowedSource "nope" is not an IPv4 block such as 203.0.113.0/24');
    expect(validateIpv4BlockList(null)).toBeNull();
  });

  it('keeps allowedSource and deniedSource exclusive', () => {
    expect(validateSourceLists(['10.0.0.0/8'], null)).toBeNull();
    expect(validateSourceLists(['10.0.0.0/8'], [])).toBeNull();
    expect(validateSourceLists(['10.0.0.0/8'], ['192.0.2.0/24'])).toBe(
      'allowedSource and deniedSource cannot be used together: set only one of them',
    );
  });
});

describe('field rules', () => {
  it('limits display names to 50 characters', () => {
    expect(validateDisplayName('a'.repeat(50))).toBeNull();
    expect(validateDisplayName('a'.repeat(51))).toBe('Display name must be at most 50 characters (got 51)');
  });
  it('checks weights', () => {
    expect(validateServerWeight(256)).toBeNull();
    expect(validateServerWeight(257)).toBe('Weight must be between 0 and 256 (got 257)');
    expect(validateRouteWeight(255)).toBeNull();
    expect(validateRouteWeight(256)).toBe('Route weight must be between 0 and 255 (got 256)');
  });
  it('checks domain names', () => {
    expect(validateFqdn('www.example.com')).toBeNull();
    expect(validateFqdn('localhost')).toBe('"localhost" is not a valid domain name such as www.example.com');
  });
});

describe('probe rules', () => {
  it('accepts consistent probes', () => {
    expect(validateProbe(null, availableFarmProbes)).toBeNull();
    expect(validateProbe({ type: 'http', method: 'HEAD', url: '/health', match: 'status', pattern: '200,204', interval: 30 }, availableFarmProbes)).toBeNull();
    expect(validateProbe({ type: 'tcp', match: 'contains', pattern: '+OK', negate: true }, availableFarmProbes)).toBeNull();
  });
  it('refuses inconsistent probes', () => {
    const check = (probe: object) => validateProbe(probe, availableFarmProbes);
    expect(check({ type: 'http', interval: 10 })).toBe('Probe interval must be at least 30 seconds (got 10)');
    expect(check({ type: 'internal' })).toMatch(/^Probe type "internal" is not available/);
    expect(check({ type: 'tcp', match: 'status', pattern: '200' })).toMatch(/^Probe match "status" is not available for tcp probes/);
    expect(check({ type: 'pgsql', method: 'GET' })).toBe('Probe method is only used by http probes, not pgsql');
    expect(check({ type: 'http', method: 'POST' })).toBe('Probe method "POST" is not available: use one of GET, HEAD, OPTIONS');
    expect(check({ type: 'tcp', url: '/x' })).toBe('Probe URL is not used by tcp probes');
    expect(check({ type: 'oco', port: 8080 })).toBe('Probe port cannot be set for oco probes');
    expect(check({ type: 'http', match: 'default', negate: true })).toBe('Probe match "default" cannot be negated for http probes');
    expect(check({ type: 'http', match: 'status', pattern: 'ok' })).toMatch(/HTTP codes separated by commas/);
    expect(check({ type: 'http', match: 'contains' })).toBe('Probe pattern is required when match is "contains"');
  });
});
