import { daysUntil } from '@/lib/pem/upload-checks';

/** Certificates expiring within this many days are flagged. */
export const expiringSoonDays = 30;

export interface ExpiryState {
  level: 'expired' | 'soon' | 'ok';
  days: number;
  /** words, never colour alone: "Expired 3 days ago", "18 days left" (orange below 30 days) */
  text: string;
  color: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

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

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** `ab:cd:ef…12:34` — the first and last bytes of a fingerprint, for a table cell. */
export function shortFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (hex.length <= 16) return hex.match(/.{1,2}/g)?.join(':') ?? hex;
  const pairs = (text: string) => text.match(/.{2}/g)!.join(':');
  return `${pairs(hex.slice(0, 8))}…${pairs(hex.slice(-4))}`;
}
