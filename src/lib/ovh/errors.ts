/** Errors returned by the OVH API (or by the network on the way), normalised into one class. */

export interface OvhApiErrorInit {
  status: number;
  message: string;
  method: string;
  path: string;
  errorClass?: string;
  errorCode?: string;
  queryId?: string;
  details?: Record<string, string>;
  /** seconds the server asked to wait (`Retry-After`), when given */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class OvhApiError extends Error {
  override readonly name = 'OvhApiError';
  /** HTTP status; 0 when no answer was received (network failure, CORS refusal) */
  readonly status: number;
  /** `class` of the body, e.g. `Client::BadRequest` */
  readonly errorClass?: string;
  /** `errorCode` of the body, e.g. `INVALID_SIGNATURE` */
  readonly errorCode?: string;
  /** `X-Ovh-QueryID` response header: quote it to OVH support */
  readonly queryId?: string;
  readonly details?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  readonly method: string;
  /** path (and query string) relative to the API base */
  readonly path: string;

  constructor(init: OvhApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    if (init.errorClass !== undefined) this.errorClass = init.errorClass;
    if (init.errorCode !== undefined) this.errorCode = init.errorCode;
    if (init.queryId !== undefined) this.queryId = init.queryId;
    if (init.details !== undefined) this.details = init.details;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export interface ErrorParseOptions {
  /** values (application secret, consumer key) replaced by `***` wherever they would appear in the error */
  redact?: readonly (string | undefined)[];
  /** clock used to turn an HTTP-date `Retry-After` into seconds */
  now?: () => number;
}

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  460: 'Resource Expired',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Builds an {@link OvhApiError} from a non-2xx response; reads (consumes) the body. */
export async function parseErrorResponse(
  response: Response,
  method: string,
  path: string,
  options: ErrorParseOptions = {},
): Promise<OvhApiError> {
  const text = await response.text().catch(() => '');
  const body = parseJsonObject(text);
  const statusLine = `HTTP ${response.status} ${response.statusText || statusTexts[response.status] || ''}`.trim();

  let message = statusLine;
  if (body && typeof body.message === 'string' && body.message.trim() !== '') message = body.message;
  else if (!body && isShortPlainText(text)) message = `${statusLine}: ${text.trim()}`;

  const redact = (value: string) => redactValues(value, options.redact);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'), options.now ?? Date.now);
  const queryId = response.headers.get('X-Ovh-QueryID') ?? undefined;
  return new OvhApiError({
    status: response.status,
    message: redact(message),
    method,
    path,
    ...(body && typeof body.class === 'string' ? { errorClass: body.class } : {}),
    ...(body && typeof body.errorCode === 'string' ? { errorCode: body.errorCode } : {}),
    ...(queryId ? { queryId } : {}),
    ...(body ? stringDetails(body.details, redact) : {}),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** A request that got no HTTP answer at all (offline, DNS, CORS refusal, connection reset). */
export function networkError(cause: unknown, method: string, path: string, options: ErrorParseOptions = {}): OvhApiError {
  const reason = cause instanceof Error && cause.message ? cause.message : String(cause);
  return new OvhApiError({
    status: 0,
    message: redactValues(
      `Network error: no answer from the API for ${method} ${path} (${reason}). Check the network and the API address.`,
      options.redact,
    ),
    method,
    path,
    cause,
  });
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: () => number = Date.now): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now()) / 1000));
}

export function redactValues(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret) result = result.split(secret).join('***');
  }
  return result;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isShortPlainText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= 200 && !trimmed.startsWith('<');
}

function stringDetails(value: unknown, redact: (text: string) => string): { details?: Record<string, string> } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const details: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    details[key] = redact(typeof item === 'string' ? item : JSON.stringify(item));
  }
  return { details };
}
