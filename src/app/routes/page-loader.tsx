import { Center, Loader } from '@mantine/core';

/** Shown while a page's code is being fetched. */
export function PageLoader() {
  return (
    <Center h="60vh">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}
