import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/app/routes/route-error';
import { NotFoundPage } from '@/app/routes/not-found';
import { HomeRedirect } from '@/app/routes/home-redirect';
import { ServiceLayout } from '@/app/routes/service-layout';
import { OverviewRoute } from '@/app/routes/overview';
import { FrontendsRoute } from '@/app/routes/frontends';
import { FarmsRoute } from '@/app/routes/farms';
import { FarmDetailRoute } from '@/app/routes/farm-detail';
import { ServersRoute } from '@/app/routes/servers';
import { CertificatesRoute } from '@/app/routes/certificates';
import { TasksRoute } from '@/app/routes/tasks';
import { ConnectionPage } from '@/features/connection/components/connection-page';

/** Every route has its own error boundary so one broken page never blanks the whole app. */
export const appRoutes: RouteObject[] = [
  { path: '/', element: <HomeRedirect />, errorElement: <RouteError /> },
  { path: '/connection', element: <ConnectionPage />, errorElement: <RouteError /> },
  {
    path: '/services/:serviceName',
    element: <ServiceLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewRoute />, errorElement: <RouteError /> },
      { path: 'overview', element: <OverviewRoute />, errorElement: <RouteError /> },
      { path: 'frontends/:protocol?', element: <FrontendsRoute />, errorElement: <RouteError /> },
      { path: 'farms/:protocol?', element: <FarmsRoute />, errorElement: <RouteError /> },
      { path: 'farms/:protocol/:farmId', element: <FarmDetailRoute />, errorElement: <RouteError /> },
      { path: 'servers/:protocol?', element: <ServersRoute />, errorElement: <RouteError /> },
      { path: 'certificates', element: <CertificatesRoute />, errorElement: <RouteError /> },
      { path: 'tasks', element: <TasksRoute />, errorElement: <RouteError /> },
      { path: '*', element: <NotFoundPage />, errorElement: <RouteError /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
