import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/app/routes/route-error';
import { NotFoundPage } from '@/app/routes/not-found';
import { HomeRedirect } from '@/app/routes/home-redirect';
import { ServiceLayout } from '@/app/routes/service-layout';
import { PageLoader } from '@/app/routes/page-loader';

/**
 * Pages are loaded on demand (one chunk each) so the first screen does not wait for every form.
 * Every route has its own error boundary so one broken page never blanks the whole app.
 */
const page = (path: string, load: () => Promise<RouteObject['Component']>): RouteObject => ({
  path,
  lazy: async () => ({ Component: await load() }),
  errorElement: <RouteError />,
  hydrateFallbackElement: <PageLoader />,
});

export const appRoutes: RouteObject[] = [
  { path: '/', element: <HomeRedirect />, errorElement: <RouteError /> },
  page('/connection', () => import('@/features/connection/components/connection-page').then((m) => m.ConnectionPage)),
  {
    path: '/services/:serviceName',
    element: <ServiceLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('@/app/routes/overview')).OverviewRoute }),
        errorElement: <RouteError />,
        hydrateFallbackElement: <PageLoader />,
      },
      page('overview', () => import('@/app/routes/overview').then((m) => m.OverviewRoute)),
      page('frontends/:protocol?', () => import('@/app/routes/frontends').then((m) => m.FrontendsRoute)),
      page('farms/:protocol?', () => import('@/app/routes/farms').then((m) => m.FarmsRoute)),
      page('farms/:protocol/:farmId', () => import('@/app/routes/farm-detail').then((m) => m.FarmDetailRoute)),
      page('servers/:protocol?', () => import('@/app/routes/servers').then((m) => m.ServersRoute)),
      page('certificates', () => import('@/app/routes/certificates').then((m) => m.CertificatesRoute)),
      page('tasks', () => import('@/app/routes/tasks').then((m) => m.TasksRoute)),
      { path: '*', element: <NotFoundPage />, errorElement: <RouteError /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
