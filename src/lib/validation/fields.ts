/** Small field rules shared by the forms and the sandbox. Each returns an English error message or null. */

export const MAX_DISPLAY_NAME_LENGTH = 50;

export function validateDisplayName(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return 'Display name must be text';
  if (value.length > MAX_DISPLAY_NAME_LENGTH) {
    return `Display name must be at most ${MAX_DISPLAY_NAME_LENGTH} characters (got ${value.length})`;
  }
  return null;
}

function validateIntegerRange(value: unknown, label: string, min: number, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${label} must be a whole number`;
  if (value < min || value > max) return `${label} must be between ${min} and ${max} (got ${value})`;
  return null;
}

/** Server weight: 0–256 (0 = receives no balanced traffic). */
export const validateServerWeight = (value: unknown) => validateIntegerRange(value, 'Weight', 0, 256);

/** Route weight (evaluation order): 0–255. */
export const validateRouteWeight = (value: unknown) => validateIntegerRange(value, 'Route weight', 0, 255);

/** A fully qualified domain name (as ordered for a free certificate). */
export function validateFqdn(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'Domain name is required';
  if (value.length > 253) return `Domain name "${value}" is too long`;
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every((part) => label.test(part))) {
    return `"${value}" is not a valid domain name such as www.example.com`;
  }
  return null;
}
