import { OvhApiError } from '@/lib/ovh/errors';

/** One line for a user: the API's message, and the request id to quote to support when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof OvhApiError) {
    return error.queryId ? `${error.message} (request id ${error.queryId})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
