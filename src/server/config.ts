import { z } from 'zod';

/**
 * Every environment variable Samtrygg reads, parsed once at boot.
 * Keep this list in sync with `.env.example` and the README.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const configSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Connections each process keeps to PostgreSQL at most (PGlite has one). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    SEED_PACK: z.string().min(1).default('huddinge'),
    SAMTRYGG_ADMIN_EMAIL: z.string().email().default('admin@samtrygg.local'),
    SAMTRYGG_ADMIN_PASSWORD: z
      .string()
      .min(12, 'at least 12 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SAMTRYGG_DEMO: booleanFlag.default(false),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: booleanFlag.default(true),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
    /**
     * Which reverse proxies to believe about the client's address (X-Forwarded-For), so the login
     * rate limit and the logs see the client and not the proxy: empty trusts none (direct
     * exposure); a number trusts that many hops; otherwise comma-separated addresses or CIDR ranges.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((value): boolean | number | string => {
        const trimmed = value.trim();
        if (trimmed === '') return false;
        if (/^\d+$/.test(trimmed)) return Number(trimmed);
        return trimmed;
      }),
    MAP_TILE_URL: z.string().default(''),
    MAP_TILE_ATTRIBUTION: z.string().default(''),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** A request slower than this is logged at info (every request is logged at debug). */
    LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
    /** When set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`; empty leaves it open. */
    METRICS_TOKEN: z.string().default(''),
    /** 0 = this process only enqueues background jobs and leaves running them to others (PostgreSQL only). */
    JOBS_WORK: booleanFlag.default(true),
    /** On SIGTERM, how long to wait for running requests and jobs before exiting anyway. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** Worker threads for analyses; 0 = one fewer than the machine's cores (at least 1, at most 4). */
    ANALYSIS_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
    /** Analyses one user may have under way at once (the analysis page starts six). */
    ANALYSIS_RUNS_PER_USER: z.coerce.number().int().min(1).max(100).default(8),
    /**
     * The deployment's public base URL (`https://samtrygg.huddinge.se`): absolute links in public
     * pages, feeds and e-mail are built from it, never from a request's Host header (which a client
     * chooses, and which a shared cache would hand to everyone). Defaults to the listening address.
     */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .transform((config) => ({
    ...config,
    PUBLIC_URL: trimSlash(
      config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`,
    ),
  }));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
