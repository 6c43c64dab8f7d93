/** Path and query-string encoding: the same string is signed and sent, so it must be stable. */

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | null | undefined | readonly QueryScalar[] | object;
export type QueryParams = Record<string, QueryValue>;

/**
 * A path relative to the API base. A string is split on `/`, each piece being a raw value
 * (`%`, spaces… are encoded); use an array of raw segments when a value itself contains `/`.
 */
export type ApiPath = string | readonly (string | number)[];

/**
 * `encodeURIComponent` plus `!'()*`, so the result is left untouched by the WHATWG URL parser
 * (which would otherwise turn `'` into `%27` in a query after we signed it).
 */
export function encodeComponent(value: string | number | boolean): string {
  return encodeURIComponent(String(value)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encoded absolute path, e.g. `['ip', '10.0.0.0/24']` → `/ip/10.0.0.0%2F24`. */
export function encodePath(path: ApiPath): string {
  const segments = typeof path === 'string' ? path.replace(/^\/+/, '').split('/') : path;
  return `/${segments.map(encodeComponent).join('/')}`;
}

/** `?a=1&b=x` with keys sorted, `null`/`undefined` dropped, arrays repeated, objects as JSON; `''` when empty. */
export function encodeQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === null || value === undefined) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      const text = typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item);
      pairs.push(`${encodeComponent(key)}=${encodeComponent(text)}`);
    }
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

export function trimTrailingSlash(base: string): string {
  return base.replace(/\/+$/, '');
}
