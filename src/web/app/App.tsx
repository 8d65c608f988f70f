import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { NewReportPage } from '../features/reports/NewReportPage.tsx';
import { ReportsPage } from '../features/reports/ReportsPage.tsx';
import { ReportDetailPage } from '../features/reports/ReportDetailPage.tsx';
import { MyReportsPage } from '../features/reports/MyReportsPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { AuditPage } from '../features/admin/AuditPage.tsx';
import { ReferencePage } from '../features/admin/ReferencePage.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { Layout } from './Layout.tsx';
import { RequireLogin, RequireRole } from './RequireLogin.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { featureRoutes } from './feature-routes.tsx';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function Home() {
  const { user } = useSession();
  if (!user) return <Navigate to="/login" replace />;
  return <Navigate to={user.role === 'rapportor' ? '/rapporter/ny' : '/rapporter'} replace />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireLogin>
                  <Layout />
                </RequireLogin>
              }
            >
              <Route index element={<Home />} />
              <Route path="/rapporter" element={<ReportsPage />} />
              <Route path="/rapporter/mina" element={<MyReportsPage />} />
              <Route path="/rapporter/:id" element={<ReportDetailPage />} />
              <Route
                path="/admin"
                element={
                  <RequireRole roles={['admin']}>
                    <AdminPage />
                  </RequireRole>
                }
              />
              <Route
                path="/admin/anvandare"
                element={
                  <RequireRole roles={['admin']}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route
                path="/admin/logg"
                element={
                  <RequireRole roles={['admin']}>
                    <AuditPage />
                  </RequireRole>
                }
              />
              <Route
                path="/admin/referensdata"
                element={
                  <RequireRole roles={['admin']}>
                    <ReferencePage />
                  </RequireRole>
                }
              />
              <Route
                path="/rapporter/ny"
                element={
                  <RequireRole roles={['admin', 'samordnare', 'rapportor']}>
                    <NewReportPage />
                  </RequireRole>
                }
              />
              {featureRoutes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Route>
            <Route path="*" element={<Home />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}
