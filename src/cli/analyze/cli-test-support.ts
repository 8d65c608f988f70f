/** Helpers for the `samtrygg analyze` tests: run a command in-process and write input files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runAnalyze } from './index.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runAnalyze(args, { stdout, stderr });
  return { code, out, err };
}

/** A temporary directory for input files; `remove()` in afterAll. */
export function tempFiles() {
  const dir = mkdtempSync(path.join(tmpdir(), 'samtrygg-analyze-'));
  return {
    write(name: string, content: string | Uint8Array): string {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    path: (name: string) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
