import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { serviceQueries } from '@/features/service/api/service-queries';

interface ServicePickerProps {
  value: string | undefined;
  onChange: (serviceName: string) => void;
}

/** Chooses the load balancer every page works on; the choice lives in the URL. */
export function ServicePicker({ value, onChange }: ServicePickerProps) {
  const { data: services = [], isPending } = useQuery(serviceQueries.list());
  const options = services.map((service) => ({
    value: service.serviceName,
    label: service.displayName ? `${service.displayName} (${service.serviceName})` : service.serviceName,
  }));
  return (
    <Select
      aria-label="Load balancer"
      placeholder={isPending ? 'Loading load balancers…' : 'Choose a load balancer'}
      data={options}
      value={value ?? null}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      w={{ base: 200, sm: 280, lg: 440 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
