import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { ListInput } from '@/components/list-input/list-input';
import { validateIpv4Block } from '@/lib/validation/ip';
import { renderWithProviders } from '@/testing/render';

let latest: string[] = [];
function Harness({ initial = [] }: { initial?: string[] }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <ListInput
      label="Allowed sources"
      description="CIDR blocks"
      value={value}
      onChange={(next) => {
        latest = next;
        setValue(next);
      }}
      validateEntry={(entry) => validateIpv4Block(entry, 'Block')}
    />
  );
}

describe('ListInput', () => {
  it('adds typed entries on Enter and comma, and pasted lists at once', async () => {
    const { user } = renderWithProviders(<Harness />);
    const field = screen.getByLabelText('Allowed sources');
    await user.type(field, '10.0.0.0/8{Enter}192.168.0.0/16,');
    expect(latest).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    fireEvent.paste(field, { clipboardData: { getData: () => '203.0.113.0/24\n198.51.100.7, 172.16.0.0/12' } });
    expect(latest).toEqual(['10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '198.51.100.7', '172.16.0.0/12']);
    expect(screen.getByRole('button', { name: 'Remove 198.51.100.7' })).toBeInTheDocument();
  });

  it('keeps invalid entries, flags them with the reason, and removes on request', async () => {
    const { user } = renderWithProviders(<Harness />);
    const field = screen.getByLabelText('Allowed sources');
    await user.type(field, '10.0.0.5/8');
    expect(screen.getByText(/did you mean 10\.0\.0\.0\/8\?.*press Enter/)).toBeInTheDocument();
    await user.type(field, '{Enter}banana{Enter}10.0.0.5/8{Enter}');
    expect(latest).toEqual(['10.0.0.5/8', 'banana', '10.0.0.5/8']);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('Block "10.0.0.5/8" is not the start of its block: did you mean 10.0.0.0/8?')).toHaveLength(2);
    expect(screen.getByText('Block "banana" is not an IPv4 block such as 203.0.113.0/24')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove banana' }));
    expect(latest).toEqual(['10.0.0.5/8', '10.0.0.5/8']);
  });

  beforeEach(() => {
    latest = [];
  });

  it('flags duplicates and commits a pending entry on blur', async () => {
    const { user } = renderWithProviders(<Harness initial={['10.0.0.0/8']} />);
    await user.type(screen.getByLabelText('Allowed sources'), '10.0.0.0/8');
    await user.tab();
    expect(latest).toEqual(['10.0.0.0/8', '10.0.0.0/8']);
    expect(screen.getByText('10.0.0.0/8 is listed twice')).toBeInTheDocument();
  });
});
