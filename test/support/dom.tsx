import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach } from 'vitest';
import { RequireLogin } from '../../src/web/app/RequireLogin.tsx';
import { SessionProvider } from '../../src/web/app/session.tsx';
import { setTransport } from '../../src/web/shared/api.ts';
import '../../src/web/shared/i18n.ts';
import type { TestContext } from './test-app.ts';

afterEach(cleanup);
// The first requests of a file wait for the server to warm up (PGlite, zod schemas): allow them time.
configure({ asyncUtilTimeout: 10_000 });

/**
 * Component tests talk to the real server: the web app's API client is given a transport that
 * hands each request to the test's Fastify app in-process (app.inject), keeping the session
 * cookie as a browser would. Nothing in between is faked.
 */
export function connectToServer(ctx: TestContext): { login(email: string, password: string): Promise<void> } {
  let cookie: string | undefined;
  setTransport(async (url, init) => {
    const response = await ctx.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
      ...(init.body !== undefined ? { payload: init.body as string } : {}),
    });
    const set = response.cookies.find((c) => c.name === 'samtrygg_session');
    if (set) cookie = set.value ? `samtrygg_session=${set.value}` : undefined;
    return new Response(response.statusCode === 204 ? null : response.body, {
      status: response.statusCode,
      headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
    });
  });
  return {
    async login(email, password) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      const set = response.cookies.find((c) => c.name === 'samtrygg_session');
      if (!set) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      cookie = `samtrygg_session=${set.value}`;
    },
  };
}

/** Renders a page as the app does (query client, session, router), logged in, at `path`. */
export function renderPage(page: ReactElement, { path = '/', route = path }: { path?: string; route?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={<RequireLogin>{page}</RequireLogin>} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}
