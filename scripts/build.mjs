// `npm run build [server|web]`: compiles the server and CLI (tsc to dist/, type checking is
// `npm run typecheck`'s job) and the web app (vite to dist/web). `--if-stale` builds only the
// targets whose sources changed since their last build (what `npm start` uses).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isStale, root, targets } from './build-state.mjs';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const named = args.filter((arg) => !arg.startsWith('--'));
const wanted = named.length > 0 ? named : Object.keys(targets);

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builders = {
  server() {
    // Start clean: a renamed or deleted source (a migration!) must not live on in dist/.
    for (const dir of ['server', 'cli', 'analysis', 'contracts']) {
      rmSync(path.join(root, 'dist', dir), { recursive: true, force: true });
    }
    run(bin('tsc'), ['-p', 'tsconfig.build.json', '--noCheck']);
    mkdirSync(path.join(root, 'dist/server'), { recursive: true });
    writeFileSync(path.join(root, targets.server.stamp), `${new Date().toISOString()}\n`);
  },
  web() {
    run(bin('vite'), ['build', '--logLevel', 'warn']);
  },
};

for (const name of wanted) {
  if (!builders[name]) {
    console.error(`Unknown build target ${name}; one of ${Object.keys(builders).join(', ')}`);
    process.exit(2);
  }
  if (ifStale && !isStale(name)) continue;
  const started = Date.now();
  builders[name]();
  console.error(`Built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
