/**
 * OVHcloud's `auth.*` models (PROTOCOL §4), used by the connection flow and by the sandbox server that
 * simulates it. The `/auth` routes are outside `/ipLoadbalancing`, so these are not in `src/api/generated.ts`.
 */

export const accessRuleMethods = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type AccessRuleMethod = (typeof accessRuleMethods)[number];

/** One access rule: an HTTP verb and a path that may contain `*` wildcards. */
export interface AccessRule {
  method: AccessRuleMethod;
  path: string;
}

/** `auth.CredentialStateEnum` */
export type CredentialStatus = 'pendingValidation' | 'validated' | 'refused' | 'expired';

/** `auth.ApiCredential`, the answer to `GET /auth/currentCredential` */
export interface ApiCredential {
  credentialId: number;
  applicationId: number;
  status: CredentialStatus;
  creation: string;
  expiration: string | null;
  lastUse: string | null;
  rules: AccessRule[];
  allowedIPs: string[] | null;
  ovhSupport: boolean;
}

/** `auth.Credential`, the answer to `POST /auth/credential` */
export interface NewCredential {
  validationUrl: string;
  consumerKey: string;
  state: CredentialStatus;
}
