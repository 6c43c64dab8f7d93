import { Title } from '@mantine/core';

/** Temporary page for a section whose screens are being built. */
export function PlaceholderRoute({ title }: { title: string }) {
  return <Title order={2}>{title}</Title>;
}
