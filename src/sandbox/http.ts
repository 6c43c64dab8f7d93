import type { SandboxApiError } from './errors';

let sequence = 0;

/** `X-Ovh-QueryID` of a sandbox answer, shaped like OVHcloud's (`SBX.ws-1.<hex>.<seq>`). */
export function nextQueryId(now: number): string {
  sequence = (sequence + 1) % 0x10000;
  return `SBX.ws-1.${Math.floor(now / 1000).toString(16)}.${sequence.toString(16).padStart(4, '0')}`;
}

export function jsonResponse(status: number, body: unknown, now: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body ?? null), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Ovh-QueryID': nextQueryId(now), ...headers },
  });
}

export function errorResponse(error: SandboxApiError, now: number): Response {
  return jsonResponse(error.status, { class: error.errorClass, message: error.message }, now);
}
