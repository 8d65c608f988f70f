import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('fills in the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: './data',
      DATABASE_URL: undefined,
      SEED_PACK: 'huddinge',
      SAMTRYGG_ADMIN_EMAIL: 'admin@samtrygg.local',
      SAMTRYGG_ADMIN_PASSWORD: undefined,
      SAMTRYGG_DEMO: false,
      SESSION_TTL_HOURS: 12,
      COOKIE_SECURE: true,
      LOGIN_RATE_LIMIT_PER_MINUTE: 30,
      LOGIN_LOCKOUT_THRESHOLD: 5,
      LOGIN_LOCKOUT_MINUTES: 15,
      TRUST_PROXY: false,
      MAP_TILE_URL: '',
      MAP_TILE_ATTRIBUTION: '',
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1024 * 1024,
      DATABASE_POOL_SIZE: 10,
      LOG_SLOW_REQUEST_MS: 1000,
      METRICS_TOKEN: '',
      JOBS_WORK: true,
      SHUTDOWN_TIMEOUT_SECONDS: 25,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      ANALYSIS_WORKERS: 0,
      ANALYSIS_RUNS_PER_USER: 8,
    });
  });

  it('takes PUBLIC_URL without a trailing slash and refuses one that is not http(s)', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://samtrygg.huddinge.se/' }).PUBLIC_URL).toBe('https://samtrygg.huddinge.se');
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://127.0.0.1:8080');
    expect(configError({ PUBLIC_URL: 'javascript:alert(1)' }).message).toContain('PUBLIC_URL');
  });

  it('reads numbers, flags and URLs from their string form and ignores unrelated variables', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://samtrygg@db.example:5432/samtrygg',
      SAMTRYGG_DEMO: '1',
      COOKIE_SECURE: 'false',
      LOGIN_LOCKOUT_THRESHOLD: '3',
      PATH: '/usr/bin',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgresql://samtrygg@db.example:5432/samtrygg',
      SAMTRYGG_DEMO: true,
      COOKIE_SECURE: false,
      LOGIN_LOCKOUT_THRESHOLD: 3,
    });
    expect(config).not.toHaveProperty('PATH');
  });

  it('treats empty DATABASE_URL and SAMTRYGG_ADMIN_PASSWORD as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', SAMTRYGG_ADMIN_PASSWORD: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SAMTRYGG_ADMIN_PASSWORD).toBeUndefined();
  });

  it('lists a bad PORT and a bad DATABASE_URL together in one ConfigError', () => {
    const error = configError({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/samtrygg' });
    expect(error.message).toMatch(/^\s*PORT: /m);
    expect(error.message).toMatch(/^\s*DATABASE_URL: /m);
    expect(error.message).toContain('must be a postgres:// URL');
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SAMTRYGG_ADMIN_PASSWORD', 'short'],
    ['SAMTRYGG_ADMIN_EMAIL', 'not-an-address'],
    ['COOKIE_SECURE', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['LOGIN_LOCKOUT_THRESHOLD', '0'],
    ['BODY_LIMIT_BYTES', '10'],
    ['ANALYSIS_RUNS_PER_USER', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
  });
});
