import { randomBytes } from 'node:crypto';
import { OvhHttpError } from './ovh-errors';

import {
  accessRuleMethods,
  type AccessRule,
  type AccessRuleMethod,
  type ApiCredential,
  type CredentialStatus,
} from '@/lib/ovh/auth-types';


export interface SandboxApplication {
  applicationId: number;
  applicationKey: string;
  applicationSecret: string;
  name: string;
}

export interface StoredCredential {
  credentialId: number;
  applicationId: number;
  consumerKey: string;
  /** secret token in the validation URL; cleared once the user has answered */
  credentialToken: string | null;
  status: CredentialStatus;
  creation: string;
  expiration: string | null;
  lastUse: string | null;
  rules: AccessRule[];
  redirection: string | null;
  allowedIPs: string[] | null;
}

/** JSON-serialisable content of the store, persisted next to the sandbox state. */
export interface AuthState {
  applications: SandboxApplication[];
  credentials: StoredCredential[];
  nextCredentialId: number;
  nextApplicationId: number;
}

/** Every verb on every path: what the default consumer key gets. */
export const fullAccessRules: AccessRule[] = accessRuleMethods.map((method) => ({ method, path: '/*' }));

/** A pending credential must be validated within this time (OVHcloud gives the user a short window too). */
export const pendingValidityMs = 60 * 60 * 1000;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random OVH-looking key (letters and digits). */
export function randomKey(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

const maxRules = 100;
const maxRulePathLength = 512;

/** Checks the body of `POST /auth/credential` like OVHcloud's parameter validation would. */
export function parseCredentialRequest(body: unknown): {
  accessRules: AccessRule[];
  redirection: string | null;
  allowedIPs: string[] | null;
} {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OvhHttpError(400, undefined, 'Invalid body: a JSON object is expected');
  }
  const { accessRules, redirection, allowedIPs } = body as Record<string, unknown>;
  if (!Array.isArray(accessRules) || accessRules.length === 0) {
    throw new OvhHttpError(
      400,
      undefined,
      '[accessRules] Property is mandatory and must be a non-empty array',
    );
  }
  if (accessRules.length > maxRules) {
    throw new OvhHttpError(400, undefined, `[accessRules] At most ${maxRules} rules are accepted`);
  }
  const rules = accessRules.map((rule, index): AccessRule => {
    const { method, path } = (rule ?? {}) as Record<string, unknown>;
    if (typeof method !== 'string' || !(accessRuleMethods as readonly string[]).includes(method)) {
      throw new OvhHttpError(
        400,
        undefined,
        `[accessRules.${index}.method] Value must be one of ${accessRuleMethods.join(', ')}`,
      );
    }
    if (
      typeof path !== 'string' ||
      !path.startsWith('/') ||
      path.length > maxRulePathLength ||
      /[\s?#]/.test(path)
    ) {
      throw new OvhHttpError(
        400,
        undefined,
        `[accessRules.${index}.path] Invalid path: it must start with "/" and contain no spaces, "?" or "#"`,
      );
    }
    return { method: method as AccessRuleMethod, path };
  });
  let redirectionUrl: string | null = null;
  if (redirection !== undefined && redirection !== null && redirection !== '') {
    if (typeof redirection !== 'string' || !isHttpUrl(redirection)) {
      throw new OvhHttpError(
        400,
        undefined,
        '[redirection] Invalid URL: an absolute http(s) URL is expected',
      );
    }
    redirectionUrl = redirection;
  }
  let ips: string[] | null = null;
  if (allowedIPs !== undefined && allowedIPs !== null) {
    if (!Array.isArray(allowedIPs) || !allowedIPs.every((ip) => typeof ip === 'string' && ip.length <= 64)) {
      throw new OvhHttpError(400, undefined, '[allowedIPs] A list of IP blocks is expected');
    }
    ips = allowedIPs as string[];
  }
  return { accessRules: rules, redirection: redirectionUrl, allowedIPs: ips };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const ruleRegexCache = new Map<string, RegExp>();

/** OVHcloud rule matching: `*` stands for any run of characters, `/` included; the rest must match exactly. */
export function rulePathMatches(rulePath: string, path: string): boolean {
  let regex = ruleRegexCache.get(rulePath);
  if (!regex) {
    const source = rulePath
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${source}$`);
    ruleRegexCache.set(rulePath, regex);
  }
  return regex.test(path);
}

/** Whether a call (method + path without query string) is covered by the rules. */
export function isCallGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  return rules.some((rule) => rule.method === method && rulePathMatches(rule.path, path));
}

export interface CredentialStoreOptions {
  /** milliseconds since the epoch */
  now: () => number;
  /** called after every change, with the new state (to persist it) */
  onChange?: (state: AuthState) => void;
  initial?: AuthState | null;
}

/** Applications and consumer keys known to the sandbox server. */
export class CredentialStore {
  private state: AuthState;
  private readonly now: () => number;
  private readonly onChange: ((state: AuthState) => void) | undefined;

  constructor(options: CredentialStoreOptions) {
    this.now = options.now;
    this.onChange = options.onChange;
    this.state = options.initial
      ? structuredClone(options.initial)
      : { applications: [], credentials: [], nextCredentialId: 1, nextApplicationId: 1 };
  }

  snapshot(): AuthState {
    return structuredClone(this.state);
  }

  private changed(): void {
    this.onChange?.(this.snapshot());
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  /** Adds the application, or updates its secret if the key is known. */
  ensureApplication(
    applicationKey: string,
    applicationSecret: string,
    name = 'IPLB Console sandbox',
  ): SandboxApplication {
    let app = this.findApplication(applicationKey);
    if (app) {
      app.applicationSecret = applicationSecret;
    } else {
      app = { applicationId: this.state.nextApplicationId++, applicationKey, applicationSecret, name };
      this.state.applications.push(app);
    }
    this.changed();
    return app;
  }

  /** Adds (or resets) an already validated consumer key, e.g. the one given on the command line. */
  ensureValidatedCredential(
    applicationKey: string,
    consumerKey: string,
    rules: AccessRule[] = fullAccessRules,
  ): StoredCredential {
    const app = this.findApplication(applicationKey);
    if (!app) throw new Error(`Unknown application key ${applicationKey}`);
    let credential = this.findByConsumerKey(consumerKey);
    if (!credential) {
      credential = this.newCredential(app.applicationId, consumerKey, rules, null, null);
      this.state.credentials.push(credential);
    }
    Object.assign(credential, {
      applicationId: app.applicationId,
      status: 'validated',
      expiration: null,
      credentialToken: null,
      rules: structuredClone(rules),
    } satisfies Partial<StoredCredential>);
    this.changed();
    return credential;
  }

  findApplication(applicationKey: string): SandboxApplication | undefined {
    return this.state.applications.find((app) => app.applicationKey === applicationKey);
  }

  findApplicationById(applicationId: number): SandboxApplication | undefined {
    return this.state.applications.find((app) => app.applicationId === applicationId);
  }

  findByConsumerKey(consumerKey: string): StoredCredential | undefined {
    return this.state.credentials.find((credential) => credential.consumerKey === consumerKey);
  }

  findByToken(credentialToken: string): StoredCredential | undefined {
    if (!credentialToken) return undefined;
    return this.state.credentials.find((credential) => credential.credentialToken === credentialToken);
  }

  private newCredential(
    applicationId: number,
    consumerKey: string,
    rules: AccessRule[],
    redirection: string | null,
    allowedIPs: string[] | null,
  ): StoredCredential {
    return {
      credentialId: this.state.nextCredentialId++,
      applicationId,
      consumerKey,
      credentialToken: null,
      status: 'pendingValidation',
      creation: this.iso(this.now()),
      expiration: null,
      lastUse: null,
      rules: structuredClone(rules),
      redirection,
      allowedIPs,
    };
  }

  /** `POST /auth/credential`: a new consumer key waiting for the user's approval. */
  createPending(
    applicationKey: string,
    request: { accessRules: AccessRule[]; redirection: string | null; allowedIPs: string[] | null },
  ): StoredCredential {
    const app = this.findApplication(applicationKey);
    if (!app) throw new Error(`Unknown application key ${applicationKey}`);
    const credential = this.newCredential(
      app.applicationId,
      randomKey(32),
      request.accessRules,
      request.redirection,
      request.allowedIPs,
    );
    credential.credentialToken = randomKey(64);
    credential.expiration = this.iso(this.now() + pendingValidityMs);
    this.state.credentials.push(credential);
    this.changed();
    return credential;
  }

  /** Status as of now: a validated or pending credential past its expiration is expired. */
  effectiveStatus(credential: StoredCredential): CredentialStatus {
    if (
      (credential.status === 'validated' || credential.status === 'pendingValidation') &&
      credential.expiration !== null &&
      Date.parse(credential.expiration) <= this.now()
    ) {
      return 'expired';
    }
    return credential.status;
  }

  /** The user approved the request on the validation page. `validitySeconds` null = unlimited. */
  validate(credentialToken: string, validitySeconds: number | null): StoredCredential | undefined {
    const credential = this.findByToken(credentialToken);
    if (!credential || this.effectiveStatus(credential) !== 'pendingValidation') return undefined;
    credential.status = 'validated';
    credential.credentialToken = null;
    credential.expiration = validitySeconds === null ? null : this.iso(this.now() + validitySeconds * 1000);
    this.changed();
    return credential;
  }

  /** The user refused the request on the validation page. */
  refuse(credentialToken: string): StoredCredential | undefined {
    const credential = this.findByToken(credentialToken);
    if (!credential || this.effectiveStatus(credential) !== 'pendingValidation') return undefined;
    credential.status = 'refused';
    credential.credentialToken = null;
    this.changed();
    return credential;
  }

  /** `POST /auth/logout`: the consumer key stops working at once. */
  expire(consumerKey: string): void {
    const credential = this.findByConsumerKey(consumerKey);
    if (!credential) return;
    credential.status = 'expired';
    credential.credentialToken = null;
    credential.expiration = this.iso(this.now());
    this.changed();
  }

  /** Records a successful use (no persistence: lastUse is informative and would mean a write per call). */
  touch(credential: StoredCredential): void {
    credential.lastUse = this.iso(this.now());
  }

  toApiCredential(credential: StoredCredential): ApiCredential {
    return {
      credentialId: credential.credentialId,
      applicationId: credential.applicationId,
      status: this.effectiveStatus(credential),
      creation: credential.creation,
      expiration: credential.expiration,
      lastUse: credential.lastUse,
      rules: structuredClone(credential.rules),
      allowedIPs: credential.allowedIPs,
      ovhSupport: false,
    };
  }
}
