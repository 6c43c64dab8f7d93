import { frontendName } from '@/lib/iplb/frontend-queries';
import { farmLabel } from '@/lib/iplb/farm-queries';
import type { AnyFarm, AnyFrontend } from '@/lib/iplb/protocol';

/** Text filter over name, id, port, zone and default farm name; zone filter (`all` frontends match every zone). */
export function filterFrontends<F extends AnyFrontend>(
  frontends: readonly F[],
  { text, zone }: { text: string; zone: string },
  farmsById: ReadonlyMap<number, AnyFarm>,
): F[] {
  const needle = text.trim().toLowerCase();
  return frontends.filter((frontend) => {
    if (zone && frontend.zone !== zone) return false;
    if (!needle) return true;
    const farm = frontend.defaultFarmId === null ? undefined : farmsById.get(frontend.defaultFarmId);
    const haystack = [frontendName(frontend), String(frontend.frontendId), frontend.port, frontend.zone, farm ? farmLabel(farm) : '']
      .join(' ')
      .toLowerCase();
    return haystack.includes(needle);
  });
}
