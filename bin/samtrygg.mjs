#!/usr/bin/env node
// The `samtrygg` command. Runs the build in dist/ when it is current (fast start: --help in tens of
// milliseconds); otherwise, in a working tree with edited sources, the TypeScript sources through tsx,
// so a developer never runs yesterday's build by mistake. `npm run build` makes the fast path current.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root } from '../scripts/build-state.mjs';

// `samtrygg analyze ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

let entry;
if (isStale('server')) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = path.join(root, 'src/cli/main.ts');
} else {
  entry = path.join(root, 'dist/cli/main.js');
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
