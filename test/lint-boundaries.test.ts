import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The boundary rules of lint/boundaries.mjs, run by the real oxlint with the repository's own
 * configuration on test/fixtures/lint, where each rule has one deliberately misplaced import
 * (and one allowed import that must stay quiet).
 */
const root = path.resolve(import.meta.dirname, '..');
const oxlint = path.join(root, 'node_modules/.bin/oxlint');

interface Diagnostic {
  code: string;
  filename: string;
  message: string;
}

async function lintFixtures(): Promise<Diagnostic[]> {
  const result = await promisify(execFile)(oxlint, ['-c', '.oxlintrc.json', '-f', 'json', 'test/fixtures/lint'], {
    cwd: root,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })); // oxlint exits 1 on findings
  return (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('lint boundaries', () => {
  it('fail a deliberately misplaced import of each kind, and nothing else', async () => {
    const found = (await lintFixtures()).map((d) => `${d.code} ${path.relative('test/fixtures/lint', d.filename)}`);
    expect(found.sort()).toEqual(
      [
        'samtrygg(feature-boundary) src/server/features/alpha/alpha.service.ts',
        'samtrygg(frozen-migrations) src/server/db/migrations/209901010000_create_epsilon.ts',
        'samtrygg(no-server-imports) src/analysis/delta.ts',
        'samtrygg(no-server-imports) src/web/features/gamma/Gamma.ts',
        'samtrygg(no-sql-in-services) src/server/features/alpha/alpha.service.ts',
      ].sort(),
    );
  });

  it("name the other feature's repository and the way around it", async () => {
    const boundary = (await lintFixtures()).find((d) => d.code === 'samtrygg(feature-boundary)');
    expect(boundary?.message).toContain(
      'imports beta.repository.ts of the beta feature; call the beta service instead',
    );
  });
});
