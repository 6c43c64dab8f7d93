/** The low-level call the client makes for every request; shared by the list and batch loaders. */
import type { QueryParams } from './request-url.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SendOptions {
  query?: QueryParams;
  /** serialised as compact JSON; omit for no body */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** `false` to fail at once on a network error instead of retrying (used when probing a capability) */
  retryNetworkErrors?: boolean;
}

export interface ApiResponse<T> {
  /** parsed JSON; `null` for an empty body */
  data: T | null;
  status: number;
  headers: Headers;
}

/** `encodedPath` is already percent-encoded (see `encodePath`) and relative to the API base. */
export type Send = <T>(method: HttpMethod, encodedPath: string, options?: SendOptions) => Promise<ApiResponse<T>>;
