// `npm start`: build what is missing or stale, then run the built server (no TypeScript at run time).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root } from './build-state.mjs';

const stale = ['server', 'web'].filter(isStale);
if (stale.length > 0) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...stale], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist/server/main.js')).href);
