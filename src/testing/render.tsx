import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { cssVariablesResolver, theme } from '@/app/theme';
import { createQueryClient } from '@/lib/query-client';

interface RenderOptions {
  /** the URL the memory router starts on */
  route?: string;
  /** route path pattern the element is mounted on, e.g. `/services/:serviceName/farms/:protocol` */
  path?: string;
  /** extra routes, e.g. link targets */
  routes?: RouteObject[];
  queryClient?: QueryClient;
}

/** Renders UI the way the app does (Mantine in test mode: no portals, no transitions), with a fresh QueryClient. */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}) {
  const queryClient = options.queryClient ?? createQueryClient();
  const router = createMemoryRouter(
    [{ path: options.path ?? '*', element: ui }, ...(options.routes ?? [])],
    { initialEntries: [options.route ?? '/'] },
  );
  const result: RenderResult = render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, user: userEvent.setup(), queryClient, router };
}
