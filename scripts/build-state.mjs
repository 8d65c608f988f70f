// Is the build in dist/ current? Plain JavaScript with no dependencies, so `npm start` and the
// `samtrygg` command can answer it in milliseconds before anything is compiled.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What each build target is made from, and the file that records when it was last built. */
export const targets = {
  server: {
    sources: ['src/server', 'src/cli', 'src/analysis', 'src/contracts', 'tsconfig.json', 'tsconfig.build.json'],
    stamp: 'dist/server/.built',
  },
  web: {
    sources: ['src/web', 'src/contracts', 'vite.config.ts'],
    stamp: 'dist/web/index.html',
  },
};

const ignored = (name) => name.endsWith('.test.ts') || name.endsWith('.test.tsx') || name === 'node_modules';

function newestMtime(entry) {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const name of readdirSync(entry)) {
    if (!ignored(name)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** True when the target's build is missing or older than any of its sources. */
export function isStale(targetName) {
  const target = targets[targetName];
  let built;
  try {
    built = statSync(path.join(root, target.stamp)).mtimeMs;
  } catch {
    return true;
  }
  return target.sources.some((source) => newestMtime(path.join(root, source)) > built);
}
