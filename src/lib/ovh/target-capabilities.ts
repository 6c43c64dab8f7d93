/** What a target's server was seen to support, remembered so fallbacks are not re-probed on every call. */
import type { ApiTarget } from './target.ts';

export interface TargetCapabilities {
  /** `X-Pagination-Mode: CachedObjectList-Pages` answered with objects; `undefined` = not probed yet */
  expandedLists?: boolean;
  /** `X-Ovh-Batch` answered with `{key, value}` items; `undefined` = not probed yet */
  batch?: boolean;
}

const capabilitiesByTarget = new WeakMap<ApiTarget, TargetCapabilities>();

export function capabilitiesOf(target: ApiTarget): TargetCapabilities {
  let capabilities = capabilitiesByTarget.get(target);
  if (!capabilities) {
    capabilities = {};
    capabilitiesByTarget.set(target, capabilities);
  }
  return capabilities;
}
