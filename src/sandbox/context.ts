import type { OperationSpec } from '@/api/generated';
import { objectNotFound } from './errors';
import type { SandboxState, ServiceState } from './state';

/** What a route handler receives; the router has already checked parameters against the API description. */
export interface HandlerContext {
  state: SandboxState;
  /** the clock's now, in ms */
  now: number;
  refreshDurationMs: number;
  spec: OperationSpec;
  /** checked path parameters (`long` ones as numbers) */
  params: Record<string, string | number>;
  /** checked query parameters declared by the operation */
  query: Record<string, unknown>;
  /** checked named body parameters (creates, actions) */
  body: Record<string, unknown>;
  /** raw JSON body (PUT whole-object bodies) */
  rawBody: unknown;
  request: Request;
}

/** Returns the JSON body to send (null for `void` operations). */
export type Handler = (ctx: HandlerContext) => unknown;

/** `METHOD /path/template` of operationSpecs → handler */
export type HandlerTable = Record<string, Handler>;

export const SERVICE_PATH = '/ipLoadbalancing/{serviceName}';

export function serviceOf(ctx: HandlerContext): ServiceState {
  const name = String(ctx.params.serviceName);
  const service = ctx.state.services[name];
  if (!service) throw objectNotFound('serviceName', name);
  return service;
}

export function idParam(ctx: HandlerContext, name: string): number {
  return ctx.params[name] as number;
}
