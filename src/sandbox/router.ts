import { operationSpecs, type OperationSpec } from '@/api/generated';

interface CompiledOperation {
  spec: OperationSpec;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledOperation[] = operationSpecs.map((spec) => {
  const names: string[] = [];
  const source = spec.path
    .split('/')
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { spec: spec as OperationSpec, pattern: new RegExp(`^${source}$`), names };
});

export interface RouteMatch {
  spec: OperationSpec;
  params: Record<string, string>;
}

/** Find the operation for a method and an API path (no query). Literal segments win over parameters. */
export function matchOperation(method: string, path: string): RouteMatch | null {
  let best: RouteMatch | null = null;
  let bestParams = Infinity;
  for (const operation of compiled) {
    if (operation.spec.method !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    if (operation.names.length >= bestParams) continue;
    const params: Record<string, string> = {};
    operation.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1]!);
    });
    best = { spec: operation.spec, params };
    bestParams = operation.names.length;
  }
  return best;
}

/** For a list operation (`GET …/farm`), the detail operation (`GET …/farm/{farmId}`) and its id parameter. */
export function detailOperationOf(spec: OperationSpec): { spec: OperationSpec; param: string } | null {
  if (spec.method !== 'GET' || !spec.responseType.endsWith('[]')) return null;
  for (const operation of compiled) {
    if (operation.spec.method !== 'GET') continue;
    const path = operation.spec.path;
    const prefix = `${spec.path}/{`;
    if (path.startsWith(prefix) && path.indexOf('/', prefix.length) === -1) {
      return { spec: operation.spec, param: path.slice(prefix.length, -1) };
    }
  }
  return null;
}

export function operationKey(spec: Pick<OperationSpec, 'method' | 'path'>): string {
  return `${spec.method} ${spec.path}`;
}
