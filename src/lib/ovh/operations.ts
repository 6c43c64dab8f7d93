/** Typed calls by operation key (`'GET /ipLoadbalancing/{serviceName}/http/farm'`), from the generated `Operations`. */
import type { OperationKey, Operations } from '@/api/generated';
import type { HttpMethod } from './api-transport.ts';
import { encodeComponent } from './request-url.ts';

type Spec<K extends OperationKey> = Operations[K];

type PathPart<P> = P extends Record<string, never> ? { path?: Record<string, never> } : { path: P };
type QueryPart<Q> = Q extends Record<string, never> ? { query?: Record<string, never> } : { query?: Q };
type BodyPart<B> = [B] extends [never] ? { body?: never } : { body: B };

export type OperationParams<K extends OperationKey> = PathPart<Spec<K>['path']> &
  QueryPart<Spec<K>['query']> &
  BodyPart<Spec<K>['body']> & { signal?: AbortSignal; headers?: Record<string, string> };

/** The params argument is optional when the operation has nothing required. */
export type OperationArgs<K extends OperationKey> =
  Partial<OperationParams<K>> extends OperationParams<K> ? [params?: OperationParams<K>] : [params: OperationParams<K>];

export type OperationResponse<K extends OperationKey> = Spec<K>['response'];

/** `GET /a/{id}` + `{ id: 'x/y' }` → `{ method: 'GET', path: '/a/x%2Fy' }` (path encoded). */
export function resolveOperation(
  key: OperationKey,
  pathParams: Readonly<Record<string, string | number>> = {},
): { method: HttpMethod; path: string } {
  const space = key.indexOf(' ');
  const method = key.slice(0, space) as HttpMethod;
  const template = key.slice(space + 1);
  const path = template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = pathParams[name];
    if (value === undefined || value === '') throw new TypeError(`Missing path parameter "${name}" for ${key}`);
    return encodeComponent(value);
  });
  return { method, path };
}
