// Before the sandbox: its certificate handlers load @peculiar/x509, which needs Reflect metadata at load time.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSandboxSeedName, type SandboxSeedName } from '@/lib/sandbox-seed';
import { createSandbox, type Sandbox, type SandboxOptions, type SandboxState } from '@/sandbox/sandbox';
import { authenticate, defaultTimestampToleranceSeconds } from './auth';
import {
  type AuthState,
  CredentialStore,
  parseCredentialRequest,
  type StoredCredential,
} from './credential-store';
import { DataFile } from './file-storage';
import {
  corsHeaders,
  preflightHeaders,
  rawTarget,
  readBody,
  toFetchHeaders,
  toFetchRequest,
  writeFetchResponse,
  writeJson,
} from './node-http';
import { OvhHttpError, ovhErrors } from './ovh-errors';
import {
  defaultValiditySeconds,
  htmlHeaders,
  messagePage,
  validationPage,
  validityChoices,
} from './validation-page';

export type SandboxFactory = (options: SandboxOptions) => Sandbox;

export interface ServerCredentials {
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
}

/** Fixed demo keys: the sandbox has nothing to protect, and fixed values can be pasted from the docs. */
export const demoCredentials: ServerCredentials = {
  applicationKey: 'SandboxAppKey001',
  applicationSecret: 'SandboxAppSecret0000000000000001',
  consumerKey: 'SandboxConsumerKey00000000000001',
};

export interface SandboxServerOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default: the seed of the state in `dataFile` if there is one, else demo */
  seed?: SandboxSeedName;
  /** JSON file the state is loaded from at start and saved to after each change */
  dataFile?: string;
  refreshDurationMs?: number;
  /** keys accepted by signature checking; `false` turns checking off */
  auth?: Partial<ServerCredentials> | false;
  /** base URL signatures are checked against; default `http://<Host header>/1.0` (the server's own URL) */
  signatureBase?: string;
  toleranceSeconds?: number;
  /** milliseconds since the epoch; default Date.now */
  now?: () => number;
  /** largest request body accepted, bytes */
  bodyLimit?: number;
  /** default: the real simulated API (`@/sandbox/sandbox`); tests may pass a stand-in */
  createSandbox?: SandboxFactory;
  /** where problems are reported; default console.error */
  logError?: (message: string, error?: unknown) => void;
}

export interface SandboxServer {
  /** API base, e.g. `http://127.0.0.1:8787/1.0` */
  url: string;
  origin: string;
  port: number;
  /** keys accepted, or null when signature checking is off */
  credentials: ServerCredentials | null;
  signatureBase: string | null;
  sandbox: Sandbox;
  /** whether the sandbox state came from `dataFile` */
  stateLoaded: boolean;
  store: CredentialStore;
  close(): Promise<void>;
}

