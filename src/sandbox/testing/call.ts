import type { Sandbox } from '../sandbox';

export interface SandboxCallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SandboxCallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Test helper: call the sandbox like a client would, e.g. `call(sb, 'GET', '/ipLoadbalancing')`. */
export async function callSandbox<T = unknown>(
  sandbox: Sandbox,
  method: string,
  apiPath: string,
  options: SandboxCallOptions = {},
): Promise<SandboxCallResult<T>> {
  const init: RequestInit = { method, headers: { ...options.headers } };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const response = await sandbox.handle(new Request(`https://sandbox.test/1.0${apiPath}`, init), apiPath);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** A clock tests move by hand. */
export function fakeClock(start = Date.parse('2025-03-10T09:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(value: number) {
      now = value;
    },
  };
}
