import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest Debian PostgreSQL's binaries (`.ci/run` installs the package), or undefined. */
export function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions.at(-1)!, 'bin') : undefined;
}

/**
 * Whether a test that stops and starts its own PostgreSQL can run here. Without the binaries it
 * skips with a loud notice on a developer machine, and fails in CI, where nothing may skip.
 */
export function ownPostgresAvailable(): boolean {
  if (postgresBinDir()) return true;
  const notice = 'PostgreSQL binaries not found under /usr/lib/postgresql: tests with their own cluster are SKIPPED.';
  if (process.env.CI) throw new Error(`${notice} In CI nothing may skip.`);
  console.warn(`\n\u001b[33m!!! ${notice}\u001b[0m\n`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface OwnPostgres {
  url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (clients disconnected, clean) or `-m immediate` (as a crash). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster of the test's own, on a free loopback port, which the test may
 * stop and start (never the shared test server). Durable commits stay on (synchronous_commit),
 * so an acknowledged transaction survives even `-m immediate`; fsync is off since the machine
 * itself does not crash.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL binaries');
  const dir = mkdtempSync(path.join(tmpdir(), 'samtrygg-own-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: run them as the postgres user, who owns the folder.
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const sh = (command: string) =>
    asRoot ? run('su', ['postgres', '-s', '/bin/sh', '-c', command]) : run('/bin/sh', ['-c', command]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  await sh(`'${bin}/initdb' -D '${data}' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'${dir}/initdb.log' 2>&1`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await sh(`'${bin}/pg_ctl' -D '${data}' -l '${dir}/server.log' -w -t 60 -o "${options}" start >/dev/null`);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await sh(`'${bin}/pg_ctl' -D '${data}' -m ${mode} -w stop >/dev/null`);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