const apiPrefix = '/1.0';
const validatePath = '/auth/validate';

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the sandbox API over HTTP. Resolves once it listens. */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  const logError =
    options.logError ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const dataFile = options.dataFile ? new DataFile<SandboxState, AuthState>(options.dataFile) : null;
  const saved = dataFile?.loadSandbox() ?? null;
  const factory = options.createSandbox ?? createSandbox;

  // Without an explicit seed, a saved state is kept whatever seed it came from.
  const sandbox = factory({
    ...(options.seed ? { seed: options.seed } : saved ? {} : { seed: 'demo' }),
    clock: { now },
    ...(dataFile
      ? { storage: { load: () => saved, save: (state: SandboxState) => dataFile.saveSandbox(state) } }
      : {}),
    ...(options.refreshDurationMs !== undefined ? { refreshDurationMs: options.refreshDurationMs } : {}),
  });
  const stateLoaded = saved !== null && sandbox.state === saved;
  if (dataFile && !stateLoaded) dataFile.saveSandbox(sandbox.state);

  const store = new CredentialStore({
    now,
    initial: dataFile?.loadAuth() ?? null,
    ...(dataFile ? { onChange: (state: AuthState) => dataFile.saveAuth(state) } : {}),
  });
  const credentials: ServerCredentials | null =
    options.auth === false ? null : { ...demoCredentials, ...stripUndefined(options.auth ?? {}) };
  if (credentials) {
    store.ensureApplication(credentials.applicationKey, credentials.applicationSecret);
    store.ensureValidatedCredential(credentials.applicationKey, credentials.consumerKey);
  }

  let origin = '';
  let queryCounter = 0;
  const queryPrefix = `SBX.srv-1.${Math.floor(now() / 1000).toString(16)}`;
  const nextQueryId = () => `${queryPrefix}.${++queryCounter}`;

  const server = createServer((req, res) => {
    const queryId = nextQueryId();
    handleRequest(req, res, queryId).catch((error: unknown) => {
      const known = error instanceof OvhHttpError;
      if (!known)
        logError(`Sandbox server: ${req.method} ${rawTarget(req)} failed (query ${queryId})`, error);
      const httpError = known ? error : new OvhHttpError(500, undefined, 'Internal server error');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      writeJson(res, httpError.status, httpError.toBody(), { ...corsHeaders(), 'X-Ovh-QueryID': queryId });
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse, queryId: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = rawTarget(req);
    const questionMark = target.indexOf('?');
    const pathname = questionMark === -1 ? target : target.slice(0, questionMark);
    const baseHeaders = { ...corsHeaders(), 'X-Ovh-QueryID': queryId };

    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders());
      res.end();
      return;
    }

    if (pathname === validatePath) {
      await handleValidationPage(req, res, method, target);
      return;
    }

    if (pathname !== apiPrefix && !pathname.startsWith(`${apiPrefix}/`)) {
      throw ovhErrors.notFound();
    }
    const apiTarget = target.slice(apiPrefix.length);
    const apiPath = pathname.slice(apiPrefix.length) || '/';
    const body = await readBody(req, bodyLimit);

    // Routes of the server itself, outside the simulated API.
    if (apiPath === '/__sandbox/reset') {
      if (method !== 'POST') throw new OvhHttpError(405, undefined, 'Use POST');
      const requested = body.length ? (parseJson(body) as { seed?: unknown } | null)?.seed : undefined;
      const nextSeed = requested === undefined ? sandbox.state.seed : requested;
      if (!isSandboxSeedName(nextSeed))
        throw ovhErrors.badRequest('[seed] must be one of demo, empty, large');
      sandbox.reset(nextSeed);
      writeJson(res, 200, { seed: nextSeed }, baseHeaders);
      return;
    }
    if (apiPath === '/auth/time' && method === 'GET') {
      writeJson(res, 200, Math.floor(now() / 1000), baseHeaders);
      return;
    }
    if (apiPath === '/auth/credential' && method === 'POST' && credentials) {
      const applicationKey = req.headers['x-ovh-application'];
      if (typeof applicationKey !== 'string' || !applicationKey) throw ovhErrors.notAuthenticated();
      if (!store.findApplication(applicationKey)) throw ovhErrors.invalidKey();
      const request = parseCredentialRequest(parseJson(body));
      const credential = store.createPending(applicationKey, request);
      const validationUrl = `${origin}${validatePath}?credentialToken=${credential.credentialToken}`;
      writeJson(
        res,
        200,
        { validationUrl, consumerKey: credential.consumerKey, state: 'pendingValidation' },
        baseHeaders,
      );
      return;
    }

    let credential: StoredCredential | null = null;
    if (credentials) {
      const signatureBase =
        options.signatureBase ?? `http://${req.headers.host ?? hostForUrl(host)}${apiPrefix}`;
      const scope =
        apiPath === '/auth/currentCredential' && method === 'GET'
          ? 'credential-info'
          : apiPath === '/auth/logout' && method === 'POST'
            ? 'session'
            : 'api';
      credential = authenticate(
        {
          method,
          signedUrl: `${signatureBase}${apiTarget}`,
          path: apiPath,
          headers: toFetchHeaders(req),
          body,
        },
        { store, now, toleranceSeconds: options.toleranceSeconds ?? defaultTimestampToleranceSeconds, scope },
      );
    }
    if (credential && apiPath === '/auth/currentCredential' && method === 'GET') {
      writeJson(res, 200, store.toApiCredential(credential), baseHeaders);
      return;
    }
    if (credential && apiPath === '/auth/logout' && method === 'POST') {
      store.expire(credential.consumerKey);
      writeJson(res, 200, null, baseHeaders);
      return;
    }

    const response = await sandbox.handle(toFetchRequest(req, origin, target, body), apiPath);
    await writeFetchResponse(res, response, baseHeaders, method);
  }

  async function handleValidationPage(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    target: string,
  ) {
    const sendHtml = (status: number, html: string) => {
      res.writeHead(status, { ...htmlHeaders, 'Content-Length': String(Buffer.byteLength(html)) });
      res.end(html);
    };
    const invalid = () =>
      sendHtml(
        404,
        messagePage('Invalid validation link', 'This validation link is unknown, already used or expired.'),
      );

    if (method === 'GET') {
      const token = new URL(target, 'http://sandbox.invalid').searchParams.get('credentialToken') ?? '';
      const credential = store.findByToken(token);
      const app = credential && store.findApplicationById(credential.applicationId);
      if (!credential || !app || store.effectiveStatus(credential) !== 'pendingValidation') return invalid();
      return sendHtml(200, validationPage(app, credential, validatePath));
    }
    if (method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' });
      res.end();
      return;
    }
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const token = form.get('credentialToken') ?? '';
    const decision = form.get('decision');
    const pending = store.findByToken(token);
    if (!pending || (decision !== 'approve' && decision !== 'refuse')) return invalid();
    const validityText = form.get('validity') ?? String(defaultValiditySeconds);
    const choice = validityChoices.find((entry) => String(entry.seconds ?? 'unlimited') === validityText);
    if (!choice)
      return sendHtml(400, messagePage('Invalid validity', 'Pick one of the validity periods offered.'));
    const done = decision === 'approve' ? store.validate(token, choice.seconds) : store.refuse(token);
    if (!done) return invalid();
    if (done.redirection) {
      res.writeHead(303, { Location: done.redirection, 'Cache-Control': 'no-store', 'Content-Length': '0' });
      res.end();
      return;
    }
    sendHtml(
      200,
      decision === 'approve'
        ? messagePage('Access granted', 'The consumer key is now valid. You can close this page.')
        : messagePage('Access refused', 'The consumer key will never be valid. You can close this page.'),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${hostForUrl(host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}${apiPrefix}`,
    origin,
    port,
    credentials,
    signatureBase: credentials ? (options.signatureBase ?? `${origin}${apiPrefix}`) : null,
    sandbox,
    stateLoaded,
    store,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw ovhErrors.badRequest('Invalid JSON body');
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
