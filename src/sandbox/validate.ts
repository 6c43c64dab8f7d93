import { modelSpecs, operationSpecs, type OperationSpec } from '@/api/generated';
import { isIpv4, validateIpv4Block } from '@/lib/validation/ip';
import { badRequest } from './errors';

/**
 * Generic checks of values against the API description (`modelSpecs` / `operationSpecs`):
 * scalar types, enums, nested models, arrays, unknown fields, required parameters, read-only fields on PUT.
 */

const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function shortName(type: string): string {
  return type.split('.').pop() ?? type;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : String(text);
}

/** Error message for `value` against OVH type `type`, or null when it fits. `path` names the field. */
export function checkType(value: unknown, type: string, path: string): string | null {
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return `[${path}] Given data (${show(value)}) is not an array of ${type.slice(0, -2)}`;
    for (const [index, item] of value.entries()) {
      if (item === null) return `[${path}.${index}] Array items cannot be null`;
      const error = checkType(item, type.slice(0, -2), `${path}.${index}`);
      if (error) return error;
    }
    return null;
  }
  const invalid = () => `[${path}] Given data (${show(value)}) is not valid for type ${type}`;
  switch (type) {
    case 'long':
    case 'coreTypes.ServiceId:long':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : invalid();
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? null : invalid();
    case 'boolean':
      return typeof value === 'boolean' ? null : invalid();
    case 'string':
    case 'text':
    case 'password':
    case 'uuid':
    case 'coreTypes.AccountId:string':
      return typeof value === 'string' ? null : invalid();
    case 'ipv4':
      return isIpv4(value) ? null : invalid();
    case 'ipBlock':
      return typeof value === 'string' && validateIpv4Block(value) === null ? null : invalid();
    case 'ip':
    case 'ipv6':
      return typeof value === 'string' && value.length > 0 ? null : invalid();
    case 'date':
    case 'datetime':
      return typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value)) ? null : invalid();
    case 'map[string]string':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : invalid();
    default:
      break;
  }
  const model = modelSpecs[type];
  if (!model) return null; // a type the description does not detail: accept
  if (model.enum) {
    return typeof value === 'string' && model.enum.includes(value)
      ? null
      : `[${path}] Given data (${show(value)}) does not belong to the ${shortName(type)} enumeration (${model.enum.join(', ')})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `[${path}] Given data (${show(value)}) is not an object of type ${shortName(type)}`;
  }
  return checkObject(value as Record<string, unknown>, type, path, { requireAll: false });
}

/** Check an object against a model: unknown fields refused, null only where canBeNull. */
export function checkObject(
  value: Record<string, unknown>,
  modelName: string,
  path: string,
  options: { requireAll: boolean; ignore?: readonly string[] },
): string | null {
  const properties = modelSpecs[modelName]?.properties ?? {};
  const prefix = path ? `${path}.` : '';
  for (const key of Object.keys(value)) {
    if (options.ignore?.includes(key)) continue;
    if (!(key in properties)) return `[${prefix}${key}] Unknown property for type ${shortName(modelName)}`;
  }
  for (const [key, field] of Object.entries(properties)) {
    if (options.ignore?.includes(key)) continue;
    const fieldValue = value[key];
    if (fieldValue === undefined) {
      if (options.requireAll && !field.canBeNull) return `[${prefix}${key}] Property is mandatory`;
      continue;
    }
    if (fieldValue === null) {
      if (!field.canBeNull) return `[${prefix}${key}] Property cannot be null`;
      continue;
    }
    const error = checkType(fieldValue, field.type, `${prefix}${key}`);
    if (error) return error;
  }
  return null;
}

/** Body parameters of an operation, as a record of checked values. Throws 400 on the first problem. */
export function checkBodyParameters(spec: OperationSpec, body: unknown): Record<string, unknown> {
  const parameters = spec.parameters.filter((parameter) => parameter.in === 'body' && parameter.name);
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid JSON body: an object is expected');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !parameters.some((parameter) => parameter.name === key));
  if (unknown.length > 0) throw badRequest(`Invalid parameter(s): ${unknown.join(', ')} (not accepted by ${spec.method} ${spec.path})`);
  const missing = parameters
    .filter((parameter) => parameter.required && (record[parameter.name!] === undefined || record[parameter.name!] === null))
    .map((parameter) => parameter.name!);
  if (missing.length > 0) throw badRequest(`Missing parameter(s): ${missing.join(', ')}`);
  for (const parameter of parameters) {
    const value = record[parameter.name!];
    if (value === undefined || value === null) continue;
    const error = checkType(value, parameter.type, parameter.name!);
    if (error) throw badRequest(error);
  }
  return record;
}

/** Convert and check query parameters declared by the operation; unknown ones are ignored. */
export function checkQueryParameters(spec: OperationSpec, query: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const parameter of spec.parameters) {
    if (parameter.in !== 'query' || !parameter.name) continue;
    const raw = query.get(parameter.name);
    if (raw === null) continue;
    let value: unknown = raw;
    if (parameter.type === 'long') value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    if (parameter.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
    const error = checkType(value, parameter.type, parameter.name);
    if (error) throw badRequest(error);
    result[parameter.name] = value;
  }
  return result;
}

/** Path parameters are strings in the URL; `long` ones must be integers. */
export function checkPathParameters(spec: OperationSpec, params: Record<string, string>): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const parameter of spec.parameters) {
    if (parameter.in !== 'path' || !parameter.name) continue;
    const raw = params[parameter.name] ?? '';
    if (parameter.type === 'long') {
      if (!/^\d+$/.test(raw)) throw badRequest(`[${parameter.name}] Given data (${raw}) is not valid for type long`);
      result[parameter.name] = Number(raw);
    } else {
      result[parameter.name] = raw;
    }
  }
  return result;
}

/** Computed read-only fields a client may send back with any value (they change between a GET and a PUT). */
const volatileFields = ['serverState', 'rules', 'iam'];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function getResponseModel(spec: OperationSpec): string | undefined {
  const get = operationSpecs.find((op) => op.method === 'GET' && op.path === spec.path);
  return get?.responseType;
}

/**
 * A PUT body is the whole object as GET returned it. Fields not sent keep their value; read-only fields
 * must be unchanged (they are ignored then); changing one is refused. Returns the merged object.
 */
export function mergePutBody<T extends object>(spec: OperationSpec, body: unknown, current: T): T {
  const bodyParameter = spec.parameters.find((parameter) => parameter.in === 'body' && !parameter.name);
  if (!bodyParameter) throw badRequest(`${spec.method} ${spec.path} takes no whole-object body`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Invalid JSON body: the whole object is expected');
  }
  const modelName = bodyParameter.type;
  const properties = modelSpecs[modelName]?.properties ?? {};
  const responseModel = getResponseModel(spec);
  const responseProperties = (responseModel && modelSpecs[responseModel]?.properties) || {};
  const record = body as Record<string, unknown>;
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(record)) {
    const field = properties[key];
    const readOnlyElsewhere = !field && responseProperties[key]?.readOnly;
    if (!field && !readOnlyElsewhere) throw badRequest(`[${key}] Unknown property for type ${shortName(modelName)}`);
    if (volatileFields.includes(key)) continue;
    if (!field || field.readOnly) {
      if (!sameValue(value, (current as Record<string, unknown>)[key])) {
        throw badRequest(`[${key}] Property is read-only and cannot be changed (current value: ${show((current as Record<string, unknown>)[key])})`);
      }
      continue;
    }
    if (value === null || value === undefined) {
      if (value === null && !field.canBeNull) throw badRequest(`[${key}] Property cannot be null`);
      next[key] = null;
      continue;
    }
    const error = checkType(value, field.type, key);
    if (error) throw badRequest(error);
    next[key] = value;
  }
  return next as T;
}
