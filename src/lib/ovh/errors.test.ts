// @vitest-environment node
import { networkError, OvhApiError, parseErrorResponse, parseRetryAfter } from './errors.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('parseErrorResponse', () => {
  it('reads the current shape {class, message, details}', async () => {
    const error = await parseErrorResponse(
      json(
        403,
        {
          class: 'Client::Forbidden',
          message: 'User not granted for this request',
          details: { unauthorizedActionsByIAM: 'ipLoadbalancing:apiovh:http/farm/create' },
        },
        { 'X-Ovh-QueryID': 'EU.ext-3.63ac85b6.10528.27b4f1fc' },
      ),
      'POST',
      '/ipLoadbalancing/lb-1/http/farm',
    );
    expect(error).toBeInstanceOf(OvhApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'OvhApiError',
      status: 403,
      message: 'User not granted for this request',
      errorClass: 'Client::Forbidden',
      queryId: 'EU.ext-3.63ac85b6.10528.27b4f1fc',
      details: { unauthorizedActionsByIAM: 'ipLoadbalancing:apiovh:http/farm/create' },
      method: 'POST',
      path: '/ipLoadbalancing/lb-1/http/farm',
    });
    expect(error.errorCode).toBeUndefined();
  });

  it('reads the older auth-layer shape {errorCode, httpCode, message}', async () => {
    const error = await parseErrorResponse(
      json(400, { errorCode: 'INVALID_SIGNATURE', httpCode: '400 Bad Request', message: 'Invalid signature' }),
      'GET',
      '/me',
    );
    expect(error).toMatchObject({ status: 400, errorCode: 'INVALID_SIGNATURE', message: 'Invalid signature' });
    expect(error.errorClass).toBeUndefined();
    expect(error.details).toBeUndefined();
  });

  it.each([
    ['X-OVH-QUERYID', 'FR.ws-8.5860f657.4632.0180'],
    ['x-ovh-queryid', 'FR.ws-1.1.1'],
    ['X-Ovh-Queryid', 'EU.ext-2.2'],
  ])('reads the query id from header %s', async (name, value) => {
    const error = await parseErrorResponse(json(404, { class: 'Client::NotFound', message: 'nope' }, { [name]: value }), 'GET', '/x');
    expect(error.queryId).toBe(value);
  });

  it('falls back to the status line for an HTML body', async () => {
    const response = new Response('<html><body><h1>503 Service Unavailable</h1></body></html>', {
      status: 503,
      headers: { 'Content-Type': 'text/html' },
    });
    const error = await parseErrorResponse(response, 'GET', '/ipLoadbalancing');
    expect(error.message).toBe('HTTP 503 Service Unavailable');
    expect(error.status).toBe(503);
    expect(error.queryId).toBeUndefined();
  });

  it('falls back to the status line for an empty body, using the given status text', async () => {
    const error = await parseErrorResponse(new Response(null, { status: 502, statusText: 'Bad Gateway From Proxy' }), 'GET', '/x');
    expect(error.message).toBe('HTTP 502 Bad Gateway From Proxy');
  });

  it('falls back to the status line for JSON without a message', async () => {
    const error = await parseErrorResponse(json(500, { class: 'Server::InternalServerError' }), 'GET', '/x');
    expect(error.message).toBe('HTTP 500 Internal Server Error');
    expect(error.errorClass).toBe('Server::InternalServerError');
  });

  it('keeps a short plain-text body after the status line', async () => {
    const error = await parseErrorResponse(new Response('slow down', { status: 429 }), 'GET', '/x');
    expect(error.message).toBe('HTTP 429 Too Many Requests: slow down');
  });

  it('reads Retry-After', async () => {
    const error = await parseErrorResponse(new Response('', { status: 429, headers: { 'Retry-After': '7' } }), 'GET', '/x');
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('never lets a redacted value (the application secret) into the error', async () => {
    const secret = 'S3cr3tApplicationSecretValue';
    const error = await parseErrorResponse(
      json(400, { message: `Invalid signature for ${secret}`, details: { got: secret } }),
      'GET',
      '/me',
      { redact: [secret, undefined] },
    );
    expect(error.message).toBe('Invalid signature for ***');
    expect(error.details).toEqual({ got: '***' });
    expect(`${error.stack} ${JSON.stringify(error)} ${String(error)}`).not.toContain(secret);
  });
});

describe('networkError', () => {
  it('has status 0, keeps the cause and says what failed', () => {
    const cause = new TypeError('Failed to fetch');
    const error = networkError(cause, 'GET', '/ipLoadbalancing');
    expect(error.status).toBe(0);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('Network error');
    expect(error.message).toContain('GET /ipLoadbalancing');
    expect(error.message).toContain('Failed to fetch');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', () => now)).toBe(10);
  });
});
