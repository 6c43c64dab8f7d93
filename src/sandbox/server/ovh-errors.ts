/**
 * OVHcloud-shaped error answers of the sandbox HTTP server (PROTOCOL §7).
 * Each body carries both shapes OVHcloud has used: `class` (current) and `errorCode` + `httpCode` (auth layer).
 */
export interface OvhErrorBody {
  class: string;
  errorCode?: string;
  httpCode: string;
  message: string;
}

const reason: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

const classFor: Record<number, string> = {
  400: 'Client::BadRequest',
  401: 'Client::Unauthorized',
  403: 'Client::Forbidden',
  404: 'Client::NotFound',
  405: 'Client::MethodNotAllowed',
  413: 'Client::BadRequest',
  500: 'Server::InternalServerError',
};

export class OvhHttpError extends Error {
  readonly status: number;
  readonly errorCode: string | undefined;

  constructor(status: number, errorCode: string | undefined, message: string) {
    super(message);
    this.name = 'OvhHttpError';
    this.status = status;
    this.errorCode = errorCode;
  }

  toBody(): OvhErrorBody {
    return {
      class:
        classFor[this.status] ?? (this.status >= 500 ? 'Server::InternalServerError' : 'Client::BadRequest'),
      ...(this.errorCode ? { errorCode: this.errorCode } : {}),
      httpCode: `${this.status} ${reason[this.status] ?? 'Error'}`,
      message: this.message,
    };
  }
}

export const ovhErrors = {
  notAuthenticated: () => new OvhHttpError(401, 'NOT_AUTHENTICATED', 'You must login first'),
  invalidKey: () => new OvhHttpError(403, 'INVALID_KEY', 'This application key is invalid'),
  invalidSignature: () => new OvhHttpError(400, 'INVALID_SIGNATURE', 'Invalid signature'),
  queryTimeOut: () => new OvhHttpError(400, 'QUERY_TIME_OUT', 'Query out of time'),
  notCredential: () => new OvhHttpError(403, 'NOT_CREDENTIAL', 'This credential does not exist'),
  invalidCredential: () => new OvhHttpError(403, 'INVALID_CREDENTIAL', 'This credential is not valid'),
  notGrantedCall: () => new OvhHttpError(403, 'NOT_GRANTED_CALL', 'This call has not been granted'),
  badRequest: (message: string) => new OvhHttpError(400, undefined, message),
  notFound: (message = 'Got an invalid (or empty) URL') => new OvhHttpError(404, undefined, message),
};
