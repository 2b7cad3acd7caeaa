import { Alert, CircularProgress } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useMemo, useState } from 'react';
import { BrowserRouter, Route, Routes, useSearchParams } from 'react-router';
import { usePmo } from './api/clients';
import type { AppRoute } from './app-routes';
import { useSession } from './auth/AuthProvider';
import { hasAnyRole } from './auth/session';
import { auditRoutes } from './audit/routes';
import { buildoutRoutes } from './buildout/routes';
import { committeeRoutes } from './committees/routes';
import { AppLayout } from './layout/AppLayout';
import { metricsRoutes } from './metrics/routes';
import { oversightRoutes } from './oversight/routes';
import { prioritiesRoutes } from './priorities/routes';
import { programRoutes } from './program/routes';
import { projectRoutes } from './project/routes';
import { roadmapRoutes } from './roadmap/routes';
import { strategicRoutes } from './strategic/routes';
import { workRoutes } from './work/routes';

const allRoutes: AppRoute[] = [
  ...workRoutes,
  ...strategicRoutes,
  ...buildoutRoutes,
  ...prioritiesRoutes,
  ...committeeRoutes,
  ...roadmapRoutes,
  ...metricsRoutes,
  ...oversightRoutes,
  ...programRoutes,
  ...projectRoutes,
  ...auditRoutes,
];

export function App() {
  const session = useSession();
  const routes = useMemo(() => allRoutes.filter((route) => !route.roles || hasAnyRole(session, route.roles)), [session]);
  const nav = routes.filter((route) => route.nav).map((route) => ({ to: route.path, label: route.nav as string }));
  return (
    <BrowserRouter>
      <AppLayout nav={nav}>
        <Suspense fallback={<CircularProgress aria-label="Loading the page" />}>
          <Routes>
            {routes.map((route) => (
              <Route key={route.path} path={route.path} element={<Screen route={route} />} />
            ))}
            <Route path="*" element={<Alert severity="info">There is no such page, or it is not one your roles open.</Alert>} />
          </Routes>
        </Suspense>
      </AppLayout>
    </BrowserRouter>
  );
}

/** A screen: its queries start once, as it opens, before its lazily loaded code suspends the render. */
function Screen({ route }: { route: AppRoute }) {
  const queries = useQueryClient();
  const pmo = usePmo();
  const [search] = useSearchParams();
  useState(() => route.prefetch?.(queries, pmo, search));
  const Page = route.page;
  return <Page />;
}
