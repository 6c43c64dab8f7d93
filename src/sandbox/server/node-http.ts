import type { IncomingMessage, ServerResponse } from 'node:http';
import { OvhHttpError } from './ovh-errors';

/** Request headers a browser on another origin may send (signing, expanded lists, batch). */
export const corsAllowedHeaders = [
  'Content-Type',
  'Authorization',
  'X-Ovh-Application',
  'X-Ovh-Consumer',
  'X-Ovh-Timestamp',
  'X-Ovh-Signature',
  'X-Ovh-Batch',
  'X-Pagination-Mode',
  'X-Pagination-Number',
  'X-Pagination-Size',
  'X-Pagination-Cursor',
  'X-Pagination-Sort',
  'X-Pagination-Sort-Order',
  'X-Pagination-Filter',
  'Pragma',
  'Cache-Control',
];

/** Response headers a browser on another origin may read. */
export const corsExposedHeaders = [
  'X-Ovh-QueryID',
  'X-Pagination-Elements',
  'X-Pagination-Number',
  'X-Pagination-Size',
  'X-Pagination-Cursor',
  'X-Pagination-Cursor-Next',
];

export function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': corsExposedHeaders.join(', '),
  };
}

export function preflightHeaders(): Record<string, string> {
  return {
    ...corsHeaders(),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': corsAllowedHeaders.join(', '),
    'Access-Control-Max-Age': '600',
  };
}

/** Reads the whole request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new OvhHttpError(413, undefined, `Request body larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Request target as sent on the wire, as origin-form (`/1.0/x?y`), even if a proxy sent absolute-form. */
export function rawTarget(req: IncomingMessage): string {
  const target = req.url ?? '/';
  if (target.startsWith('/')) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/** Headers of an IncomingMessage as a Fetch `Headers`. */
export function toFetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    try {
      headers.append(name, value);
    } catch {
      // a header Fetch refuses (invalid characters): the sandbox does not need it
    }
  }
  return headers;
}

/** Builds the Fetch `Request` the sandbox handles. `origin` is the server's own origin. */
export function toFetchRequest(req: IncomingMessage, origin: string, target: string, body: Buffer): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(new URL(target, origin), {
    method,
    headers: toFetchHeaders(req),
    ...(hasBody ? { body: new Uint8Array(body) } : {}),
  });
}

/** Writes a Fetch `Response` to the Node response, adding `extraHeaders` (CORS, query id) when not already set. */
export async function writeFetchResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string>,
  method: string,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection') return;
    headers[name] = value;
  });
  for (const [name, value] of Object.entries(extraHeaders)) {
    if (!(name.toLowerCase() in headers)) headers[name.toLowerCase()] = value;
  }
  const body = method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
  if (method !== 'HEAD') headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
