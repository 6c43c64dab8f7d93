import { Button, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { useClearUrlParams, useUrlState } from '@/components/url-state';
import { renderWithProviders } from '@/testing/render';

function Filters() {
  const [text, setText] = useUrlState('q');
  const [zone, setZone] = useUrlState('zone');
  const clear = useClearUrlParams('q', 'zone');
  const location = useLocation();
  return (
    <>
      <TextInput label="Filter" value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <TextInput label="Zone" value={zone} onChange={(event) => setZone(event.currentTarget.value)} />
      <Button onClick={clear}>Clear filters</Button>
      <output aria-label="search">{location.search}</output>
    </>
  );
}

describe('URL state', () => {
  it('keeps each value in its search parameter and drops the default', async () => {
    const { user } = renderWithProviders(<Filters />, { route: '/list?sort=id:asc' });
    await user.type(screen.getByLabelText('Filter'), 'web');
    await user.type(screen.getByLabelText('Zone'), 'gra');
    expect(screen.getByLabelText('search')).toHaveTextContent('?sort=id%3Aasc&q=web&zone=gra');
    await user.clear(screen.getByLabelText('Filter'));
    expect(screen.getByLabelText('search')).toHaveTextContent('?sort=id%3Aasc&zone=gra');
  });

  it('clears several parameters at once and leaves the others', async () => {
    const { user } = renderWithProviders(<Filters />, { route: '/list?q=web&zone=gra&sort=id:asc' });
    expect(screen.getByLabelText('Filter')).toHaveValue('web');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByLabelText('Filter')).toHaveValue('');
    expect(screen.getByLabelText('Zone')).toHaveValue('');
    expect(screen.getByLabelText('search')).toHaveTextContent('?sort=id%3Aasc');
  });
});
