/** An OVHcloud-shaped API error: `{ class, message }` with an HTTP status. */
export class SandboxApiError extends Error {
  readonly status: number;
  readonly errorClass: string;

  constructor(status: number, errorClass: string, message: string) {
    super(message);
    this.name = 'SandboxApiError';
    this.status = status;
    this.errorClass = errorClass;
  }
}

export const badRequest = (message: string) => new SandboxApiError(400, 'Client::BadRequest', message);
export const notFound = (message: string) => new SandboxApiError(404, 'Client::NotFound', message);
export const conflict = (message: string) => new SandboxApiError(409, 'Client::Conflict', message);
export const invalidUrl = () => notFound('Got an invalid (or empty) URL');
export const objectNotFound = (field: string, value: string | number) =>
  notFound(`The requested object (${field} = ${value}) does not exist`);
export const notImplemented = (operation: string) =>
  new SandboxApiError(501, 'Server::NotImplemented', `The sandbox does not simulate ${operation}`);

/** Throw a 400 when a validation helper returned a message. */
export function check(message: string | null | undefined): void {
  if (message) throw badRequest(message);
}
