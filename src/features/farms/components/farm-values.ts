import type { BackendHttp, BackendTcp, BackendUdp, BalanceHTTPEnum, FarmAvailableProbe, StickinessHTTPEnum } from '@/api/generated';
import {
  defaultProbeValues,
  portError,
  type TypedNumber,
  probeToValues,
  validateProbeValues,
  valuesToProbe,
  type ProbeValues,
} from '@/features/farms/components/probe-values';
import type { FarmCreateBodyByProtocol } from '@/lib/iplb/farm-queries';
import type { FarmByProtocol, Protocol } from '@/lib/iplb/protocol';
import { validateDisplayName } from '@/lib/validation/fields';

/** The farm form's fields, as typed: '' = not set (the API default applies). */
export interface FarmFormValues {
  displayName: string;
  zone: string;
  port: TypedNumber;
  balance: string;
  stickiness: string;
  vrackNetworkId: TypedNumber;
  probe: ProbeValues;
}

export const emptyFarmValues = (zone = ''): FarmFormValues => ({
  displayName: '',
  zone,
  port: '',
  balance: '',
  stickiness: '',
  vrackNetworkId: '',
  probe: defaultProbeValues,
});

export function farmToValues(farm: FarmByProtocol[Protocol]): FarmFormValues {
  const withProbe = 'probe' in farm ? (farm as BackendHttp | BackendTcp) : null;
  return {
    displayName: farm.displayName ?? '',
    zone: farm.zone,
    port: farm.port ?? '',
    balance: withProbe?.balance ?? '',
    stickiness: withProbe?.stickiness ?? '',
    vrackNetworkId: farm.vrackNetworkId ?? '',
    probe: probeToValues(withProbe?.probe ?? null),
  };
}

export type FarmFormErrors = Partial<Record<string, string>>;

/** Errors per field (probe fields as `probe.<field>`), the same rules the API applies. */
export function validateFarmValues(
  values: FarmFormValues,
  protocol: Protocol,
  available: readonly FarmAvailableProbe[],
  creating: boolean,
): FarmFormErrors {
  const errors: FarmFormErrors = {};
  const name = validateDisplayName(values.displayName);
  if (name) errors.displayName = name;
  if (creating && !values.zone) errors.zone = 'Choose the zone where the farm runs';
  if (values.port === '') {
    if (protocol === 'udp') errors.port = 'A UDP farm needs a port';
  } else {
    const port = portError(values.port);
    if (port) errors.port = port;
  }
  const vrack = values.vrackNetworkId;
  if (vrack !== '' && (typeof vrack !== 'number' || !Number.isInteger(vrack) || vrack < 1)) {
    errors.vrackNetworkId = 'The vRack network id must be a whole number from 1';
  }
  if (protocol !== 'udp') {
    const kind = available.find((entry) => entry.type === values.probe.type);
    for (const [field, message] of Object.entries(validateProbeValues(values.probe, kind))) {
      errors[`probe.${field}`] = message;
    }
  }
  return errors;
}

const orNull = <T>(value: T | '') => (value === '' ? null : value);

/** `POST /{protocol}/farm`: only the fields the user set, so the API's defaults apply to the rest. */
export function valuesToCreateBody<P extends Protocol>(
  protocol: P,
  values: FarmFormValues,
  available: readonly FarmAvailableProbe[],
): FarmCreateBodyByProtocol[P] {
  const body: Record<string, unknown> = { zone: values.zone };
  if (values.displayName.trim()) body.displayName = values.displayName.trim();
  if (values.port !== '') body.port = values.port;
  if (values.vrackNetworkId !== '') body.vrackNetworkId = values.vrackNetworkId;
  if (protocol !== 'udp') {
    if (values.balance) body.balance = values.balance;
    if (values.stickiness) body.stickiness = values.stickiness;
    const probe = valuesToProbe(values.probe, available.find((entry) => entry.type === values.probe.type));
    if (probe) body.probe = probe;
  }
  return body as unknown as FarmCreateBodyByProtocol[P];
}

/** `PUT /{protocol}/farm/{id}`: the whole object as GET returned it, with the changes. */
export function valuesToUpdatedFarm<P extends Protocol>(
  farm: FarmByProtocol[P],
  values: FarmFormValues,
  available: readonly FarmAvailableProbe[],
): FarmByProtocol[P] {
  const common = {
    displayName: values.displayName.trim() || null,
    vrackNetworkId: orNull(values.vrackNetworkId),
  };
  if (!('probe' in farm)) {
    return { ...(farm as BackendUdp), ...common, port: values.port === '' ? farm.port : values.port } as FarmByProtocol[P];
  }
  return {
    ...farm,
    ...common,
    port: orNull(values.port),
    balance: (values.balance || null) as BalanceHTTPEnum | null,
    stickiness: (values.stickiness || null) as StickinessHTTPEnum | null,
    probe: valuesToProbe(values.probe, available.find((entry) => entry.type === values.probe.type)),
  } as FarmByProtocol[P];
}
