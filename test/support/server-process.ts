import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Plain JavaScript shared with `npm start`: is dist/ current?
import { isStale } from '../../scripts/build-state.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the process wrote so far (JSON log lines and start-up text). */
  output(): string;
  /** SIGTERM and wait for the exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
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

/**
 * A real server process, as deployed: the build in dist/ when it is current (`npm test` builds
 * first), otherwise the sources through tsx. Resolves once /api/health/ready answers 200.
 */
export async function startServerProcess(options: { databaseUrl?: string; env?: Record<string, string> }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samtrygg-proc-'));
  const port = await freePort();
  const args = isStale('server') ? ['--import', 'tsx', 'src/server/main.ts'] : ['dist/server/main.js'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      SAMTRYGG_ADMIN_PASSWORD: 'a-long-admin-password',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const ready = await fetch(`${url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      cleanUp();
      return code;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      cleanUp();
    },
  } satisfies ServerProcess;
}
