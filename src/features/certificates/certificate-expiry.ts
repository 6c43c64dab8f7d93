import type { Ssl } from '@/api/generated';
import { daysUntil } from '@/lib/pem/upload-checks';

/** Certificates expiring within this many days are flagged. */
export const expiringSoonDays = 30;

export interface ExpiryState {
  level: 'expired' | 'soon' | 'ok';
  days: number;
  /** words, never colour alone: "Expired 3 days ago", "18 days left" (orange below 30 days) */
  text: string;
  color: string;
  /** OVHcloud renews it: its expiry date is information, not a warning */
  renewedAutomatically?: boolean;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function expiryState(expireDate: string, now: number = Date.now()): ExpiryState {
  const days = daysUntil(expireDate, now);
  if (new Date(expireDate).getTime() <= now) {
    const ago = Math.max(0, -days - 1);
    return {
      level: 'expired',
      days,
      text: ago === 0 ? 'Expired today' : `Expired ${plural(ago, 'day')} ago`,
      color: 'red',
    };
  }
  if (days < expiringSoonDays) {
    return {
      level: 'soon',
      days,
      text: days === 0 ? 'Expires today' : `${plural(days, 'day')} left`,
      color: 'orange',
    };
  }
  return { level: 'ok', days, text: `${plural(days, 'day')} left`, color: 'green' };
}

/**
 * Who renews a certificate. `built` (a free certificate ordered here) is renewed by OVHcloud: an approaching
 * expiry is routine, so it raises no warning. `built_not_routed` is issued by OVHcloud too, but its domains do
 * not point to this load balancer, so the domain validation that renewal needs cannot succeed: it will
 * expire unless someone fixes the DNS, hence it is watched like a `custom` certificate. Unknown types are
 * watched too (a false warning is cheaper than a missed expiry).
 */
export const renewedAutomatically = (type: Ssl['type']) => type === 'built';

/**
 * The expiry of a certificate of the load balancer. A managed certificate that is still valid is "ok" and
 * says it is renewed automatically; once expired it is flagged like any other (its renewal failed).
 */
export function certificateExpiry(
  certificate: Pick<Ssl, 'expireDate' | 'type'>,
  now: number = Date.now(),
): ExpiryState {
  const state = expiryState(certificate.expireDate, now);
  if (!renewedAutomatically(certificate.type) || state.level === 'expired') return state;
  return { level: 'ok', days: state.days, text: 'Renewed automatically', color: 'blue', renewedAutomatically: true };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** `ab:cd:ef…12:34` — the first and last bytes of a fingerprint, for a table cell. */
export function shortFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (hex.length <= 16) return hex.match(/.{1,2}/g)?.join(':') ?? hex;
  const pairs = (text: string) => text.match(/.{2}/g)!.join(':');
  return `${pairs(hex.slice(0, 8))}…${pairs(hex.slice(-4))}`;
}
