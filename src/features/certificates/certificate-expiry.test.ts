import type { Ssl } from '@/api/generated';
import { certificateExpiry } from '@/features/certificates/certificate-expiry';
import { filterCertificates } from '@/features/certificates/certificate-filter';

const now = Date.parse('2026-03-01T12:00:00Z');
const inDays = (days: number) => new Date(now + days * 24 * 3600 * 1000).toISOString();
const certificate = (id: number, type: Ssl['type'], days: number): Ssl => ({
  id,
  type,
  displayName: `cert-${id}`,
  subject: `CN=c${id}.example.com`,
  san: [`c${id}.example.com`],
  serial: '01',
  fingerprint: 'ab'.repeat(32),
  expireDate: inDays(days),
});

describe('certificate expiry', () => {
  it('does not warn about a managed (built) certificate: OVHcloud renews it', () => {
    const state = certificateExpiry(certificate(1, 'built', 18), now);
    expect(state.level).toBe('ok');
    expect(state.renewedAutomatically).toBe(true);
    expect(state.text).toBe('Renewed automatically');
    expect(state.days).toBe(18);
  });

  it('warns about custom, not-routed and untyped certificates expiring soon', () => {
    for (const type of ['custom', 'built_not_routed', null] as const) {
      const state = certificateExpiry(certificate(2, type, 18), now);
      expect(state.level).toBe('soon');
      expect(state.text).toBe('18 days left');
      expect(state.renewedAutomatically).toBeUndefined();
    }
  });

  it('still flags a managed certificate that expired (its renewal failed)', () => {
    expect(certificateExpiry(certificate(3, 'built', -2), now).level).toBe('expired');
  });

  it('keeps managed certificates out of the "expiring soon" filter', () => {
    const list = [certificate(1, 'built', 18), certificate(2, 'custom', 18), certificate(3, 'built_not_routed', 5), certificate(4, 'custom', 200)];
    const shown = filterCertificates(list, { text: '', show: 'expiring' }, new Map(), now);
    expect(shown.map((item) => item.id)).toEqual([2, 3]);
  });
});
