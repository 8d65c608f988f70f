import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openTestDatabase } from './test-database.js';
/** A real app on a fresh database, with an adjustable clock. Tests talk to it with app.inject(). */
export async function createTestContext(options = {}) {
    const database = await openTestDatabase();
    const clock = {
        now: new Date(options.now ?? '2026-11-18T10:00:00Z'),
        set(iso) {
            this.now = new Date(iso);
        },
    };
    const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...options.env });
    const app = await buildApp({ config, database, clock: () => clock.now, webRoot: null, logger: false });
    await app.ready();
    return {
        app,
        database,
        clock,
        close: async () => {
            await app.close();
            await database.drop();
        },
    };
}
/** Logs in through the real endpoint and returns the cookie and CSRF token. */
export async function login(app, email, password) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200)
        throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
    const setCookie = response.cookies.find((c) => c.name === 'samtrygg_session');
    const body = response.json();
    return { cookie: `samtrygg_session=${setCookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}
/** app.inject as a logged-in user, with the CSRF header on state-changing requests. */
export function as(app, session) {
    const send = (method, url, payload) => app.inject({
        method,
        url,
        headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }) },
        ...(payload !== undefined ? { payload: payload } : {}),
    });
    return {
        get: (url) => send('GET', url),
        post: (url, payload) => send('POST', url, payload ?? {}),
        patch: (url, payload) => send('PATCH', url, payload),
        put: (url, payload) => send('PUT', url, payload),
    };
}
