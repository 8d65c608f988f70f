#!/usr/bin/env node
// The `samtrygg` command. Samtrygg runs its TypeScript sources through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
// `samtrygg analyze ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
