import { chmodSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { writeBackup } from './backup.ts';

/**
 * PGlite is one process's database: while the server runs, `samtrygg backup` may not open its
 * data directory. The server therefore answers backups on a Unix socket inside DATA_DIR, readable
 * only by the user the server runs as (the same who may read the data directory anyway), and the
 * CLI asks it there. PostgreSQL needs none of this: the CLI connects like any other client.
 */
export const backupSocketPath = (dataDir: string) => path.join(path.resolve(dataDir), 'backup.sock');

export async function startBackupSocket(db: Kysely<any>, dataDir: string): Promise<Server> {
  const socket = backupSocketPath(dataDir);
  rmSync(socket, { force: true }); // left by a process that was killed
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip' });
    writeBackup(db, res).catch((error: Error) => res.destroy(error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  return server;
}

/** Streams a backup from the running server into `out`; false when no server answers on the socket. */
export function backupFromRunningServer(dataDir: string, out: Writable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: backupSocketPath(dataDir), path: '/backup', method: 'GET' }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`the server answered ${res.statusCode}`));
      pipeline(res, out).then(() => resolve(true), reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(false);
      else reject(error);
    });
    req.end();
  });
}

/** Whether a server answers on the data directory's backup socket (it then owns the directory). */
export function serverRunsOn(dataDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(backupSocketPath(dataDir));
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
